import { expect, it } from 'vitest';
import { loadContent } from '../../src/lib/load-content.ts';
import type { CaseData } from '../../src/schemas/case.ts';
import { describeBrowser, useBrowser } from '../helpers/browser.ts';

const cases = loadContent('content').entries.filter((e) => e.collection === 'cases' && e.data['visibility'] !== 'internal' && e.data['draft'] !== true).map((e) => e.data as unknown as CaseData);

type Key = 'sector' | 'risk' | 'violation' | 'tier' | 'stage' | 'year' | 'unit';
const valuesOf: Record<Key, (c: CaseData) => string[]> = {
  sector: (c) => [c.sector],
  risk: (c) => c.riskPoints,
  violation: (c) => c.violations,
  tier: (c) => [c.tier],
  stage: (c) => [c.powerStage],
  year: (c) => [String(c.year)],
  unit: (c) => [c.unit],
};
const matches = (c: CaseData, selection: Partial<Record<Key, string>>) => (Object.entries(selection) as [Key, string][]).every(([k, v]) => valuesOf[k](c).includes(v));
/** What a reader expects next to a value: the cases they would get by choosing it now. */
function expectedCount(selection: Partial<Record<Key, string>>, key: Key, value: string): number {
  return cases.filter((c) => matches(c, { ...selection, [key]: value })).length;
}
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

  it('filters by 供稿单位: choosing a unit lists exactly the cases that unit contributed', async () => {
    const titles = cases.filter((c) => c.unit === 'city-audit-bureau').map((c) => c.title);
    expect(titles.length).toBeGreaterThan(1);
    const { page, errors } = await browser.open('/cases/');
    const facets = page.getByRole('navigation', { name: '按分类筛选案例' });
    await facets.getByRole('link', { name: '某市审计局', exact: true }).click();
    await page.waitForURL('**/cases/?unit=city-audit-bureau');
    await expect.poll(() => page.locator('[data-status]').innerText(), { timeout: 15_000 }).toBe(`共 ${titles.length} 个案例符合筛选条件`);
    await expect.poll(() => page.locator('[data-list] > li.card .card__title').allInnerTexts()).toHaveLength(titles.length);
    expect((await page.locator('[data-list] > li.card .card__title').allInnerTexts()).sort()).toEqual([...titles].sort());
    expect(await page.locator('[data-active]').innerText()).toContain('当前筛选：某市审计局');
    expect(errors).toEqual([]);
  });

  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1280, height: 800 },
  ]) {
    it(`shows, next to every value, the cases that choosing it would give (${viewport.width} px)`, async () => {
      const selection = { sector: 'village-finance', tier: 'key-post' } as const;
      const total = cases.filter((c) => matches(c, selection)).length;
      expect(total).toBeGreaterThan(0);
      const { page, errors } = await browser.open('/cases/', { viewport });
      const facets = page.getByRole('navigation', { name: '按分类筛选案例' });
      await facets.getByRole('link', { name: '村级财务', exact: true }).click();
      await expect.poll(() => page.locator('[data-status]').innerText(), { timeout: 15_000 }).toMatch(/符合筛选条件/);
      // After the first choice the other groups still offer their combinations.
      expect(await facets.locator('[data-count-for="tier:key-post"]').innerText()).toBe(String(total));
      await facets.getByRole('link', { name: '关键岗位', exact: true }).click();
      await expect.poll(() => page.locator('[data-status]').innerText(), { timeout: 15_000 }).toBe(`共 ${total} 个案例符合筛选条件`);
      await page.waitForFunction(() => document.querySelectorAll('[data-list] > li.card').length > 0);

      const shown = await facets.locator('[data-count-for]').evaluateAll((els) => els.map((el) => [el.getAttribute('data-count-for') ?? '', Number(el.textContent)] as const));
      expect(shown.length).toBeGreaterThan(50);
      for (const [key, n] of shown) {
        const [facet, value] = key.split(':') as [Key, string];
        const rest: Partial<Record<Key, string>> = { ...selection };
        delete rest[facet];
        expect(n, key).toBe(expectedCount(rest, facet, value));
      }
      expect(shown.some(([key, n]) => key.startsWith('sector:') && key !== 'sector:village-finance' && n > 0)).toBe(true);

      if (viewport.width < 600) {
        // The phone reader sees the outcome, not the filter list they tapped in.
        expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-status'))).toBe(true);
        const box = await page.locator('[data-status]').boundingBox();
        expect(box && box.y >= 0 && box.y < viewport.height).toBe(true);
      }

      // A filtered card reads exactly like the same case's card in the static list.
      const first = page.locator('[data-list] > li.card').first();
      const href = await first.locator('h3 a').getAttribute('href');
      const staticPage = await browser.open('/cases/sector/village-finance/', { javaScriptEnabled: false });
      const twin = staticPage.page.locator('[data-list] > li.card').filter({ has: staticPage.page.locator(`h3 a[href="${href}"]`) });
      const norm = (t: string) => t.replace(/\s+/g, ' ').trim();
      expect(norm(await first.innerText())).toBe(norm(await twin.innerText()));
      expect(await first.locator('.badge').allInnerTexts()).toEqual(await twin.locator('.badge').allInnerTexts());
      expect(await first.locator('.badge').count()).toBe(4);
      expect(errors).toEqual([]);
    });
  }

  it('works without JavaScript: a facet link opens its static page', async () => {
    const { page } = await browser.open('/cases/', { javaScriptEnabled: false });
    await page.locator('a[data-facet="sector"][data-value="engineering"]').click();
    await page.waitForURL('**/cases/sector/engineering/');
    const total = cases.filter((c) => c.sector === 'engineering').length;
    expect(await page.locator('[data-list] > li').count()).toBe(Math.min(total, 20));
  });
});
