/**
 * What an editor sees when a build meets a bad entry: the content check's Chinese report naming
 * the file, once, and nothing else of note — no Astro English error banner, no stack trace — from
 * `npm run build`, `npm run build:internal` and a bare `astro build`; and `astro dev` shows the same
 * report.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentErrors } from '../../src/lib/content-errors.ts';
import { buildSite } from '../helpers/build.ts';
import { copyFixture, plant } from '../helpers/fixture.ts';
import { freePort } from '../helpers/servers.ts';

const FIELD = `字段 tier：${contentErrors.notInEnum.message(['leader', 'key-post', 'staff'])}`;
let content = '';

beforeAll(() => {
  content = copyFixture();
  plant(content, 'cases/public-case.md', 'tier: leader', 'tier: boss');
});

const env = () => ({ ...process.env, ASTRO_TELEMETRY_DISABLED: '1', LIANJIAN_CONTENT: content, LIANJIAN_OUT: mkdtempSync(join(tmpdir(), 'lianjian-out-')) });

function expectReportOnly(output: string): void {
  expect(output).toContain('内容检查发现 1 个问题');
  expect(output).toContain(relative(process.cwd(), join(content, 'cases/public-case.md')));
  expect(output).toContain(FIELD);
  // Once: the integration does not repeat what the check already printed.
  expect(output.split('内容检查发现').length - 1).toBe(1);
  expect(output).not.toMatch(/^\s+at\s/m);
  expect(output).not.toMatch(/Stack trace|An unhandled error|AstroError|ContentError|\[ERROR\]|Location:/);
}

describe('a build with a bad entry', () => {
  it.each(['build', 'build:internal'])('npm run %s prints the Chinese report and stops', (script) => {
    const r = spawnSync('npm', ['run', script], { env: env(), encoding: 'utf8', timeout: 120_000 });
    expect(r.status).not.toBe(0);
    expectReportOnly(`${r.stdout}${r.stderr}`);
  });

  it('a bare astro build (as the tests and the intranet package run it) does the same', () => {
    const r = buildSite({ LIANJIAN_CONTENT: content, LIANJIAN_OUT: mkdtempSync(join(tmpdir(), 'lianjian-out-')) });
    expect(r.status).not.toBe(0);
    expectReportOnly(r.output);
  });

  it('npm run dev shows the same report, so a problem is seen while writing', async () => {
    const port = await freePort();
    const dev = spawn('npx', ['astro', 'dev', '--port', String(port), '--host', '127.0.0.1'], { env: env(), stdio: 'pipe', detached: true });
    let output = '';
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`astro dev 没有在 60 秒内报告问题：${output}`)), 60_000);
        const read = (d: Buffer) => {
          output += d.toString();
          if (output.includes(FIELD)) {
            clearTimeout(timer);
            resolve();
          }
        };
        dev.stdout.on('data', read);
        dev.stderr.on('data', read);
        dev.once('exit', (code) => reject(new Error(`astro dev 退出（${String(code)}）：${output}`)));
      });
    } finally {
      if (dev.pid) process.kill(-dev.pid);
    }
    expect(output).toContain('cases/public-case.md');
    expect(output).not.toMatch(/^\s+at\s/m);
  });
});
