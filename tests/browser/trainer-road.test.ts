/** The trainer's road (issue 17): home → 课程组配, a half day that fits, breaks, duplicates, a phone, 签到表, and quiz scores in 学习记录. */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser, useBrowser } from '../helpers/browser.ts';

/** window.print() would open a dialog; the tests look at the print layout with emulateMedia instead. */
const stubPrint = (page: Page) => page.evaluate(() => Object.defineProperty(window, 'print', { value: () => dispatchEvent(new Event('beforeprint')) }));

describeBrowser('trainer road', () => {
  const browser = useBrowser();

  it('leads from the home page and the trainer track to 课程组配, and from a module to a plan holding it', async () => {
    const { page, errors } = await browser.open('/');
    await page.getByRole('link', { name: '去课程组配：排课、下载课件' }).click();
    await page.waitForURL(/\/builder\/$/);
    await page.goto('/tracks/trainer/');
    await page.getByRole('link', { name: '课程组配' }).click();
    await page.waitForURL(/\/builder\/$/);
    await page.goto('/courses/leader-power-restraint/');
    await page.getByRole('link', { name: '用本模块组课，下载幻灯片、讲义和签到表' }).click();
    await page.locator('[data-app]').waitFor();
    expect(await page.locator('[data-plan] .builder__name').allInnerTexts()).toEqual(['领导干部：权力运行的制约与监督']);
    expect(errors).toEqual([]);
  });

  it('aims at half a day, times 开班 and 茶歇, warns when under or over, and refuses a module twice', async () => {
    const { page, errors } = await browser.open('/builder/');
    await page.locator('[data-app]').waitFor();
    await page.getByLabel('目标时长').selectOption({ label: '半天（约 3.5 小时）' });
    await page.getByRole('button', { name: '添加：开班式' }).click();
    await page.locator('button[data-add-module="leader-power-restraint"]').click();
    await page.getByRole('button', { name: '添加：茶歇' }).click();
    const target = page.locator('[data-target]');
    expect(await target.innerText()).toBe('距目标半天（210 分钟，不含午休）还差 45 分钟：可再添加模块、案例研讨或茶歇。');
    await page.locator('button[data-add-module="leader-power-restraint"]').click();
    expect(await page.locator('[data-added]').innerText()).toBe('“领导干部：权力运行的制约与监督”已在课程安排第 2 项，没有重复添加。');
    expect(await page.locator('[data-plan] .builder__name').count()).toBe(3);
    await page.locator('button[data-add-module="leader-family-circle"]').click();
    expect(await target.innerText()).toBe('已超出目标半天（210 分钟，不含午休） 45 分钟：请移除一项，或缩短案例研讨。');
    await page.getByRole('button', { name: '移除：领导干部：管好家属子女和身边人' }).click();
    await page.getByRole('button', { name: '添加：结业式' }).click();
    await page.getByLabel('结业式：分钟数').fill('45');
    await page.getByLabel('结业式：分钟数').press('Tab');
    expect(await target.innerText()).toBe('与目标半天（210 分钟，不含午休）相符（210 分钟）。');
    await page.emulateMedia({ media: 'print' });
    const rows = await page.locator('[data-print-view] table tr').allInnerTexts();
    expect(rows.slice(1).map((r) => r.split('\t').slice(0, 2).join(' '))).toEqual([
      '09:00—09:15 开班式',
      '09:15—11:30 培训模块：领导干部：权力运行的制约与监督',
      '11:30—11:45 茶歇',
      '11:45—12:30 结业式',
    ]);
    expect(await page.locator('[data-print-view]').innerText()).toContain('共 210 分钟，合 3 学时；与目标半天');
    expect(errors).toEqual([]);
  });

  it('on a phone keeps the running total in view after 添加, and long titles stay beside their button', async () => {
    const { page, errors } = await browser.open('/builder/');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('[data-app]').waitFor();
    expect(await page.locator('.lead').innerText()).not.toContain('右侧');
    const add = page.locator('button[data-add-module="keypost-approval-integrity"]');
    await add.scrollIntoViewIfNeeded();
    await add.click();
    expect(await add.innerText()).toBe('已添加');
    const total = page.locator('[data-total]');
    expect(await total.innerText()).toBe('共 1 项，120 分钟，合 2.5 学时');
    const box = await total.boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= 844).toBe(true);
    expect(await page.locator('[data-added]').innerText()).toContain('已添加“关键岗位：行政审批岗位的廉洁风险');
    for (const li of await page.locator('.builder__picker li:has(a)').all()) {
      const b = await li.locator('button').boundingBox();
      const a = await li.locator('a').boundingBox();
      expect(b && a && a.x >= b.x + b.width).toBe(true);
    }
    await page.goto('/courses/leader-power-restraint/');
    const cell = page.locator('.schedule__time').first();
    expect(await cell.innerText()).toMatch(/^\d+\s分钟$/);
    const lineHeight = await cell.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
    const height = (await cell.evaluate((el) => el.getClientRects()[0]?.height)) ?? 0;
    const padding = await cell.evaluate((el) => parseFloat(getComputedStyle(el).paddingTop) + parseFloat(getComputedStyle(el).paddingBottom));
    const textHeight = await cell.evaluate((el) => {
      const r = document.createRange();
      r.selectNodeContents(el);
      return r.getClientRects().length;
    });
    expect(textHeight).toBe(1);
    expect(height - padding).toBeGreaterThanOrEqual(lineHeight * 0.9);
    expect(errors).toEqual([]);
  });

  it('prints a 签到表 with one numbered row per participant', async () => {
    const { page, errors } = await browser.open('/builder/?t=村级财务专题&d=2026-12-10&v=镇政府二楼会议室&i=m.staff-micro-power');
    await page.locator('[data-app]').waitFor();
    await stubPrint(page);
    await page.getByLabel('签到人数').fill('12');
    await page.getByRole('button', { name: '打印签到表' }).click();
    await page.emulateMedia({ media: 'print' });
    const sheet = page.locator('[data-signin-view]');
    expect(await sheet.isVisible()).toBe(true);
    expect(await page.locator('[data-print-view]').isVisible()).toBe(false);
    expect(await sheet.locator('h1').innerText()).toBe('村级财务专题　签到表');
    expect(await sheet.innerText()).toContain('镇政府二楼会议室');
    expect(await sheet.locator('thead th').allInnerTexts()).toEqual(['序号', '姓名', '单位', '职务', '签到时间', '签名']);
    const numbers = await sheet.locator('tbody tr td:first-child').allInnerTexts();
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => String(i + 1)));
    expect(errors).toEqual([]);
  });

  it('writes a module quiz score to 学习记录, which shows it and prints it on a 学习证明 without storing the name', async () => {
    const { page, errors } = await browser.open('/courses/staff-gifts-and-banquets/');
    const questions = page.locator('.quiz fieldset');
    const n = await questions.count();
    for (let i = 0; i < n; i++) await questions.nth(i).locator('input').first().check();
    await page.getByRole('button', { name: "提交答案" }).click();
    const result = await page.locator('[data-result]').innerText();
    const score = /得分：(\d+) \/ (\d+)/.exec(result);
    expect(score?.[2]).toBe(String(n));
    expect(result).toContain('成绩已记入本机的学习记录。');
    await page.getByRole('link', { name: '查看学习记录' }).click();
    await page.waitForURL(/\/study\/$/);
    const row = page.locator('.study__modules li', { hasText: '普通职工：礼品礼金、吃请与八项规定精神' });
    expect(await row.innerText()).toContain(`测验 ${score?.[1]}/${n}`);
    expect(await row.locator('input[type=checkbox]').isChecked()).toBe(true);
    await stubPrint(page);
    await page.getByLabel('姓名').fill('赵小明');
    await page.getByRole('button', { name: '打印学习证明' }).click();
    await page.emulateMedia({ media: 'print' });
    const proof = page.locator('[data-proof]');
    expect(await proof.isVisible()).toBe(true);
    const text = await proof.innerText();
    expect(text).toMatch(/兹证明 赵小明 于 \d{4}-\d{2}-\d{2} 学习了以下 1 个廉洁教育培训模块，累计 1.5 学时。/);
    expect(text).toContain(`${score?.[1]}/${n}`);
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain('赵小明');
    expect(errors).toEqual([]);
  });
});
