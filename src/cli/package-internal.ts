/**
 * `npm run package:internal`: builds the internal edition and packs it into one versioned archive
 * an intranet machine runs with one command (`node serve.mjs`), search included: Pagefind does not
 * work from file://, so the archive brings its own small static server (bundled to plain
 * JavaScript, any Node 18+) and an nginx configuration for sites that prefer nginx.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { createInterface } from 'node:readline/promises';
import { nginxConfig, siteCsp } from '../lib/deploy.ts';
import { corsOrigins } from '../lib/federation.ts';
import { checkSiteAddress, siteArgument } from '../lib/site-address.ts';

/**
 * The address the intranet reaches the site at: `-- --site https://…`, else LIANJIAN_SITE, else
 * asked for at the terminal. Never the placeholder: shared links, feeds and the sitemap use it.
 */
async function siteAddress(): Promise<string> {
  let answer = siteArgument(process.argv.slice(2)) ?? process.env['LIANJIAN_SITE'];
  if (answer === undefined && process.stdin.isTTY) {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    answer = await rl.question('内网访问本站的地址（如 http://10.1.2.3:8080 或 https://lianjian.单位.cn）：');
    rl.close();
  }
  const checked = checkSiteAddress(answer);
  if (!checked.ok) {
    console.error(`无法打包：${checked.error}\n请这样运行：npm run package:internal -- --site https://内网地址`);
    process.exit(1);
  }
  return checked.url;
}

const out = resolve(process.env['LIANJIAN_PACKAGE_DIR'] ?? 'dist-package');
const site = resolve(process.env['LIANJIAN_OUT'] ?? 'dist-internal');
const env = { ...process.env, LIANJIAN_EDITION: 'internal', LIANJIAN_OUT: site, LIANJIAN_SITE: await siteAddress() };
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { env, stdio: 'inherit' });

run('npx', ['astro', 'build']);
run('node', ['src/cli/index-search.ts', site]);

const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
let commit = 'unknown';
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
} catch {
  // not a git checkout: the archive says so
}
const date = new Date().toISOString().slice(0, 10);
const name = `lianjian-internal-${version}-${date.replace(/-/g, '')}-${commit}`;
const stage = join(out, name);
rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
cpSync(site, join(stage, 'site'), { recursive: true });
const csp = siteCsp(site);

await build({
  entryPoints: ['src/cli/serve.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node18',
  outfile: join(stage, 'serve.mjs'),
  banner: { js: '// 廉鉴内网版静态服务器：node serve.mjs [端口]（或 --port 端口），可在任何目录下启动' },
  define: { 'process.env.LIANJIAN_DEFAULT_SITE': JSON.stringify('site'), 'process.env.LIANJIAN_CSP': JSON.stringify(csp) },
});
writeFileSync(join(stage, 'nginx.conf'), nginxConfig('/srv/lianjian/site', csp, corsOrigins()));
writeFileSync(join(stage, 'VERSION.txt'), `廉鉴 内网版\n版本：${version}\n构建日期：${date}\n提交：${commit}\n站点地址：${env.LIANJIAN_SITE}\n`);
writeFileSync(
  join(stage, 'README.txt'),
  [
    '廉鉴 内网版',
    '',
    '启动（需要 Node.js 18 或更高版本）：',
    '  node serve.mjs           在 http://127.0.0.1:8080/ 提供服务',
    '  node serve.mjs --port 9000   换用 9000 端口（也可写 node serve.mjs 9000）',
    '  node /opt/lianjian/serve.mjs  在任何目录下都可启动，站点总是 serve.mjs 旁边的 site/',
    '  HOST=0.0.0.0 node serve.mjs   允许内网其他电脑访问',
    '',
    '也可以用 nginx：把 site/ 目录放到 /srv/lianjian/site，参照 nginx.conf 配置。',
    '',
    '联网检索（成员站点）：省级平台等站点要在搜索中检索本站时，须放行对方的地址，例如',
    '  LIANJIAN_CORS_ORIGINS="https://lianjian.省级平台.cn" HOST=0.0.0.0 node serve.mjs',
    '多个地址用空格分隔；只对搜索索引（/pagefind*/、/narrative/）和数据导出（/network/export.json）放行。',
    'nginx 在 nginx.conf 的 map $http_origin $lianjian_cors 中逐行添加。',
    '本版本包含内部资料，仅限内网使用，不得公开或外传。',
    '',
  ].join('\n'),
);
const archive = join(out, `${name}.tar.gz`);
execFileSync('tar', ['-czf', archive, '-C', out, name]);
rmSync(stage, { recursive: true, force: true });
console.log(`内网版已打包：${archive}`);
