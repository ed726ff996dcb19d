/**
 * What the search downloads is served as a browser can reuse it: the project's server answers a
 * repeated request for an unchanged file with 304 (a member's too, with its CORS header); and the
 * benchmark judges results from what the generator wrote.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { judge } from '../../src/bench/search-quality.ts';
import { serveStatic } from '../../src/lib/static-server.ts';

describe('the project server lets the browser reuse what it has', () => {
  it('answers a repeated request for an unchanged file with 304 and no body', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lianjian-304-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>首页</title>');
    writeFileSync(join(dir, 'wasm.unknown.pagefind'), Buffer.alloc(2000, 7));
    const server = serveStatic(dir, { csp: "default-src 'self'" });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const first = await fetch(`${base}/wasm.unknown.pagefind`);
      expect(first.status).toBe(200);
      expect((await first.arrayBuffer()).byteLength).toBe(2000);
      const modified = first.headers.get('last-modified') ?? '';
      expect(modified).not.toBe('');
      // Always asked again, so a rebuilt page is never shown stale.
      expect(first.headers.get('cache-control')).toBe('no-cache');
      const again = await fetch(`${base}/wasm.unknown.pagefind`, { headers: { 'if-modified-since': modified } });
      expect(again.status).toBe(304);
      expect((await again.arrayBuffer()).byteLength).toBe(0);
      const older = await fetch(`${base}/wasm.unknown.pagefind`, { headers: { 'if-modified-since': new Date(Date.parse(modified) - 60_000).toUTCString() } });
      expect(older.status).toBe(200);
    } finally {
      await new Promise((closed) => server.close(closed));
    }
  });

  it("answers a portal's repeat of a member's wasm with 304 and the same CORS header (issue 20)", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lianjian-304-cors-'));
    mkdirSync(join(dir, 'pagefind'));
    writeFileSync(join(dir, 'pagefind/wasm.unknown.pagefind'), Buffer.alloc(2000, 7));
    const portal = 'http://127.0.0.1:4400';
    const server = serveStatic(dir, { csp: "default-src 'self'", cors: [portal] });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pagefind/wasm.unknown.pagefind`;
    try {
      const first = await fetch(url, { headers: { origin: portal } });
      expect(first.headers.get('access-control-allow-origin')).toBe(portal);
      // The member's narrative bundle names the same wasm: the portal asks again.
      const again = await fetch(url, { headers: { origin: portal, 'if-modified-since': first.headers.get('last-modified') ?? '' } });
      expect(again.status).toBe(304);
      expect(again.headers.get('access-control-allow-origin')).toBe(portal);
      expect(again.headers.get('vary')).toBe(first.headers.get('vary'));
      const other = await fetch(url, { headers: { origin: 'https://evil.example', 'if-modified-since': first.headers.get('last-modified') ?? '' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await new Promise((closed) => server.close(closed));
    }
  });
});

describe('the benchmark judges search results from what the generator wrote', () => {
  const pages = new Map([
    ['/cases/a/', '以统一保管存折为名截留补贴'],
    ['/cases/b/', '虚列支出'],
    ['/cases/c/', '代管存折'],
    ['/courses/d/', '惠农资金'],
  ]);
  it('counts the relevant pages and whether the top results are among them', () => {
    expect(judge('存折', ['/cases/b/', '/cases/c/', '/courses/d/'], pages)).toEqual({ relevant: 2, success1: false, success5: true, precision10: 1 / 3 });
    expect(judge('存折', ['/cases/a/#facts'], pages)).toMatchObject({ success1: true, precision10: 1 });
    expect(judge('存折', [], pages)).toMatchObject({ success5: false, precision10: 0 });
  });
});
