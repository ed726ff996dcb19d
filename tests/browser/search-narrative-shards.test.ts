/**
 * The narrative bundle in several shards, as 10,000 cases are (2,500 a shard): the search page
 * searches them one at a time and stops once a page of results is full, so a detail told in many
 * cases downloads only part of the bundle; the reader who goes past the last result is offered the
 * rest, and in the end finds every case the unsharded bundle finds. The runtime is not downloaded twice.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { baseURL, describeBrowser, useBrowser } from '../helpers/browser.ts';
import { useReindexedSite } from '../helpers/reindexed.ts';

describeBrowser('narratives searched shard by shard', () => {
  const browser = useBrowser();
  // Five cases a shard: the sample library's narratives in ten or so shards.
  const site = useReindexedSite(() => ({ LIANJIAN_NARRATIVE_SHARD_PAGES: '5' }));
  const narrativeShards = () => site.folders.filter((d) => /^pagefind-narrative(-\d+)?$/.test(d)).length;

  const targets = (page: Page) => page.locator('[data-results] h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('data-target') ?? ''));

  async function search(origin: string, q: string) {
    const { page, errors } = await browser.open(`${origin}/search/?q=${encodeURIComponent(q)}`);
    const folders = new Set<string>();
    const wasm: number[] = [];
    page.on('requestfinished', (request) => {
      const path = new URL(request.url()).pathname;
      const folder = /^\/(pagefind-narrative(?:-\d+)?)\//.exec(path)?.[1];
      if (folder) folders.add(folder);
      if (path.endsWith('.pagefind')) void request.sizes().then((s) => wasm.push(s.responseBodySize));
    });
    await page.locator('search-page:not([aria-busy])').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('[data-status]').innerText(), { timeout: 30_000 }).toMatch(/找到|结果/);
    return { page, errors, folders, wasm };
  }

  /** Presses the button under the list until it is gone, as a reader reading every result would. */
  async function readToTheEnd(page: Page): Promise<string[]> {
    const more = page.locator('[data-more]');
    while (await more.isVisible()) {
      const shown = (await targets(page)).length;
      await more.click();
      await expect.poll(async () => (await targets(page)).length, { timeout: 30_000 }).toBeGreaterThan(shown);
    }
    return targets(page);
  }

  it('fills the first page from the first shards, says so, and finds every case once the reader asks for the rest', async () => {
    const shards = narrativeShards();
    expect(shards).toBeGreaterThan(5);
    // 诫勉 is told in the 处理结果 of many cases and named in the record of few.
    const whole = await search(baseURL, '诫勉');
    const all = await readToTheEnd(whole.page);
    const split = await search(site.origin, '诫勉');
    expect((await targets(split.page)).length).toBe(10);
    expect(split.folders.size, [...split.folders].join(' ')).toBeLessThan(shards);
    expect(await split.page.locator('[data-note]').innerText()).toMatch(/先查了约 \d+% 案例的案情全文/);
    // Past the last result the reader is offered the cases not yet searched.
    const found = await readToTheEnd(split.page);
    expect(split.folders.size).toBe(shards);
    expect(new Set(found)).toEqual(new Set(all));
    expect(found.length).toBe(new Set(found).size);
    expect(await split.page.locator('[data-note]').innerText()).not.toContain('先查了');
    // The runtime's wasm comes once: the narrative bundle names the main bundle's file, which the
    // browser already has (the server answers the second request with 304 and no body).
    expect(split.wasm.filter((bytes) => bytes > 0)).toHaveLength(1);
    expect([...whole.errors, ...split.errors]).toEqual([]);
  });
});
