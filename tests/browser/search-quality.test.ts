/**
 * The committed query set (tests/search/queries.yaml) against the built site, in Chromium, through
 * the index as the search page sees it: every shard merged, as in src/components/search/pagefind.ts.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { expect, it } from 'vitest';
import { describeBrowser, useBrowser } from '../helpers/browser.ts';

interface Query {
  q: string;
  top5?: string[];
  none?: boolean;
}
const queries = parse(readFileSync('tests/search/queries.yaml', 'utf8')) as Query[];

describeBrowser('search quality', () => {
  const browser = useBrowser();
  let top: Record<string, string[]> = {};

  it('has at least 40 queries', async () => {
    expect(queries.length).toBeGreaterThanOrEqual(40);
    const { page } = await browser.open('/search/');
    // A string, not a function: vitest would rewrite a function's dynamic import() for Node.
    top = (await page.evaluate(`(async (qs) => {
      const pf = await import('/pagefind/pagefind.js');
      const manifest = await fetch('/pagefind/lianjian-shards.json').then((r) => r.json());
      for (const s of manifest.shards) await pf.mergeIndex(s);
      const out = {};
      for (const q of qs) {
        const res = await pf.search(q);
        out[q] = (await Promise.all(res.results.slice(0, 5).map((r) => r.data()))).map((d) => d.url);
      }
      return out;
    })(${JSON.stringify(queries.map((x) => x.q))})`)) as Record<string, string[]>;
  });

  it.each(queries)('$q', ({ q, top5, none }) => {
    const got = top[q] ?? [];
    if (none) expect(got, q).toEqual([]);
    for (const url of top5 ?? []) expect(got, `${q} → ${got.join(' ')}`).toContain(url);
  });
});
