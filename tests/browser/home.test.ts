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
