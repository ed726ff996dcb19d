/**
 * `npm start` and `npm run serve`, as someone starting them would: from another directory, on a
 * port they chose, on a port already taken. The served site is the test build; its CSP header must
 * be the one computed from its own pages.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteCsp } from '../../src/lib/deploy.ts';
import { TEXT_SIZE_COOKIE, TEXT_SIZE_CSS } from '../../src/lib/text-size.ts';
import { DIST } from '../helpers/dist.ts';
import { expectPlainChinese, expectSafeServer, freePort, holdPort, rawGet, startServer } from '../helpers/servers.ts';

const SERVE = resolve('src/cli/serve.ts');
const elsewhere = () => mkdtempSync(join(tmpdir(), 'lianjian-cwd-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill();
});

async function serve(args: string[]): Promise<string> {
  const port = await freePort();
  const { child } = await startServer(process.execPath, [SERVE, ...args.map((a) => a.replace('$PORT', String(port)))], elsewhere());
  children.push(child);
  return `http://127.0.0.1:${port}`;
}

describe('npm run serve', () => {
  let base = '';
  beforeAll(async () => {
    base = await serve([resolve(DIST), '--port', '$PORT']);
  });

  it("sends the site's CSP (with frame-ancestors), nosniff and a Referrer-Policy, and never redirects off-site", async () => {
    await expectSafeServer(base, siteCsp(DIST));
  });

  it('keeps the reader’s text size and compresses text', async () => {
    const css = await rawGet(base, TEXT_SIZE_CSS, { cookie: `${TEXT_SIZE_COOKIE}=large` });
    expect(css.headers['set-cookie']?.[0]).toContain(`${TEXT_SIZE_COOKIE}=large`);
    expect(css.headers['cache-control']).toBe('no-cache');
    const res = await fetch(`${base}/cases/`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(await res.text()).toContain('警示案例');
  });

  it('takes the port as the second argument too, and a folder relative to where it starts', async () => {
    const port = await freePort();
    const { child } = await startServer(process.execPath, [SERVE, DIST, String(port)], resolve('.'));
    children.push(child);
    expect((await rawGet(`http://127.0.0.1:${port}`, '/')).status).toBe(200);
  });

  it('answers a 404 with a plain-text message when the folder has no 404.html', async () => {
    const bare = mkdtempSync(join(tmpdir(), 'lianjian-bare-'));
    copyFileSync(join(DIST, 'index.html'), join(bare, 'index.html'));
    const url = await serve([bare, '$PORT']);
    const res = await rawGet(url, '/no-such-page/');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.body).toContain('找不到这个页面');
    expect(res.headers['content-security-policy']).toBe(siteCsp(bare));
    const gz = await fetch(`${url}/missing.css`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.status).toBe(404);
    expect(await gz.text()).toContain('找不到这个页面');
  });
});

describe('a busy or invalid port', () => {
  const run = (cmd: string, args: string[]) => {
    const started = Date.now();
    // A content folder that does not exist: should the port check ever come after the build
    // again, the build fails at once instead of replacing dist/.
    const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 60_000, env: { ...process.env, LIANJIAN_CONTENT: '/nonexistent-lianjian-content', PORT: '' } });
    return { status: r.status, output: `${r.stdout}${r.stderr}`, seconds: (Date.now() - started) / 1000 };
  };

  it('npm start reports a busy port in Chinese before building anything', async () => {
    const held = await holdPort();
    try {
      const r = run('npm', ['start', '--', '--port', String(held.port)]);
      expect(r.status).not.toBe(0);
      expect(r.output).toContain(`端口 ${held.port} 已被占用`);
      expect(r.output).toContain('npm start -- --port 4400');
      expect(r.output).not.toMatch(/内容检查|astro build|building/i);
      expectPlainChinese(r.output);
    } finally {
      await held.release();
    }
  });

  it.each([['abc'], ['70000'], ['0'], ['80.5']])('npm start -- --port %s is refused in Chinese before building', (port) => {
    const r = run('npm', ['start', '--', '--port', port]);
    expect(r.status).not.toBe(0);
    expect(r.output).toContain(`端口“${port}”无效：应为 1–65535 之间的整数`);
    expect(r.output).not.toMatch(/内容检查|building/i);
    expectPlainChinese(r.output);
  });

  it('npm run serve reports a busy port and an unknown option in Chinese', async () => {
    const held = await holdPort();
    try {
      const busy = run('npm', ['run', 'serve', '--', DIST, '--port', String(held.port)]);
      expect(busy.status).not.toBe(0);
      expect(busy.output).toContain(`端口 ${held.port} 已被占用`);
      expect(busy.output).toContain('npm run serve -- dist --port 4400');
      expectPlainChinese(busy.output);
    } finally {
      await held.release();
    }
    const unknown = run('npm', ['run', 'serve', '--', DIST, '--prot', '4400']);
    expect(unknown.output).toContain('不认识的参数“--prot”');
    expectPlainChinese(unknown.output);
  });
});
