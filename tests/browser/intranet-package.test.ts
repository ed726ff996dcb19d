/**
 * The intranet package, end to end: packed from the mini fixture, unpacked elsewhere, started with
 * its one command, and searched in the browser.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, useBrowser } from '../helpers/browser.ts';
import { MINI } from '../helpers/fixture.ts';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

describeBrowser('intranet package', () => {
  const browser = useBrowser();
  let server: ChildProcess | undefined;
  let base = '';
  let unpacked = '';

  beforeAll(async () => {
    const work = mkdtempSync(join(tmpdir(), 'lianjian-package-'));
    execFileSync('node', ['src/cli/package-internal.ts', '--site', 'http://lianjian.intra.local:8080'], {
      env: { ...process.env, LIANJIAN_CONTENT: MINI, LIANJIAN_OUT: join(work, 'site'), LIANJIAN_PACKAGE_DIR: join(work, 'out'), ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: 'pipe',
    });
    const archive = readdirSync(join(work, 'out')).find((f) => f.endsWith('.tar.gz')) ?? '';
    expect(archive).toMatch(/^lianjian-internal-\d+\.\d+\.\d+-\d{8}-[0-9a-f]+\.tar\.gz$/);
    execFileSync('tar', ['-xzf', join(work, 'out', archive), '-C', work]);
    unpacked = join(work, archive.replace(/\.tar\.gz$/, ''));
    const port = await freePort();
    server = spawn('node', ['serve.mjs', String(port)], { cwd: unpacked, stdio: 'pipe' });
    await new Promise<void>((resolve) => server?.stdout?.once('data', () => resolve()));
    base = `http://127.0.0.1:${port}`;
  });

  afterAll(() => {
    server?.kill();
  });

  it('refuses to pack for the placeholder address, and says how to give the real one', () => {
    const run = spawnSync('node', ['src/cli/package-internal.ts', '--site', 'https://lianjian.example.cn/'], { encoding: 'utf8', env: { ...process.env, LIANJIAN_CONTENT: MINI } });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('只是示例地址');
    expect(run.stderr).toContain('npm run package:internal -- --site');
  });

  it('links every page to the intranet address it was packed for', async () => {
    const html = await (await fetch(`${base}/cases/internal-case/`)).text();
    expect(html).toContain('<link rel="canonical" href="http://lianjian.intra.local:8080/cases/internal-case/"');
    expect(html).not.toContain('lianjian.example.cn');
    expect(readFileSync(join(unpacked, 'VERSION.txt'), 'utf8')).toContain('站点地址：http://lianjian.intra.local:8080');
  });

  it('carries its version, build date and commit, and an nginx configuration', () => {
    const version = readFileSync(join(unpacked, 'VERSION.txt'), 'utf8');
    expect(version).toMatch(/构建日期：\d{4}-\d{2}-\d{2}/);
    expect(version).toMatch(/提交：[0-9a-f]+/);
    expect(readFileSync(join(unpacked, 'nginx.conf'), 'utf8')).toContain("add_header Content-Security-Policy \"default-src 'self'");
  });

  it('serves the internal edition with its CSP header, and search works', async () => {
    const res = await fetch(`${base}/cases/internal-case/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("'wasm-unsafe-eval'");
    expect(await res.text()).toContain('内部资料：仅限内网使用');
    const { page, errors } = await browser.open(`${base}/search/?q=招标`);
    await expect.poll(() => page.locator('[data-status]').innerText(), { timeout: 15_000 }).toMatch(/^找到 \d+ 个结果$/);
    expect(errors).toEqual([]);
  });
});
