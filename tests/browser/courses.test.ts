import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeBrowser, useBrowser } from '../helpers/browser.ts';

describeBrowser('module quiz', () => {
  const browser = useBrowser();

  it('is taken and scored by keyboard alone', async () => {
    const { page, errors } = await browser.open('/courses/staff-integrity-basics/');
    const fieldsets = page.locator('quiz-form fieldset');
    const count = await fieldsets.count();
    expect(count).toBeGreaterThanOrEqual(5);
    // Focus the first option, answer every question with the keyboard: Tab between questions,
    // Space to choose, exactly as a keyboard user would.
    await fieldsets.nth(0).locator('input').first().focus();
    for (let q = 0; q < count; q++) {
      await page.keyboard.press('Space');
      const type = await fieldsets.nth(q).locator('input').first().getAttribute('type');
      const options = await fieldsets.nth(q).locator('input').count();
      // Radios are one tab stop; checkboxes are one stop each; then the answer <summary>.
      const stops = type === 'radio' ? 1 : options;
      for (let s = 0; s < stops + 1; s++) await page.keyboard.press('Tab');
    }
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('提交答案');
    await page.keyboard.press('Enter');
    const result = page.locator('[data-result]');
    await expect.poll(() => result.innerText()).toMatch(new RegExp(`^得分：\\d+ / ${count}`));
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-result'))).toBe(true);
    expect(await page.locator('quiz-form details[open]').count()).toBe(count);
    expect(await page.locator('fieldset[data-state]').count()).toBe(count);
    expect(errors).toEqual([]);
  });
});

describeBrowser('study record', () => {
  const browser = useBrowser();

  it('says how to add a case while none is recorded, and stops saying it once one is', async () => {
    const { page } = await browser.open('/study/');
    const empty = page.getByText('还没有记入案例');
    await expect.poll(() => empty.isVisible()).toBe(true);
    expect(await empty.innerText()).toContain('记入学习记录');
    await page.goto('/study/?add=case:county-road-tender-tailoring');
    await expect.poll(() => page.locator('[data-cases] a').count()).toBe(1);
    expect(await empty.isVisible()).toBe(false);
  });

  it('adds a case from its page link, ticks a module, totals 学时 and survives a reload', async () => {
    const { page, errors } = await browser.open('/cases/county-road-tender-tailoring/');
    await page.getByRole('link', { name: '记入学习记录' }).click();
    await page.waitForURL('**/study/');
    await expect.poll(() => page.locator('[data-message]').innerText()).toBe('已记入学习记录。');
    await page.locator('input[data-study-module="staff-integrity-basics"]').check();
    const totals = page.locator('[data-totals]').first();
    await expect.poll(() => totals.innerText()).toBe('已学 1 个培训模块、1 个案例，累计 2 学时');
    await page.reload();
    await expect.poll(() => totals.innerText()).toBe('已学 1 个培训模块、1 个案例，累计 2 学时');
    expect(await page.locator('[data-cases] a').innerText()).toContain('招标');
    expect(errors).toEqual([]);
  });

  it('exports the record as JSON and imports it back in another browser', async () => {
    const first = await browser.open('/study/');
    await first.page.locator('input[data-study-module="leader-power-restraint"]').check();
    const download = first.page.waitForEvent('download');
    await first.page.getByRole('button', { name: '保存学习记录到本机文件' }).click();
    const file = join(mkdtempSync(join(tmpdir(), 'lianjian-study-')), 'record.json');
    await (await download).saveAs(file);
    const other = await browser.open('/study/');
    await other.page.locator('input[data-import]').setInputFiles(file);
    await expect.poll(() => other.page.locator('[data-message]').innerText()).toBe('已导入 1 条记录。');
    expect(await other.page.locator('input[data-study-module="leader-power-restraint"]').isChecked()).toBe(true);
    await other.page.locator('input[data-import]').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') });
    await expect.poll(() => other.page.locator('[data-message]').innerText()).toBe('导入失败：这不是廉鉴导出的学习记录文件。');
  });
});
