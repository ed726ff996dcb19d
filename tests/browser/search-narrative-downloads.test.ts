/**
 * The narrative index answers a detail told in many cases (诫勉, in the 处理结果 of many) in one go:
 * the reader's first page is full, every case that tells it is found once the reader reads on, and
 * the browser downloads only the index's manifest, the bucket of the query's pair and the cases it
 * shows, never the whole index.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser, useBrowser } from '../helpers/browser.ts';

describeBrowser('narratives searched through the narrative index', () => {
  const browser = useBrowser();

  const targets = (page: Page) => page.locator('[data-results] h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('data-target') ?? ''));

  it('fills the first page, downloads only what the query needs, and lists every case once as the reader reads on', async () => {
    const { page, errors } = await browser.open('/search/');
    const narrative: string[] = [];
    page.on('requestfinished', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/narrative/')) narrative.push(path.slice('/narrative/'.length));
    });
    await page.goto(`${new URL(page.url()).origin}/search/?q=${encodeURIComponent('诫勉')}`);
    await page.locator('search-page:not([aria-busy])').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('[data-status]').innerText(), { timeout: 30_000 }).toMatch(/找到|结果/);
    expect(await targets(page)).toHaveLength(10);
    const note = await page.locator('[data-note]').innerText();
    expect(note).toContain('案情全文');
    // One index covers every case: the count is never a lower bound.
    expect(note).not.toContain('先查了');
    // 诫勉 is one pair: the manifest, its bucket, and the cases of the first page.
    expect(narrative.filter((f) => f === 'index.json')).toHaveLength(1);
    expect(narrative.filter((f) => /^[ph]\//.test(f)).length).toBeLessThanOrEqual(2);
    expect(narrative.filter((f) => f.startsWith('d/')).length).toBeLessThanOrEqual(20);
    expect(narrative.filter((f) => !/^(index\.json|[ph]\/\d+\.bin|d\/\d+\.json)$/.test(f))).toEqual([]);
    const more = page.locator('[data-more]');
    while (await more.isVisible()) {
      const shown = (await targets(page)).length;
      await more.click();
      await expect.poll(async () => (await targets(page)).length, { timeout: 30_000 }).toBeGreaterThan(shown);
    }
    const all = await targets(page);
    expect(all.length).toBeGreaterThan(10);
    expect(all.length).toBe(new Set(all).size);
    // Every case listed tells 诫勉 where the reader can see it: its excerpt marks the word.
    for (const text of await page.locator('[data-results] li mark').allInnerTexts()) expect(text).toBe('诫勉');
    expect(errors).toEqual([]);
  });
});
