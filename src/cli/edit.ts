/**
 * `npm run edit`: the Chinese web editor on this machine. Starts
 *   - decap-server in git mode (port 8081): reads and writes the repository, and keeps each entry
 *     under review on its own branch `cms/<类别>/<文件名>` (编辑 → 待审 → 待发布);
 *   - the editor page at http://127.0.0.1:4322/admin/ (src/lib/editor-server.ts);
 *   - `astro dev` at http://127.0.0.1:4321/ as the live preview of the site.
 *
 * Options: --port (editor, 4322), --proxy-port (8081), --preview-port (4321), --no-preview,
 * --repo <folder> (a git repository, default this one). The content folder is LIANJIAN_CONTENT
 * (default content/), which must lie inside the repository.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentRoot } from '../lib/content-root.ts';
import { editorConfig, remoteBackend } from '../lib/editor-check.ts';
import { bundleEditorScript, createEditorServer } from '../lib/editor-server.ts';
import { checkPort, parsePort, runCli, ServeError } from '../lib/serve-site.ts';

const project = fileURLToPath(new URL('../..', import.meta.url));
const retry = 'npm run edit -- --port 4400';
const host = '127.0.0.1';

interface EditArgs {
  port: number;
  proxyPort: number;
  previewPort: number;
  preview: boolean;
  repo: string;
}

export function parseEditArgs(argv: readonly string[]): EditArgs {
  const args: EditArgs = { port: 4322, proxyPort: 8081, previewPort: 4321, preview: true, repo: project };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new ServeError(`${a} 后面缺少取值，例如：${retry}`);
      return v;
    };
    if (a === '--port') args.port = parsePort(next(), retry);
    else if (a === '--proxy-port') args.proxyPort = parsePort(next(), retry);
    else if (a === '--preview-port') args.previewPort = parsePort(next(), retry);
    else if (a === '--no-preview') args.preview = false;
    else if (a === '--repo') args.repo = resolve(next());
    else throw new ServeError(`不认识的选项“${a}”。可用：--port、--proxy-port、--preview-port、--no-preview、--repo`);
  }
  return args;
}

function currentBranch(repo: string): string {
  const r = spawnSync('git', ['-C', repo, 'rev-parse', '--abbrev-ref', 'HEAD'], { encoding: 'utf8' });
  if (r.status !== 0) throw new ServeError(`“${repo}”不是 git 仓库：编辑器的审核流程（每条待审内容一个分支）需要 git。先运行 git init 并提交一次。`);
  const branch = r.stdout.trim();
  if (branch === 'HEAD') throw new ServeError('仓库当前不在任何分支上（detached HEAD），请先 git switch 到主分支。');
  return branch;
}

const children: ChildProcess[] = [];
function stopAll(): void {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
}

runCli(async () => {
  const args = parseEditArgs(process.argv.slice(2));
  const contentDir = resolve(contentRoot());
  const rel = relative(args.repo, contentDir);
  if (rel.startsWith('..') || !existsSync(contentDir)) throw new ServeError(`内容目录“${contentDir}”不在仓库“${args.repo}”之内，编辑器无法写入。`);
  const branch = currentBranch(args.repo);
  for (const port of [args.port, args.proxyPort, ...(args.preview ? [args.previewPort] : [])]) await checkPort(port, host, retry);

  console.log('正在准备编辑器（首次打包脚本约需半分钟）…');
  const assets = await bundleEditorScript(resolve(project, 'src/components/editor/admin.ts'));
  const proxyUrl = `http://${host}:${args.proxyPort}/api/v1`;
  let remote;
  try {
    remote = remoteBackend(process.env['LIANJIAN_EDITOR_BACKEND'], branch);
  } catch (err) {
    throw new ServeError((err as Error).message);
  }
  const config = editorConfig(args.repo, contentDir, branch, proxyUrl, remote);

  const require = createRequire(import.meta.url);
  const decapServer = require.resolve('decap-server/dist/index.js');
  // With an intranet backend the page talks to GitLab/Forgejo itself; the local proxy is not needed.
  if (!remote) {
    const proxy = spawn(process.execPath, [decapServer], {
      cwd: args.repo,
      env: { ...process.env, MODE: 'git', PORT: String(args.proxyPort), BIND_HOST: host, GIT_REPO_DIRECTORY: args.repo, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    children.push(proxy);
  }
  if (args.preview) {
    const astro = require.resolve('astro/bin/astro.mjs');
    const dev = spawn(process.execPath, [astro, 'dev', '--host', host, '--port', String(args.previewPort)], { cwd: project, env: process.env, stdio: ['ignore', 'inherit', 'inherit'] });
    children.push(dev);
  }
  for (const c of children) {
    c.on('exit', (code) => {
      if (code !== 0 && code !== null) {
        console.error(`编辑器的一个组成部分意外退出（代码 ${code}），编辑器停止。`);
        stopAll();
        process.exit(1);
      }
    });
  }
  process.on('SIGINT', () => {
    stopAll();
    process.exit(0);
  });
  process.on('SIGTERM', () => {
    stopAll();
    process.exit(0);
  });

  const previewUrl = args.preview ? `http://${host}:${args.previewPort}/` : '';
  const server = createEditorServer({ contentDir, config, assets, previewUrl, log: (line) => console.log(line) });
  await new Promise<void>((ok) => server.listen(args.port, host, ok));
  console.log(`编辑器：http://${host}:${args.port}/admin/（内容目录 ${rel || '.'}，${remote ? `内网仓库 ${remote.repo}` : '本机仓库'}，分支 ${remote?.branch ?? branch}）`);
  if (previewUrl) console.log(`网站预览：${previewUrl}（已发布到 ${branch} 分支的内容）`);
  console.log('按 Ctrl+C 停止。');
});
