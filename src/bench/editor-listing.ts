/**
 * `npm run bench:editor [-- 10000]`: how long the web editor (issue 18) takes to list a large case
 * library, as an editor meets it. Generates the benchmark corpus into a temporary git repository
 * (never content/), starts `npm run edit` on it without the preview, opens /admin/ in Chromium,
 * presses 登录 and times until the first case title is on screen; also reports how long the editor
 * took to start (it runs the content check over the whole corpus once).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../lib/chromium.ts';
import { generateCorpus } from './generate.ts';

const project = fileURLToPath(new URL('../..', import.meta.url));
const cases = Number(process.argv[2] ?? 10_000);
const git = (repo: string, ...args: string[]) => spawnSync('git', ['-C', repo, '-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', ...args], { encoding: 'utf8' });

const repo = mkdtempSync(join(os.tmpdir(), 'lianjian-editor-bench-'));
const content = join(repo, 'content');
try {
  generateCorpus({ cases, dir: content });
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'corpus');
  const port = 4500 + Math.floor(Math.random() * 400);
  const started = performance.now();
  const editor = spawn(process.execPath, ['src/cli/edit.ts', '--repo', repo, '--no-preview', '--port', String(port), '--proxy-port', String(port + 1)], {
    cwd: project,
    env: { ...process.env, LIANJIAN_CONTENT: content },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('编辑器：http')) resolve();
    };
    editor.stdout.on('data', read);
    editor.stderr.on('data', read);
    editor.on('exit', (code) => reject(new Error(`编辑器退出（${code}）：${output}`)));
  });
  const startSeconds = (performance.now() - started) / 1000;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(600_000);
    await page.goto(`http://127.0.0.1:${port}/admin/`);
    const login = page.getByRole('button', { name: '登录' });
    await login.waitFor();
    const clicked = performance.now();
    await login.click();
    await page.locator('a[href*="/collections/cases/entries/"]').first().waitFor();
    const listSeconds = (performance.now() - clicked) / 1000;
    const shown = await page.locator('a[href*="/collections/cases/entries/"]').count();
    console.log(`${cases} 个案例：编辑器启动 ${startSeconds.toFixed(1)} 秒；点“登录”到案例列表出现 ${listSeconds.toFixed(1)} 秒，列表首屏 ${shown} 条；负载 ${os.loadavg()[0]?.toFixed(2)}`);
  } finally {
    await browser.close();
    editor.kill('SIGTERM');
  }
} finally {
  rmSync(repo, { recursive: true, force: true });
}
