/**
 * The benchmark counts a search's download at the server: every response, as sent over the wire
 * (compressed when the server compresses), whoever asked for it — a worker's script included.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { countServedBytes } from '../../src/bench/served-bytes.ts';
import { serveStatic } from '../../src/lib/static-server.ts';

const dir = mkdtempSync(join(os.tmpdir(), 'served-bytes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The raw body as received, not decompressed: what the reader's connection carried. */
function download(port: number, path: string): Promise<number> {
  return new Promise((done, fail) => {
    get({ host: '127.0.0.1', port, path, headers: { 'accept-encoding': 'gzip' } }, (res) => {
      let n = 0;
      res.on('data', (chunk: Buffer) => (n += chunk.length));
      res.on('end', () => done(n));
    }).on('error', fail);
  });
}

describe('bytes counted at the server', () => {
  it('counts each file as sent, the worker script Chromium reports as 0 bytes included', async () => {
    mkdirSync(join(dir, 'pagefind'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>搜索</title>');
    writeFileSync(join(dir, 'pagefind/pagefind-worker.js'), 'self.onmessage = () => {};\n'.repeat(400));
    writeFileSync(join(dir, 'pagefind/index.pf_index'), Buffer.alloc(3000, 7));
    const server = serveStatic(dir, { csp: "default-src 'self'" });
    const served = countServedBytes(server);
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    const { port } = server.address() as AddressInfo;
    try {
      const worker = await download(port, '/pagefind/pagefind-worker.js?v=1');
      const index = await download(port, '/pagefind/index.pf_index');
      const files = served.take();
      expect(files).toEqual([
        { path: '/pagefind/pagefind-worker.js', bytes: worker },
        { path: '/pagefind/index.pf_index', bytes: 3000 },
      ]);
      // The script went compressed: counted as the 10 KB file it was, it would overstate the download.
      expect(worker).toBeGreaterThan(0);
      expect(worker).toBeLessThan(1000);
      expect(index).toBe(3000);
      expect(served.take()).toEqual([]);
    } finally {
      await new Promise((closed) => server.close(closed));
    }
  });
});
