import { expect, it } from 'vitest';
import { describeBrowser, useBrowser } from '../helpers/browser.ts';

describeBrowser('home page', () => {
  const browser = useBrowser();

  it('offers an entry for each audience and logs no errors', async () => {
    const { page, errors } = await browser.open('/');
    const region = page.getByRole('region', { name: '按身份进入' });
    const tracks = await region.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    // One entry per audience, and the trainer's card goes straight on to 课程组配 as well.
    expect(tracks.filter((h) => h?.startsWith('/tracks/'))).toHaveLength(5);
    expect(tracks.filter((h) => !h?.startsWith('/tracks/'))).toEqual(['/builder/']);
    for (const name of ['领导干部', '关键岗位', '普通职工', '培训师', '社会公众']) {
      await page.getByRole('link', { name: new RegExp(`^${name}`) }).first().waitFor();
    }
    await page.getByRole('link', { name: /^领导干部/ }).click();
    await page.waitForURL('**/tracks/leader/');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('领导干部学习路径');
    expect(errors).toEqual([]);
  });

  for (const width of [390, 1280]) {
    it(`shows 去课程组配 under the trainer's card as a link, not as plain bold text (${width} px)`, async () => {
      const { page } = await browser.open('/', { viewport: { width, height: 900 } });
      const next = page.getByRole('link', { name: '去课程组配：排课、下载课件' });
      const card = page.getByRole('link', { name: /^培训师/ });
      const look = (el: Element) => {
        const s = getComputedStyle(el);
        return { color: s.color, underline: s.textDecorationLine, background: s.backgroundColor };
      };
      const [linkLook, cardText] = [await next.evaluate(look), await card.locator('span').evaluate(look)];
      expect(linkLook.underline).toBe('underline');
      expect(linkLook.color).not.toBe(cardText.color);
      // Was painted white like a card of its own, with the body text colour.
      expect(linkLook.background).toBe('rgba(0, 0, 0, 0)');
      expect(linkLook.color).toBe('rgb(23, 78, 166)');
    });
  }
});

describeBrowser('search', () => {
  const browser = useBrowser();

  it('finds pages by a two-character Chinese word from the header box', async () => {
    const { page, errors } = await browser.open('/');
    await page.getByRole('searchbox', { name: '搜索全站' }).fill('招标');
    await page.getByRole('searchbox', { name: '搜索全站' }).press('Enter');
    await page.waitForURL('**/search/?q=*');
    const status = page.getByRole('status');
    await expect.poll(() => status.innerText(), { timeout: 15_000 }).toMatch(/找到 \d+ 个结果/);
    const results = page.locator('[data-results] li');
    await expect.poll(() => results.count()).toBeGreaterThan(0);
    expect(await results.first().locator('mark').first().innerText()).toContain('招标');
    expect(errors).toEqual([]);
  });
});
