import { expect, it } from 'vitest';
import { loadContent } from '../../src/lib/load-content.ts';
import { describeBrowser, useBrowser } from '../helpers/browser.ts';

const list = loadContent('content').entries.find((e) => e.collection === 'selfChecks');

describeBrowser('self-check list', () => {
  const browser = useBrowser();

  it('keeps ticks across a reload in the same browser, and resets', async () => {
    expect(list).toBeDefined();
    const { page, errors } = await browser.open(`/self-check/${list?.id}/`);
    const boxes = page.locator('input[type="checkbox"][data-item]');
    const total = await boxes.count();
    await boxes.nth(0).check();
    await boxes.nth(2).check();
    await expect.poll(() => page.locator('[data-progress]').innerText()).toBe(`已确认 2 项，共 ${total} 项，还有 ${total - 2} 项待确认`);
    await page.reload();
    await expect.poll(() => boxes.nth(0).isChecked()).toBe(true);
    expect(await boxes.nth(1).isChecked()).toBe(false);
    expect(await boxes.nth(2).isChecked()).toBe(true);
    const stored = await page.evaluate((key) => localStorage.getItem(key), `lianjian:self-check:${list?.id}`);
    expect(JSON.parse(stored ?? '{}')).toMatchObject({ v: 1, checked: [expect.any(String), expect.any(String)] });

    await page.getByRole('button', { name: '清空重来' }).click();
    expect(await boxes.nth(0).isChecked()).toBe(false);
    await page.reload();
    expect(await boxes.nth(2).isChecked()).toBe(false);
    expect(errors).toEqual([]);
  });

  it('prints a sign-off sheet with the date and every item', async () => {
    const { page } = await browser.open(`/self-check/${list?.id}/`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.selfcheck__signoff').isVisible()).toBe(true);
    expect(await page.locator('[data-print-date]').innerText()).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
    expect(await page.locator('.site-header').isVisible()).toBe(false);
  });
});
