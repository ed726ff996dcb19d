/**
 * An editor keeps `npm run serve` open and runs `npm run build` again: the rebuilt pages carry new
 * hashes for their inline styles, and the server's policy header must allow them, or the pages
 * are drawn unstyled until the server is restarted.
 */
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { serveStatic } from '../../src/lib/static-server.ts';

const dir = mkdtempSync(join(tmpdir(), 'lianjian-serve-rebuilt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const page = (hash: string) => `<!DOCTYPE html><html lang="zh-CN"><head><meta http-equiv="content-security-policy" content="default-src 'self'; style-src 'self' '${hash}'"></head><body>廉鉴</body></html>`;

it('allows the rebuilt pages’ inline styles without a restart', async () => {
  writeFileSync(join(dir, 'index.html'), page('sha256-before'));
  const server = serveStatic(dir, { cors: [] }).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  try {
    expect((await fetch(url)).headers.get('content-security-policy')).toContain("'sha256-before'");
    // The build writes the pages again (a later modification time than the first build's).
    writeFileSync(join(dir, 'index.html'), page('sha256-after'));
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(dir, 'index.html'), later, later);
    const header = (await fetch(url)).headers.get('content-security-policy') ?? '';
    expect(header).toContain("'sha256-after'");
    expect(header).not.toContain("'sha256-before'");
  } finally {
    server.close();
    server.closeAllConnections();
  }
});
