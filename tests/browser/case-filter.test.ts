import { expect, it } from 'vitest';
import { loadContent } from '../../src/lib/load-content.ts';
import type { CaseData } from '../../src/schemas/case.ts';
import { describeBrowser, useBrowser } from '../helpers/browser.ts';

const cases = loadContent('content').entries.filter((e) => e.collection === 'cases').map((e) => e.data as unknown as CaseData);
const expected = cases.filter((c) => c.sector === 'engineering' && c.tier === 'key-post').length;

describeBrowser('case library filters', () => {
  const browser = useBrowser();

  it('combines two facets, keeps them in the URL, and a shared link reproduces the result', async () => {
    expect(expected).toBeGreaterThan(0);
    const { page, errors } = await browser.open('/cases/');
    const facets = page.getByRole('navigation', { name: '按分类筛选案例' });
    await facets.locator('a[data-facet="sector"][data-value="engineering"]').click();
    await facets.locator('a[data-facet="tier"][data-value="key-post"]').click();
    await page.waitForURL('**/cases/?sector=engineering&tier=key-post');
    const status = page.locator('[data-status]');
    await expect.poll(() => status.innerText(), { timeout: 15_000 }).toBe(`共 ${expected} 个案例符合筛选条件`);
    await expect.poll(() => page.locator('[data-list] > li.card').count()).toBe(expected);
    expect(await facets.locator('a[data-facet="sector"][data-value="engineering"]').getAttribute('aria-current')).toBe('true');

    const shared = await browser.open('/cases/?sector=engineering&tier=key-post');
    await expect.poll(() => shared.page.locator('[data-status]').innerText(), { timeout: 15_000 }).toBe(`共 ${expected} 个案例符合筛选条件`);

    await page.getByRole('button', { name: '清除筛选' }).click();
    await page.waitForURL((url) => url.search === '');
    expect(await status.innerText()).toMatch(/^共 \d+ 个案例/);
    expect([...errors, ...shared.errors]).toEqual([]);
  });

  it('works without JavaScript: a facet link opens its static page', async () => {
    const { page } = await browser.open('/cases/', { javaScriptEnabled: false });
    await page.locator('a[data-facet="sector"][data-value="engineering"]').click();
    await page.waitForURL('**/cases/sector/engineering/');
    const total = cases.filter((c) => c.sector === 'engineering').length;
    expect(await page.locator('[data-list] > li').count()).toBe(Math.min(total, 20));
  });
});
