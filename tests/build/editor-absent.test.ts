/**
 * The web editor (`npm run edit`, issue 18) never reaches a published site: no /admin/ page, no
 * Decap script, no trace of the editor's format in the public test build or in an internal
 * build made while the editor's environment is set.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMAT_NAME } from '../../src/lib/cms-config.ts';
import { SOURCE_KEY } from '../../src/lib/cms-format.ts';
import { buildSite } from '../helpers/build.ts';
import { DIST } from '../helpers/dist.ts';
import { copyFixture } from '../helpers/fixture.ts';

/** What only the editor's page and script contain. */
const TRACES = ['/admin/', 'decap-cms', 'DecapCms', 'netlify-cms', FORMAT_NAME, SOURCE_KEY, 'cms.md-mode', 'lianjian-check', '内容编辑（本机）'];

function sweep(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const item of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, item.name);
      const rel = relative(dir, full);
      // Whole names only: a sector such as admin-approval (行政审批) is content, not the editor.
      if (/^admin$|^admin\.|decap/i.test(item.name)) found.push(`${rel}：文件名`);
      if (item.isDirectory()) walk(full);
      else {
        const text = readFileSync(full).toString('latin1');
        for (const t of TRACES) if (text.includes(Buffer.from(t).toString('latin1'))) found.push(`${rel}：${t}`);
      }
    }
  };
  walk(dir);
  return found;
}

describe('the web editor is not part of any build', () => {
  it('the public build has no /admin/ page and no editor script', () => {
    expect(sweep(DIST)).toEqual([]);
  });

  it('an internal build made with the editor running has none either', () => {
    const out = mkdtempSync(join(tmpdir(), 'lianjian-editor-absent-'));
    const result = buildSite({ LIANJIAN_CONTENT: copyFixture(), LIANJIAN_OUT: out, LIANJIAN_EDITION: 'internal', LIANJIAN_EDITOR: '1' }, { pagefind: true });
    expect(result.status, result.output.slice(-2000)).toBe(0);
    expect(sweep(out)).toEqual([]);
  }, 600_000);

  it('the sweep would notice an editor page if one were built', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lianjian-editor-trace-'));
    const admin = join(dir, 'admin');
    mkdirSync(admin);
    writeFileSync(join(admin, 'index.html'), '<script src="/admin/editor.js"></script>');
    expect(sweep(dir)).toEqual(['admin：文件名', 'admin/index.html：/admin/']);
  });
});
