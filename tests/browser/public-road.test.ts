/**
 * The public reader's road and the small things everyone meets: the culture landing, the public
 * track, where to report, working share links, and pages that read as finished at 390 and 1280 px.
 */
import { expect, it } from 'vitest';
import { loadContent } from '../../src/lib/load-content.ts';
import { describeBrowser, useBrowser } from '../helpers/browser.ts';

const culture = loadContent('content').entries.filter((e) => e.collection === 'culture' && e.data['visibility'] !== 'internal' && e.data['draft'] !== true);
const withImage = culture.filter((e) => Array.isArray(e.data['images']) && (e.data['images'] as unknown[]).length > 0);
const titles = culture.map((e) => String(e.data['title']));

const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };

describeBrowser('the public reader', () => {
  const browser = useBrowser();

  for (const viewport of [phone, desktop]) {
    it(`finds every culture item once on the landing, a large lead picture, and category entry points (${viewport.width} px)`, async () => {
      const { page, errors } = await browser.open('/culture/', { viewport });
      const lead = page.getByRole('region', { name: /./ }).filter({ has: page.getByText('本期推荐') });
      const leadImage = await lead.locator('img').boundingBox();
      expect(leadImage?.width).toBeGreaterThan(viewport.width < 600 ? 300 : 600);
      const shown = await page.locator('main').getByRole('heading', { level: 2 }).or(page.locator('main .culture-card__title')).allInnerTexts();
      const itemTitles = shown.filter((t) => titles.includes(t.trim()));
      expect(itemTitles.sort()).toEqual([...titles].sort());
      const tiles = page.getByRole('navigation', { name: '廉洁文化分类' }).getByRole('link');
      expect(await tiles.count()).toBeGreaterThanOrEqual(4);
      await tiles.filter({ hasText: '廉洁格言' }).click();
      await page.waitForURL('**/culture/#cat-saying');
      // Every item with an illustration shows it; one without still has its seal panel in the same place.
      const cards = page.locator('main .culture-card');
      const pictured = await cards.evaluateAll((els) => els.map((el) => Boolean(el.querySelector('img, .culture-card__seal'))));
      expect(pictured.every(Boolean)).toBe(true);
      expect(await page.locator('main img').count()).toBeGreaterThanOrEqual(Math.min(withImage.length, 1) + 1);
      expect(await page.getByRole('link', { name: '用阅读器订阅本栏目更新' }).getAttribute('href')).toBe('/culture/rss.xml');
      expect(await page.locator('main').innerText()).not.toContain('订阅更新（RSS）');
      expect(errors).toEqual([]);
    });
  }

  it('sees pictures on the public track, and a clearly named official reporting channel there and in every footer', async () => {
    const { page } = await browser.open('/tracks/public/', { viewport: phone });
    expect(await page.locator('main .culture-card').count()).toBeGreaterThan(0);
    expect(await page.locator('main .culture-card img').count()).toBeGreaterThan(0);
    const panel = page.getByRole('region', { name: '发现问题，向哪里举报' });
    expect(await panel.getByRole('link', { name: /中央纪委国家监委举报网站/ }).getAttribute('href')).toBe('https://www.12388.gov.cn/');
    expect(await panel.innerText()).toContain('12388');
    for (const path of ['/', '/cases/', '/no-such-page/']) {
      const other = await browser.open(path, { viewport: desktop });
      const footer = other.page.locator('footer');
      expect(await footer.getByRole('link', { name: /中央纪委国家监委举报网站/ }).getAttribute('href')).toBe('https://www.12388.gov.cn/');
    }
  });

  it('shares the address the reader is on, never the placeholder, and without JavaScript asks to copy the address bar', async () => {
    const { page } = await browser.open('/culture/yang-zhen-four-knows/?from=test', { viewport: phone });
    const box = page.getByRole('textbox', { name: '分享本文' });
    await expect.poll(() => box.inputValue()).toBe(page.url());
    expect(await box.inputValue()).not.toContain('example.cn');
    const plain = await browser.open('/culture/yang-zhen-four-knows/', { javaScriptEnabled: false });
    const share = plain.page.locator('share-link');
    expect(await share.innerText()).not.toContain('example.cn');
    expect(await share.innerText()).toContain('复制浏览器地址栏里的网址');
  });

  it('says what the study record export is in plain words', async () => {
    const { page } = await browser.open('/study/');
    expect(await page.getByRole('button', { name: '保存学习记录到本机文件' }).count()).toBe(1);
    expect(await page.locator('main').innerText()).not.toContain('JSON');
  });
});

