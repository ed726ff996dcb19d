/**
 * The narrative index holds character pairs at their positions (lib/bigrams.ts, lib/pair-index.ts):
 * a reader's query is asked in pairs, and what the page lists reads and matches as the narrative
 * is written.
 */
import { expect, it } from 'vitest';
import { describeBrowser, useBrowser } from '../helpers/browser.ts';
import { NARRATIVE_ONLY } from '../helpers/narrative-details.ts';

describeBrowser('case narratives indexed as character pairs', () => {
  const browser = useBrowser();

  async function search(q: string) {
    const { page, errors } = await browser.open(`/search/?q=${encodeURIComponent(q)}`);
    await page.locator('search-page:not([aria-busy])').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('[data-status]').innerText(), { timeout: 30_000 }).toMatch(/找到|没有|结果/);
    const targets = await page.locator('[data-results] h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('data-target') ?? ''));
    return { page, errors, targets };
  }

  // Three characters each: found as all their pairs, then checked against the text as written.
  it.each(NARRATIVE_ONLY)('finds %s, told only in the narrative of %s, with the sentence that tells it in Chinese', async (q, url, told) => {
    const { page, errors, targets } = await search(q);
    expect(targets[0], `${q} → ${targets.join(' ')}`).toBe(url);
    const first = page.locator('[data-results] li').first();
    await expect.poll(() => first.locator('p').innerText()).toContain(told);
    expect(await first.locator('mark').first().innerText()).toBe(q);
    expect(await first.locator('h2').innerText()).not.toMatch(/[a-z]{8}/);
    expect(await page.locator('[data-note]').innerText()).toContain('案情全文');
    expect(errors).toEqual([]);
  });

  it('lists no narrative case for a word whose pairs a narrative holds only apart', async () => {
    // The 脚手架 case's narrative tells 住建局 and 建设 (pairs 住建, 建设), no case tells 住建设.
    const { page, errors } = await search('住建设');
    expect(await page.locator('[data-note]').innerText()).not.toContain('中提到');
    for (const text of await page.locator('[data-results] li').allInnerTexts()) expect(text).not.toMatch(/[a-z]{8}/);
    expect(errors).toEqual([]);
  });
});
