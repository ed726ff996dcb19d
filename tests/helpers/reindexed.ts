/**
 * The test build indexed again with other settings (shard sizes), in a copy served on its own
 * port: how a library too large for the sample is indexed, checked on the real site.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { serveStatic } from '../../src/lib/static-server.ts';
import { DIST } from './dist.ts';

/** `env` is read once the test build exists; `origin` and `folders` are set before the tests run. */
export function useReindexedSite(env: () => Record<string, string>): { origin: string; folders: string[] } {
  const site = { origin: '', folders: [] as string[] };
  const dir = mkdtempSync(join(tmpdir(), 'lianjian-reindexed-'));
  let server: Server | undefined;
  beforeAll(async () => {
    cpSync(DIST, dir, { recursive: true });
    const run = spawnSync(process.execPath, ['src/cli/index-search.ts', dir], { env: { ...process.env, ...env() }, encoding: 'utf8' });
    expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
    site.folders = readdirSync(dir).filter((d) => d.startsWith('pagefind'));
    // Served once indexed: the server takes its CSP header from the pages in the folder.
    const started = serveStatic(dir);
    server = started;
    await new Promise<void>((ready) => started.listen(0, '127.0.0.1', ready));
    site.origin = `http://127.0.0.1:${(started.address() as AddressInfo).port}`;
  }, 120_000);
  afterAll(async () => {
    await new Promise((closed) => (server ? server.close(closed) : closed(undefined)));
    rmSync(dir, { recursive: true, force: true });
  });
  return site;
}