describeBrowser('pages that look finished', () => {
  const browser = useBrowser();

  it('shows only what a track holds on the tracks index, never 「0 个模块」', async () => {
    const { page } = await browser.open('/tracks/');
    const chips = await page.locator('main .badge').allInnerTexts();
    expect(chips.length).toBeGreaterThan(5);
    expect(chips.filter((c) => /^0 /.test(c))).toEqual([]);
  });

  for (const viewport of [phone, desktop]) {
    it(`leaves no lone card on the last row of a grid (${viewport.width} px)`, async () => {
      for (const path of ['/posts/village-cadre/', '/culture/', '/tracks/public/', '/courses/', '/']) {
        const { page } = await browser.open(path, { viewport });
        const lonely = await page.locator('main .card-grid').evaluateAll((grids) =>
          grids.flatMap((grid) => {
            const items = [...grid.children].filter((el) => (el as HTMLElement).offsetParent !== null);
            if (items.length < 3) return [];
            const rows = new Map<number, number>();
            for (const el of items) rows.set(Math.round(el.getBoundingClientRect().top), (rows.get(Math.round(el.getBoundingClientRect().top)) ?? 0) + 1);
            const counts = [...rows.values()];
            const columns = Math.max(...counts);
            const last = counts.at(-1) ?? 0;
            const lastWidth = items.at(-1)?.getBoundingClientRect().width ?? 0;
            // A last row of one is fine only when that card fills the row.
            return columns > 1 && last === 1 && lastWidth < grid.getBoundingClientRect().width * 0.9 ? [grid.previousElementSibling?.textContent ?? 'grid'] : [];
          }),
        );
        expect(lonely, path).toEqual([]);
      }
    });
  }

  it('gives the 404 page room below the header, and the review board says its date', async () => {
    const { page } = await browser.open('/no-such-page/', { viewport: phone });
    const header = await page.locator('.site-header').boundingBox();
    const h1 = await page.getByRole('heading', { level: 1 }).boundingBox();
    expect((h1?.y ?? 0) - ((header?.y ?? 0) + (header?.height ?? 0))).toBeGreaterThanOrEqual(24);
    const review = await browser.open('/documents/review/');
    expect(await review.page.locator('main').innerText()).toMatch(/截至构建日期 \d{4}-\d{2}-\d{2}/);
  });

  for (const viewport of [phone, desktop]) {
    it(`keeps each quiz question, with its number, inside its box, never struck through by the border (${viewport.width} px)`, async () => {
      const { page } = await browser.open('/courses/leader-major-decisions/', { viewport });
      const questions = await page.locator('.quiz fieldset').evaluateAll((sets) =>
        sets.map((set) => {
          const legend = set.querySelector('legend') as HTMLElement;
          return {
            text: legend.innerText.slice(0, 20),
            legendTop: legend.getBoundingClientRect().top,
            boxTop: set.getBoundingClientRect().top,
            number: getComputedStyle(legend, '::before').content,
            marker: getComputedStyle(set.closest('li') as Element).listStyleType,
          };
        }),
      );
      expect(questions.length).toBeGreaterThan(2);
      for (const q of questions) {
        expect(q.legendTop, q.text).toBeGreaterThanOrEqual(q.boxTop);
        expect(q.number, q.text).toContain('counter(quiz)');
        expect(q.marker, q.text).toBe('none');
      }
    });
  }

  it('keeps short table headings and 「专题讲授」 on one line on a phone (module schedule, member sites)', async () => {
    // Counts the lines a cell's text takes: one client rect per line box.
    const lines = (cells: Element[]) =>
      cells.map((cell) => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        return [cell.textContent ?? '', new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size] as const;
      });
    const course = await browser.open('/courses/leader-major-decisions/', { viewport: phone });
    const segments = await course.page.locator('.schedule__segment').evaluateAll(lines);
    expect(segments.map(([t]) => t)).toContain('专题讲授');
    for (const [text, n] of segments) if (text.length <= 5) expect(n, text).toBe(1);
    const sites = await browser.open('/network/sites/', { viewport: phone });
    const headings = await sites.page.locator('main thead th').evaluateAll(lines);
    expect(headings.map(([t]) => t)).toEqual(['单位', '层级', '案例', '培训模块', '制度文件']);
    for (const [text, n] of headings) expect(n, text).toBe(1);
    expect(await sites.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
  });

  it('keeps heading levels in order on the case library', async () => {
    const { page } = await browser.open('/cases/');
    const levels = await page.locator('main').locator('h1, h2, h3, h4').evaluateAll((els) => els.map((h) => Number(h.tagName[1])));
    for (let i = 1; i < levels.length; i++) expect(levels[i] ?? 0, `heading ${i}`).toBeLessThanOrEqual((levels[i - 1] ?? 0) + 1);
  });
});
