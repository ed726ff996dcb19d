/**
 * The cadre's road, as a reader walks it at phone and desktop width: in by post from the home
 * page and the menu, the risk map and the indicators readable on a phone, and 本页目录 on long pages.
 */
import { expect, it } from 'vitest';
import { loadContent } from '../../src/lib/load-content.ts';
import { postDigests, type Post } from '../../src/lib/posts.ts';
import type { CaseData } from '../../src/schemas/case.ts';
import type { CourseData } from '../../src/schemas/course.ts';
import { describeBrowser, useBrowser } from '../helpers/browser.ts';

const published = loadContent('content').entries.filter((e) => e.data['visibility'] !== 'internal' && e.data['draft'] !== true);
const of = <T,>(c: string) => published.filter((e) => e.collection === c).map((e) => ({ id: e.id, data: e.data as unknown as T }));
const posts = of<Post>('posts');
const digests = postDigests(posts, { cases: of<CaseData>('cases'), courses: of<CourseData>('courses'), indicators: of<{ riskPoints: string[] }>('indicators'), selfChecks: of<{ title: string }>('selfChecks') });
const riskNames = new Map(of<{ name: string }>('riskPoints').map((r) => [r.id, r.data.name]));
const indicators = of<{ title: string }>('indicators');

const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };

