import { expect, it } from 'vitest';
import { textSizeCss } from '../../src/lib/text-size.ts';
import { describeBrowser, useBrowser } from '../helpers/browser.ts';

const rootSize = (page: import('playwright-core').Page) => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
const CASE = '/cases/canteen-inquiry-rigging/';

describeBrowser('larger text that persists (适老化)', () => {
  const browser = useBrowser();

  it('is chosen by keyboard from the header link, applies to every page, and reading pages still run no script', async () => {
    const { page, errors } = await browser.open(CASE);
    expect(await rootSize(page)).toBe('16px');
    await page.getByRole('link', { name: '字号', exact: true }).click();
    await page.waitForURL('**/text-size/');
    await page.getByRole('radio', { name: /标准/ }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByRole('status').innerText()).toContain('已改为“大”字号');
    // The choice page shows it at once.
    await expect.poll(() => rootSize(page)).toBe('20px');

    await page.getByRole('link', { name: '回到刚才看的页面' }).click();
    await page.waitForURL(`**${CASE}`);
    expect(await rootSize(page)).toBe('20px');
    expect(await page.locator('script').count()).toBe(0);
    // Print keeps its own sizes.
    await page.emulateMedia({ media: 'print' });
    expect(await rootSize(page)).not.toBe('20px');
    await page.emulateMedia({ media: 'screen' });
    await page.goto('/documents/');
    expect(await rootSize(page)).toBe('20px');

    // A new visit in the same browser keeps it; back to standard undoes it.
    const again = await page.context().newPage();
    await again.goto('/text-size/');
    expect(await again.getByRole('radio', { name: /^大/ }).isChecked()).toBe(true);
    expect(await rootSize(again)).toBe('20px');
    // Two arrow presses in a row save two choices; the last one wins everywhere.
    await again.getByRole('radio', { name: /^大/ }).focus();
    await again.keyboard.press('ArrowLeft');
    await again.keyboard.press('ArrowRight');
    await again.keyboard.press('ArrowRight');
    await expect.poll(() => again.getByRole('status').innerText()).toContain('已改为“特大”字号');
    await expect.poll(() => rootSize(again)).toBe('24px');
    await page.goto('/documents/');
    expect(await rootSize(page)).toBe('24px');
    await again.getByRole('radio', { name: /标准/ }).check();
    await expect.poll(() => again.getByRole('status').innerText()).toContain('已改为“标准”字号');
    await page.goto(CASE);
    expect(await rootSize(page)).toBe('16px');
    expect(errors).toEqual([]);
  });

  it('keeps the choice on a host that cannot read the cookie, through a service worker', async () => {
    const { page, errors } = await browser.open('/');
    // A plain static host: current.css is always the file as built.
    await page.context().route('**/text-size/current.css*', (route) => route.fulfill({ contentType: 'text/css', body: textSizeCss('standard') }));
    await page.goto('/text-size/');
    await page.getByRole('radio', { name: /特大/ }).check();
    await expect.poll(() => page.getByRole('status').innerText(), { timeout: 10_000 }).toContain('已改为“特大”字号');
    await page.goto(CASE);
    expect(await rootSize(page)).toBe('24px');
    expect(await page.locator('script').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('says so, and keeps nothing half-made, where neither the server nor a worker can keep it', async () => {
    const { page, errors } = await browser.open('/', { serviceWorkers: 'block' });
    await page.context().route('**/text-size/current.css*', (route) => route.fulfill({ contentType: 'text/css', body: textSizeCss('standard') }));
    await page.goto('/text-size/');
    await page.getByRole('radio', { name: /特大/ }).check();
    await expect.poll(() => page.getByRole('status').innerText(), { timeout: 10_000 }).toContain('没能记住字号');
    expect(await page.getByRole('radio', { name: /标准/ }).isChecked()).toBe(true);
    expect(await page.evaluate(() => document.cookie)).not.toContain('lianjian_text_size');
    expect(errors).toEqual([]);
  });
});
