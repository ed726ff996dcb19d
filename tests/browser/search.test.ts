import { expect, it } from 'vitest';
import { loadContent } from '../../src/lib/load-content.ts';
import { describeBrowser, useBrowser } from '../helpers/browser.ts';

describeBrowser('search page', () => {
  const browser = useBrowser();

  it('shows a phone reader the first result without scrolling, the long help folded away until asked for', async () => {
    const { page, errors } = await browser.open('/search/?q=受贿', { viewport: { width: 390, height: 844 } });
    const first = page.locator('[data-results] li h2 a').first();
    await first.waitFor();
    const box = await first.boundingBox();
    expect(box && box.y + box.height, 'the first result title is on the first screen').toBeLessThan(844);
    expect(await page.locator('.search__help p').isVisible()).toBe(false);
    await page.getByText('搜索说明').click();
    expect(await page.locator('.search__help').innerText()).toContain('不足 50 个时');
    expect(errors).toEqual([]);
  });

  it('filters by facet with counts, keeps everything in the URL, and is driven by keyboard', async () => {
    const { page, errors } = await browser.open('/search/?q=受贿');
    const status = page.locator('[data-status]');
    await expect.poll(() => status.innerText(), { timeout: 15_000 }).toMatch(/^找到 \d+ 个结果$/);
    const all = Number((await status.innerText()).match(/\d+/)?.[0]);
    await page.getByText('按分类筛选').click();
    const kind = page.locator('[data-facets] input[data-key="kind"][value="案例"]');
    const label = await kind.locator('xpath=..').innerText();
    const count = Number(label.match(/\((\d+)\)/)?.[1]);
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(all);
    await kind.check();
    await expect.poll(() => status.innerText(), { timeout: 15_000 }).toBe(`找到 ${count} 个结果`);
    expect(decodeURIComponent(page.url())).toContain('/search/?q=受贿&kind=案例');
    await expect.poll(() => page.locator('[data-results] .badge').allInnerTexts()).toEqual(expect.arrayContaining(['案例']));
    expect(new Set(await page.locator('[data-results] .badge').allInnerTexts())).toEqual(new Set(['案例']));

    await page.getByLabel('排序').selectOption('year');
    await expect.poll(() => decodeURIComponent(page.url())).toContain('sort=year');
    await page.locator('search-page:not([aria-busy])').waitFor();

    // Keyboard: / focuses the box from anywhere, ↓ walks into the results, Esc returns.
    await page.locator('h1').click();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const second = await page.locator('[data-results] h2 a').nth(1).getAttribute('href');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(second);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    expect(second).toContain(':~:text=');
    expect(errors).toEqual([]);
  });

  it('filters results by 供稿单位: only what that unit contributed remains', async () => {
    const fromTownship = new Set(
      loadContent('content')
        .entries.filter((e) => e.data['unit'] === 'township-commission' && e.data['visibility'] !== 'internal' && e.data['draft'] !== true)
        .map((e) => String(e.data['title'])),
    );
    const { page, errors } = await browser.open('/search/?q=村级财务');
    const status = page.locator('[data-status]');
    await expect.poll(() => status.innerText(), { timeout: 15_000 }).toMatch(/\d+ 个/);
    await page.getByText('按分类筛选').click();
    const unit = page.locator('[data-facets] input[data-key="unit"][value="某镇纪委"]');
    const count = Number((await unit.locator('xpath=..').innerText()).match(/\((\d+)\)/)?.[1]);
    expect(count).toBeGreaterThan(0);
    await unit.check();
    await expect.poll(() => decodeURIComponent(page.url())).toContain('unit=某镇纪委');
    await expect.poll(() => page.locator('[data-results] h2 a').count(), { timeout: 15_000 }).toBe(count);
    const titles = await page.locator('[data-results] h2 a').allInnerTexts();
    for (const t of titles) expect(fromTownship, t).toContain(t.trim());
    expect(errors).toEqual([]);
  });

  it('finds an article by its number and lands on its anchor', async () => {
    const { page } = await browser.open('/search/?q=第三百八十五条');
    const first = page.locator('[data-results] h2 a').first();
    await expect.poll(() => first.innerText(), { timeout: 15_000 }).toContain('第三百八十五条');
    expect(await first.getAttribute('href')).toMatch(/^\/documents\/criminal-law\/#article-385/);
    await first.click();
    await page.waitForURL('**/documents/criminal-law/**');
    expect(await page.locator('#article-385').isVisible()).toBe(true);
  });

  it('offers the listing pages when nothing is found', async () => {
    const { page } = await browser.open('/search/?q=恐龙化石');
    await expect.poll(() => page.locator('[data-status]').innerText(), { timeout: 15_000 }).toBe('没有找到与“恐龙化石”相关的内容');
    expect(await page.locator('[data-empty]').isVisible()).toBe(true);
    expect(await page.locator('[data-empty] a').count()).toBeGreaterThan(3);
  });
});
