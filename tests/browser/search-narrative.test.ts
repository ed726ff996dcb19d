/**
 * A case's whole text is searchable: a detail told only in its narrative (the second search bundle)
 * is found, and a case that names the word in its title, summary or keywords still comes first.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeBrowser, useBrowser } from '../helpers/browser.ts';
import { NARRATIVE_ONLY } from '../helpers/narrative-details.ts';

describeBrowser('search in case narratives', () => {
  const browser = useBrowser();

  async function search(q: string) {
    const { page, errors } = await browser.open(`/search/?q=${encodeURIComponent(q)}`);
    await expect.poll(() => page.locator('[data-status]').innerText(), { timeout: 20_000 }).toMatch(/找到|没有|结果/);
    await page.locator('search-page:not([aria-busy])').waitFor({ timeout: 20_000 });
    return { page, errors, targets: await targetsOf(page) };
  }

  const targetsOf = (page: Page) => page.locator('[data-results] h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('data-target') ?? ''));

  /** Every result, as a reader sees them by pressing 显示更多 until it is gone. */
  async function everyResult(page: Page): Promise<string[]> {
    const more = page.locator('[data-more]');
    while (await more.isVisible()) {
      const shown = (await targetsOf(page)).length;
      await more.click();
      await expect.poll(async () => (await targetsOf(page)).length).toBeGreaterThan(shown);
    }
    return targetsOf(page);
  }

  // Each word is told only in the case's 违纪违法事实, nowhere in its title, summary, keywords or facets.
  it.each(NARRATIVE_ONLY)('finds %s, told only in the narrative of %s, with the sentence that tells it', async (q, url, told) => {
    const { page, errors, targets } = await search(q);
    expect(targets[0], `${q} → ${targets.join(' ')}`).toBe(url);
    await expect.poll(() => page.locator('[data-results] li').first().locator('p').innerText()).toContain(told);
    expect(await page.locator('[data-results] li').first().locator('mark').first().innerText()).toBe(q);
    expect(await page.locator('[data-note]').innerText()).toContain('案情全文');
    // The hint under the box says so.
    expect(await page.locator('#search-hint').innerText()).toContain('违纪违法事实');
    expect(await page.locator('[data-status]').innerText()).not.toMatch(/^没有/);
    expect(errors).toEqual([]);
  });

  it('still answers, and says so, when the narrative index cannot be read', async () => {
    const { page } = await browser.open('/');
    // The site's narrative index is missing or broken on the server (a half-finished upload).
    await page.route('**/narrative/**', (route) => route.fulfill({ status: 500, body: '' }));
    const [word] = NARRATIVE_ONLY[0] ?? [];
    await page.goto(`/search/?q=${encodeURIComponent(word ?? '')}`);
    await page.locator('search-page:not([aria-busy])').waitFor({ timeout: 20_000 });
    // No case's title, summary or keywords hold the word: the page says so instead of spinning.
    await expect.poll(() => page.locator('[data-status]').innerText()).toMatch(/^没有(找到|完整包含)/);
    expect(await page.locator('[data-note]').innerText()).toContain('案情全文的索引暂时无法读取');
    expect(await targetsOf(page)).not.toContain(NARRATIVE_ONLY[0]?.[1]);
    // A query the main bundle answers lists its results as usual.
    await page.goto('/search/?q=诫勉');
    await page.locator('search-page:not([aria-busy])').waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-status]').innerText()).toMatch(/找到 \d+ 个结果|完整包含/);
    expect(await targetsOf(page)).toContain('/cases/permit-window-delay/');
  });

  it('ranks a case that names the word in its summary above cases that mention it in their narrative', async () => {
    const { page } = await search('茶叶');
    const targets = await everyResult(page);
    // 茶叶 is in this case's summary, and only in the 违纪违法事实 or 处理结果 of the other two.
    const summary = targets.indexOf('/cases/early-reminder-small-gifts/');
    expect(summary, targets.join(' ')).toBeGreaterThanOrEqual(0);
    for (const url of ['/cases/hospital-equipment-chief-borrowed-suv/', '/cases/permit-window-delay/']) expect(targets.indexOf(url), targets.join(' ')).toBeGreaterThan(summary);
  });

  it('lists every case whose disposition was 诫勉, not only those whose record names it, once each', async () => {
    const { page, targets } = await search('诫勉');
    // Named in the 处置方式 of its record: a whole match of the main bundle, listed first.
    expect(targets.slice(0, 3)).toContain('/cases/permit-window-delay/');
    const all = await everyResult(page);
    // Told only in the 处理结果 of these cases.
    for (const url of ['/cases/cashier-online-banking/', '/cases/enrollment-transfer-bribes/']) expect(all).toContain(url);
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBeGreaterThan(15);
  });

  it('leaves the narrative bundle alone when a filter asks for other kinds of page', async () => {
    const { page, targets } = await search('脚手架 制度');
    expect(targets).not.toContain('/cases/housing-deputy-labour-subcontract-referral/');
    expect(await page.locator('[data-note]').innerText()).not.toContain('案情全文');
  });
});