describeBrowser('a cadre finds the cases for their post', () => {
  const browser = useBrowser();

  for (const viewport of [phone, desktop]) {
    it(`goes from the home page to 村（社区）干部 and finds its risks, self-check list, cases and indicators (${viewport.width} px)`, async () => {
      const digest = digests.get('village-cadre');
      expect(digest).toBeDefined();
      const { page, errors } = await browser.open('/', { viewport });
      await page.getByRole('region', { name: '我的岗位' }).getByRole('link', { name: '村（社区）干部' }).click();
      await page.waitForURL('**/posts/village-cadre/');
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('村（社区）干部');
      const risks = await page.getByRole('region', { name: '这个岗位的廉政风险点' }).getByRole('link').allInnerTexts();
      expect(risks).toEqual(digest?.post.data.riskPoints.map((id) => riskNames.get(id)));
      await expect.poll(() => page.getByRole('link', { name: /打开《村（社区）干部岗位风险自查清单》/ }).count()).toBe(1);
      const caseTitles = await page.getByRole('region', { name: '同类岗位的警示案例' }).locator('.card__title').allInnerTexts();
      expect(caseTitles.length).toBe(digest?.cases.length);
      const indicatorLinks = await page.getByRole('region', { name: '盯着这些风险点的预警指标' }).locator('.card__title').allInnerTexts();
      expect(indicatorLinks).toEqual(digest?.indicators.map((x) => indicators.find((i) => i.id === x.id)?.data.title));
      expect(errors).toEqual([]);
    });

    it(`reaches 我的岗位, 岗位自查 and 预警指标 from the menu, with a header that leaves the page in view (${viewport.width} px)`, async () => {
      const { page } = await browser.open('/cases/', { viewport });
      const menu = page.getByRole('navigation', { name: '主要栏目' });
      for (const [label, path] of [['我的岗位', '/posts/'], ['岗位自查', '/self-check/'], ['预警指标', '/indicators/']] as const) {
        expect(await menu.getByRole('link', { name: label, exact: true }).getAttribute('href')).toBe(path);
      }
      const header = await page.locator('.site-header').boundingBox();
      expect(header?.height).toBeLessThan(viewport.width < 600 ? 120 : 130);
      // The placeholder fits inside the search box, it is not cut off.
      const fits = await page.locator('#site-search').evaluate((input: HTMLInputElement) => {
        const style = getComputedStyle(input);
        const ctx = document.createElement('canvas').getContext('2d');
        if (!ctx) return false;
        ctx.font = `${style.fontSize} ${style.fontFamily}`;
        const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return ctx.measureText(input.placeholder).width <= room;
      });
      expect(fits).toBe(true);
      await menu.getByRole('link', { name: '我的岗位', exact: true }).click();
      await page.waitForURL('**/posts/');
      const names = await page.locator('main .post-grid strong').allInnerTexts();
      expect(names.sort()).toEqual(posts.map((p) => p.data.name).sort());
    });
  }

  it('shows a phone keyboard user the menu link Tab reaches, unfaded and in view', async () => {
    const { page } = await browser.open('/', { viewport: phone });
    const menu = page.getByRole('navigation', { name: '主要栏目' });
    const labels = await menu.getByRole('link').allInnerTexts();
    await page.locator('.site-header__brand').focus();
    for (const label of labels) {
      await page.keyboard.press('Tab');
      const seen = await page.evaluate(() => {
        const a = document.activeElement as HTMLElement;
        const nav = a.closest('nav') as HTMLElement;
        const box = nav.getBoundingClientRect();
        const r = a.getBoundingClientRect();
        return { text: a.innerText, faded: getComputedStyle(nav).maskImage !== 'none', shown: (Math.min(r.right, box.right) - Math.max(r.left, box.left)) / r.width };
      });
      expect(seen.text).toBe(label);
      // The last 12 % of the menu fades out; 岗位自查, 预警指标 and 制度文件 stopped inside the fade.
      expect(seen.faded, label).toBe(false);
      // Chrome does not scroll a link already mostly in the box: 廉洁文化 may lose a few pixels at the edge.
      expect(seen.shown, label).toBeGreaterThan(0.75);
    }
  });

  it('shows a phone the risk map as a readable list with counts, and a desktop the heat map', async () => {
    const cases = of<CaseData>('cases');
    const { page } = await browser.open('/risks/', { viewport: phone });
    expect(await page.locator('.heatmap svg').isVisible()).toBe(false);
    const list = page.getByRole('region', { name: '各领域的风险点和案例数' });
    const line = list.getByRole('link', { name: /^村级工程项目吃回扣/ });
    // The default map counts the last five years up to the newest case, the list as well as the heat map.
    const newest = Math.max(...cases.map((c) => c.data.year));
    const recent = cases.filter((c) => c.data.year > newest - 5);
    const expected = recent.filter((c) => c.data.riskPoints.includes('village-project-kickbacks')).length;
    expect(await line.innerText()).toContain(`${expected} 个案例`);
    const sectorTotal = recent.filter((c) => c.data.sector === 'village-finance').length;
    expect(await list.locator('summary', { hasText: '村级财务' }).innerText()).toContain(`${sectorTotal} 个案例`);
    const box = await line.boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(40);
    expect(await line.locator('.risk-map-list__name').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(14);
    await line.click();
    await page.waitForURL('**/risks/village-project-kickbacks/');

    const wide = await browser.open('/risks/', { viewport: desktop });
    expect(await wide.page.locator('.heatmap svg').isVisible()).toBe(true);
    expect(await wide.page.getByRole('region', { name: '各领域的风险点和案例数' }).isVisible()).toBe(false);
  });

  it('lists indicators by risk point on a short index, each opening its own full page', async () => {
    const { page } = await browser.open('/indicators/', { viewport: phone });
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThan(9000);
    const links = await page.locator('main .indicator-group li > a').evaluateAll((els) => els.map((a) => a.getAttribute('href')));
    expect(new Set(links)).toEqual(new Set(indicators.map((x) => `/indicators/${x.id}/`)));
    // The index no longer carries each indicator's full definition.
    expect(await page.locator('main').innerText()).not.toContain('指标定义');
    await page.locator('main .indicator-group li > a').first().click();
    await expect.poll(() => page.locator('main').innerText()).toContain('指标定义');
  });

  for (const viewport of [phone, desktop]) {
    it(`gives long pages a 本页目录 that leads to their sections, without JavaScript (${viewport.width} px)`, async () => {
      for (const path of ['/cases/village-road-kickbacks/', '/courses/keypost-finance-controls/', '/documents/criminal-law/']) {
        const { page } = await browser.open(path, { viewport, javaScriptEnabled: false });
        const toc = page.getByRole('navigation', { name: '本页目录' });
        if (viewport.width < 600) {
          // Folded on a phone, one tap away.
          await toc.getByText('本页目录', { exact: true }).first().click();
        }
        const links = toc.locator('a:visible');
        const count = await links.count();
        expect(count, path).toBeGreaterThanOrEqual(4);
        const headings = await page.locator('main h2[id]').evaluateAll((els) => els.map((h) => (h.textContent ?? '').replace(/\s+/g, ' ').trim()));
        expect((await links.allInnerTexts()).map((t) => t.trim()), path).toEqual(headings);
        const last = links.nth(count - 1);
        const target = decodeURIComponent((await last.getAttribute('href')) ?? '').slice(1);
        await last.click();
        await expect.poll(() => page.evaluate((id) => {
          const el = document.getElementById(id);
          return el ? el.getBoundingClientRect().top < window.innerHeight : false;
        }, target)).toBe(true);
        if (viewport.width >= 1024) {
          // Halfway down a long page the contents are still beside the text.
          await links.nth(2).click();
          const box = await toc.boundingBox();
          expect(box && box.y >= 0 && box.y < 100, `${path} sticky`).toBe(true);
        }
      }
    });
  }
});
