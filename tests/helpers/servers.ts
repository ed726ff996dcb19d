/**
 * What every server we ship must do, asked as a browser or an attacker would: raw HTTP requests
 * (fetch would normalise `//host/%2e%2e` before sending it), and child processes started from a
 * directory other than the project's.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { createServer, type Server } from 'node:net';
import { expect } from 'vitest';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** GET with the path sent byte for byte as given. */
export function rawGet(base: string, path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * Paths that resolve to the home page once decoded and lack a trailing slash: a server that
 * "adds the slash" to them answers with a location a browser reads as another host.
 */
export const OFF_SITE_PATHS = [
  '//evil.example/%2e%2e',
  '//evil.example/%2E%2E',
  '//evil.example/..%2f',
  '//evil.example/%2e%2e%2f%2e%2e',
  '//evil.example/cases/%2e%2e',
  '///evil.example/%2e%2e',
  '/\\evil.example/%2e%2e',
  '/%5cevil.example/%2e%2e',
  '/%2f%2fevil.example/%2e%2e',
  '//evil.example/%2e%2e?next=1',
];

/** Headers every response must carry; `csp` is the header computed from the served site. */
export function expectSecurityHeaders(res: RawResponse, csp: string, what: string): void {
  expect(res.headers['content-security-policy'], what).toBe(csp);
  expect(String(res.headers['content-security-policy']), what).toContain("frame-ancestors 'none'");
  expect(res.headers['x-content-type-options'], what).toBe('nosniff');
  expect(res.headers['referrer-policy'], what).toBe('same-origin');
}

/** The security headers on a page, a 404 and a redirect, and no redirect to another host. */
export async function expectSafeServer(base: string, csp: string): Promise<void> {
  expect(csp).toContain("'wasm-unsafe-eval'");
  for (const path of ['/', '/cases/', '/no-such-page/', '/cases', '/pagefind/pagefind.js']) {
    expectSecurityHeaders(await rawGet(base, path), csp, path);
  }
  const slash = await rawGet(base, '/cases?page=2');
  expect(slash.status).toBe(301);
  expect(slash.headers['location']).toBe('/cases/?page=2');
  const own = new URL(base).host;
  for (const path of OFF_SITE_PATHS) {
    const res = await rawGet(base, path);
    const location = res.headers['location'];
    if (typeof location === 'string') expect(new URL(location, base).host, `${path} → ${location}`).toBe(own);
    expect(res.status, path).not.toBe(200);
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Holds a port the way another program would, until released. */
export async function holdPort(): Promise<{ port: number; release: () => Promise<void> }> {
  const s: Server = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  return { port: (s.address() as { port: number }).port, release: () => new Promise((resolve) => s.close(() => resolve())) };
}

/** Starts a server process and waits for its first line (it prints its address once listening). */
export async function startServer(cmd: string, args: string[], cwd: string): Promise<{ child: ChildProcess; output: string }> {
  const child = spawn(cmd, args, { cwd, stdio: 'pipe', env: { ...process.env, HOST: '127.0.0.1', PORT: '' } });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      output += d.toString();
      if (output.includes('提供服务')) resolve();
    });
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    child.once('exit', (code) => reject(new Error(`服务器退出（${String(code)}）：${output}`)));
  });
  return { child, output };
}

/** Chinese, and no stack trace: no `    at …` line and no Node error banner. */
export function expectPlainChinese(output: string): void {
  expect(output).not.toMatch(/^\s+at\s/m);
  expect(output).not.toMatch(/Error:|Stack trace|node:internal/);
}
