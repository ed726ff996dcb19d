/**
 * The committed query set (tests/search/queries.yaml) against the built site, in Chromium, through
 * the index as the search page sees it: every shard merged, as in src/components/search/pagefind.ts.
 */
import { expect, it } from 'vitest';
import { describeBrowser, useBrowser } from '../helpers/browser.ts';
import { queries, searchAll } from '../helpers/search.ts';

describeBrowser('search quality', () => {
  const browser = useBrowser();
  let top: Record<string, string[]> = {};

  it('has at least 40 queries', async () => {
    expect(queries.length).toBeGreaterThanOrEqual(40);
    const { page } = await browser.open('/search/');
    const outcomes = await searchAll(page, queries.map((x) => x.q));
    top = Object.fromEntries(Object.entries(outcomes).map(([q, o]) => [q, o.urls.slice(0, 5)]));
  });

  it.each(queries)('$q', ({ q, top5, none }) => {
    const got = top[q] ?? [];
    if (none) expect(got, q).toEqual([]);
    for (const url of top5 ?? []) expect(got, `${q} → ${got.join(' ')}`).toContain(url);
  });
});
