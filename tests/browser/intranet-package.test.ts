/**
 * The intranet package, end to end: packed from the mini fixture, unpacked elsewhere, started with
 * its one command from yet another directory, checked as an attacker would, and searched in the browser.
 */
import { execFileSync, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteCsp } from '../../src/lib/deploy.ts';
import { describeBrowser, useBrowser } from '../helpers/browser.ts';
import { MINI } from '../helpers/fixture.ts';
import { expectPlainChinese, expectSafeServer, freePort, holdPort, startServer } from '../helpers/servers.ts';

describe('intranet package', () => {
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
    // Started from a directory that is neither the package nor the project: the site is found
    // next to serve.mjs all the same.
    server = (await startServer('node', [join(unpacked, 'serve.mjs'), '--port', String(port)], mkdtempSync(join(tmpdir(), 'lianjian-cwd-')))).child;
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

  it('serves the internal edition with its CSP, nosniff and Referrer-Policy, and never redirects off-site', async () => {
    const res = await fetch(`${base}/cases/internal-case/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('内部资料：仅限内网使用');
    await expectSafeServer(base, siteCsp(join(unpacked, 'site')));
  });

  it('reports a busy port in Chinese, with the way to choose another', async () => {
    const held = await holdPort();
    try {
      const r = spawnSync('node', [join(unpacked, 'serve.mjs'), String(held.port)], { cwd: tmpdir(), encoding: 'utf8', timeout: 30_000 });
      expect(r.status).not.toBe(0);
      expect(r.stderr).toContain(`端口 ${held.port} 已被占用`);
      expect(r.stderr).toContain('node serve.mjs --port 9000');
      expectPlainChinese(`${r.stdout}${r.stderr}`);
    } finally {
      await held.release();
    }
  });

  describeBrowser('in the browser', () => {
    const browser = useBrowser();

    it('search works', async () => {
      const { page, errors } = await browser.open(`${base}/search/?q=招标`);
      await expect.poll(() => page.locator('[data-status]').innerText(), { timeout: 15_000 }).toMatch(/^找到 \d+ 个结果$/);
      expect(errors).toEqual([]);
    });
  });
});
