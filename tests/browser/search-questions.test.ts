/**
 * The search box as people use it: questions with filler, kind words, traditional characters,
 * quoted phrases, two topics no page shares, near misses. Each assertion is what the reader sees.
 */
import { expect, it } from 'vitest';
import { describeBrowser, useBrowser, type OpenedPage } from '../helpers/browser.ts';

describeBrowser('search answers what people type', () => {
  const browser = useBrowser();

  async function ask(q: string, extra = ''): Promise<OpenedPage & { status: string; titles: string[]; hrefs: string[]; badges: string[] }> {
    const opened = await browser.open(`/search/?q=${encodeURIComponent(q)}${extra}`);
    const { page } = opened;
    await expect.poll(() => page.locator('[data-status]').innerText(), { timeout: 20_000 }).not.toMatch(/^$|正在搜索/);
    await page.locator('search-page:not([aria-busy])').waitFor();
    const links = page.locator('[data-results] h2 a');
    return {
      ...opened,
      status: await page.locator('[data-status]').innerText(),
      titles: await links.allInnerTexts(),
      hrefs: await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('data-target') ?? '')),
      badges: await page.locator('[data-results] .badge--accent').allInnerTexts(),
    };
  }

  it('「国企 警示案例」 lists warning cases from state enterprises, and says it kept to cases', async () => {
    const r = await ask('国企 警示案例');
    const whole = Number(r.status.match(/^(\d+) 个结果完整包含“国企”/)?.[1] ?? r.status.match(/^找到 (\d+) 个结果$/)?.[1]);
    expect(whole).toBeGreaterThanOrEqual(4);
    expect(new Set(r.badges)).toEqual(new Set(['案例']));
    expect(r.hrefs.slice(0, whole)).toContain('/cases/soe-scrap-off-book-fund/');
    // Whole matches come first; any result after them is labelled as a partial match.
    const partial = await r.page.locator('[data-results] li').evaluateAll((lis) => lis.map((li) => li.textContent?.includes('部分匹配') ?? false));
    expect(partial.slice(0, whole).every((p) => !p)).toBe(true);
    expect(await r.page.locator('[data-note]').innerText()).toContain('只显示“案例”类内容');
  });

  it('「诫勉 案例 讨论题」 lists the cases sanctioned with 诫勉, not cases that mention it in passing', async () => {
    const r = await ask('诫勉 案例 讨论题');
    expect(r.hrefs.slice(0, 3)).toEqual(expect.arrayContaining(['/cases/abandoned-farmland-recultivation-overreport/', '/cases/hospital-equipment-chief-borrowed-suv/', '/cases/permit-window-delay/']));
    expect(new Set(r.badges)).toEqual(new Set(['案例']));
  });

  it('「以案四说」 lists every case, and says the section is on every case', async () => {
    const r = await ask('以案四说');
    expect(r.status).toMatch(/^找到 5\d 个结果$/);
    expect(new Set(r.badges)).toEqual(new Set(['案例']));
    expect(await r.page.locator('[data-note]').innerText()).toContain('每个案例都有“以案四说”栏目');
  });

  it('「包公 不持一砚」: after the one page holding both, the other page on 包拯 follows, labelled as partial', async () => {
    const r = await ask('包公 不持一砚');
    expect(r.hrefs[0]).toBe('/culture/bao-zheng-inkstone/');
    expect(r.hrefs.slice(1, 5)).toContain('/culture/bao-zheng-family-instruction/');
    expect(r.status).toMatch(/^1 个结果完整包含“包公”“不持一砚”，其后为只含部分字词的结果$/);
    const second = r.page.locator('[data-results] li').nth(r.hrefs.indexOf('/culture/bao-zheng-family-instruction/'));
    expect(await second.locator('h2 .badge').allInnerTexts()).toContain('部分匹配');
  });

  it('「收受购物卡怎么处理」 drops the question words and finds the gift-card reminder case', async () => {
    const r = await ask('收受购物卡怎么处理');
    expect(r.hrefs.slice(0, 5)).toContain('/cases/early-reminder-small-gifts/');
    expect(await r.page.locator('[data-note]').innerText()).toContain('已略去“怎么”');
  });

  it('traditional characters (貪污) find what simplified ones do, and the page says how it searched', async () => {
    const r = await ask('貪污');
    expect(await r.page.locator('[data-note]').innerText()).toContain('已按简体“贪污”搜索');
    expect(r.status).toMatch(/^找到 \d+ 个结果$/);
    expect(r.hrefs.length).toBeGreaterThan(0);
  });

  it('an article result is titled with its law and number, its badge is plain, and it opens on the article', async () => {
    const r = await ask('刑法第三百八十三条');
    const i = r.hrefs.indexOf('/documents/criminal-law/#article-383');
    expect(i).toBeGreaterThanOrEqual(0);
    expect(r.titles[i]).toContain('《刑法》第三百八十三条');
    expect(r.badges[i]).toBe('条款');
    const excerpt = await r.page.locator('[data-results] li').nth(i).locator('p').innerText();
    expect(excerpt.startsWith('贪污')).toBe(true);
  });

  it('excerpts read as Chinese: no stray ". " between blocks, no invisible characters, whole words marked', async () => {
    const r = await ask('"小金库"');
    // The case and the risk point are both about 小金库 (graded 2 for 「小金库怎么处理」); either may come first.
    expect(['/cases/soe-scrap-off-book-fund/', '/risks/off-book-funds/']).toContain(r.hrefs[0]);
    expect(r.hrefs.slice(0, 2)).toEqual(expect.arrayContaining(['/cases/soe-scrap-off-book-fund/', '/risks/off-book-funds/']));
    const excerpts = await r.page.locator('[data-results] li p').allInnerTexts();
    for (const e of excerpts) {
      expect(e).not.toMatch(/[\u200b]|[\u4e00-\u9fff]\. /u);
    }
    const marks = await r.page.locator('[data-results] mark').allInnerTexts();
    expect(marks.length).toBeGreaterThan(0);
    expect(new Set(marks)).toEqual(new Set(['小金库']));
  });

  it('sorting by year keeps every result, undated ones last', async () => {
    const byRelevance = await ask('谈话提醒');
    const n = Number(byRelevance.status.match(/\d+/)?.[0]);
    const byYear = await ask('谈话提醒', '&sort=year');
    expect(byYear.status).toBe(`找到 ${n} 个结果`);
  });

  it('two topics no single page holds: says so, and shows pages holding either', async () => {
    const r = await ask('小金库 容积率');
    expect(r.status).toMatch(/^没有同时包含“小金库”“容积率”的内容，以下为部分匹配/);
    expect(r.hrefs).toEqual(expect.arrayContaining(['/cases/soe-scrap-off-book-fund/', '/cases/park-land-plot-ratio/']));
  });

  it('a word told only in case narratives (借款) lists those cases before pages holding only its characters', async () => {
    const r = await ask('借款');
    expect(r.hrefs[0]).toMatch(/^\/cases\//);
    const first = await r.page.locator('[data-results] li').first().innerText();
    expect(first).not.toContain('部分匹配');
    expect(await r.page.locator('[data-note]').innerText()).toMatch(/案例在案情全文/);
  });

  it('a near miss (村财务) does not pretend its character matches are results, and suggests the real term', async () => {
    const r = await ask('村财务');
    expect(r.status).not.toMatch(/^找到/);
    await expect.poll(() => r.page.locator('[data-suggest]').innerText()).toContain('村级财务');
    await r.page.locator('[data-suggest] a', { hasText: '村级财务' }).first().click();
    await expect.poll(() => r.page.locator('[data-status]').innerText(), { timeout: 15_000 }).toMatch(/^(找到 \d+ 个结果|\d+ 个结果完整包含“村级财务”)/);
    expect(decodeURIComponent(r.page.url())).toContain('q=村级财务');
    expect(r.errors).toEqual([]);
  });
  it('「廉洁名言」 lists the sayings before other culture pages that merely say 廉洁', async () => {
    const r = await ask('廉洁名言');
    expect(r.hrefs.slice(0, 3).every((h) => h.startsWith('/culture/saying-'))).toBe(true);
  });

  it('「大数据预警 发现」 lists cases a warning uncovered, not only the warning indicators', async () => {
    const r = await ask('大数据预警 发现');
    expect(r.badges.slice(0, 5)).toContain('案例');
    expect(await r.page.locator('[data-note]').innerText()).not.toContain('只显示“指标”');
  });

  it('「讲课用的历史典故」 finds the historical stories though it names a course as well', async () => {
    const r = await ask('讲课用的历史典故');
    expect(r.hrefs.slice(0, 3)).toContain('/culture/bao-zheng-inkstone/');
  });

  it('「村里低保不公平」 finds the subsistence-allowance pages though the segmenter does not know 低保', async () => {
    const r = await ask('村里低保不公平');
    expect(r.hrefs.slice(0, 5)).toEqual(expect.arrayContaining(['/cases/subsistence-allowance-relatives/', '/risks/relief-favouritism/']));
  });
});
