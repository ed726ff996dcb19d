import { expect, it } from 'vitest';
import { describeBrowser, useBrowser } from '../helpers/browser.ts';

describeBrowser('course builder', () => {
  const browser = useBrowser();

  it('builds a course whose link reproduces it exactly in a fresh browser, and prints it', async () => {
    const { page, errors } = await browser.open('/builder/');
    await page.locator('[data-app]').waitFor();
    await page.getByLabel('培训对象').selectOption('leader');
    await page.getByLabel('课程名称').fill('一把手警示教育专题');
    await page.getByLabel('地点').fill('三楼会议室');
    await page.locator('button[data-add-module="leader-power-restraint"]').click();
    await page.locator('button[data-add-module="leader-major-decisions"]').click();
    await page.locator('button[data-add-case="county-road-tender-tailoring"]').click();
    await page.getByRole('button', { name: /^上移：领导干部：重大决策/ }).click();
    const names = () => page.locator('[data-plan] .builder__name').allInnerTexts();
    const built = await names();
    expect(built).toHaveLength(3);
    expect(built[0]).toContain('重大决策');
    const total = await page.locator('[data-total]').innerText();
    expect(total).toMatch(/^共 3 项，\d+ 分钟，合 [\d.]+ 学时$/);
    const url = page.url();
    expect(url).toContain('i=m.leader-major-decisions%2Cm.leader-power-restraint%2Cc.county-road-tender-tailoring.30');

    const fresh = await browser.open(url.replace(/^https?:\/\/[^/]+/, ''));
    await fresh.page.locator('[data-app]').waitFor();
    expect(await fresh.page.locator('[data-plan] .builder__name').allInnerTexts()).toEqual(built);
    expect(await fresh.page.locator('[data-total]').innerText()).toBe(total);
    expect(await fresh.page.getByLabel('课程名称').inputValue()).toBe('一把手警示教育专题');

    await fresh.page.emulateMedia({ media: 'print' });
    const sheet = fresh.page.locator('[data-print-view]');
    expect(await sheet.isVisible()).toBe(true);
    expect(await sheet.locator('h1').innerText()).toBe('一把手警示教育专题');
    expect(await sheet.locator('table tr').count()).toBe(4);
    expect(await sheet.getByRole('heading', { name: '参考答案（培训师用）' }).isVisible()).toBe(true);
    expect(await fresh.page.locator('.builder__columns').isVisible()).toBe(false);
    expect([...errors, ...fresh.errors]).toEqual([]);
  });

  it('opens a link with a removed module with a clear notice', async () => {
    const { page, errors } = await browser.open('/builder/?a=leader&i=m.retired-module,m.leader-power-restraint');
    await page.locator('[data-app]').waitFor();
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('培训模块“retired-module”已不存在或已下线');
    expect(await page.locator('[data-plan] .builder__name').count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
