/**
 * The web editor end to end (issue 18), as an editor uses it: `npm run edit` on a temporary git
 * copy of a small content folder (never the real content/), a new case written through the form
 * (sector, risk point, violation type, a party sanction citing 第八条, the narrative), refused
 * while the narrative holds an ID-card number, saved once it is clean, sent through review and
 * published; the published file passes the content check and builds into a page.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { loadContent } from '../../src/lib/load-content.ts';
import { describeBrowser } from '../helpers/browser.ts';
import { buildSite } from '../helpers/build.ts';
import { MINI } from '../helpers/fixture.ts';
import { freePort } from '../helpers/servers.ts';

const TITLE = '某单位采购员化整为零规避公开采购案';
const NARRATIVE = (extra: string) =>
  [
    '## 基本案情',
    '',
    `张某，某事业单位办公室采购员。${extra}`,
    '',
    '## 违纪违法事实',
    '',
    '2019年至2020年，张某把办公设备采购拆成十四份小额合同，规避公开采购。',
    '',
    '## 处理结果',
    '',
    '给予张某党内警告处分。',
    '',
    '## 警示启示',
    '',
    '拆分合同就是规避监督。',
    '',
    '## 整改措施',
    '',
    '单位建立采购台账，按年度汇总同类采购。',
    '',
  ].join('\n');

const git = (repo: string, ...args: string[]) => spawnSync('git', ['-C', repo, ...args], { encoding: 'utf8' }).stdout.trim();

describeBrowser('the web editor', () => {
  let repo = '';
  let editor: ChildProcess | undefined;
  let base = '';
  let browser: Browser | undefined;
  let page: Page;

  beforeAll(async () => {
    repo = mkdtempSync(join(tmpdir(), 'lianjian-editor-repo-'));
    cpSync(MINI, join(repo, 'content'), { recursive: true });
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '-A');
    git(repo, '-c', 'user.name=测试', '-c', 'user.email=test@example.invalid', 'commit', '-qm', '示例内容');
    const [port, proxyPort] = [await freePort(), await freePort()];
    base = `http://127.0.0.1:${port}`;
    editor = spawn(process.execPath, ['src/cli/edit.ts', '--repo', repo, '--no-preview', '--port', String(port), '--proxy-port', String(proxyPort)], {
      env: { ...process.env, LIANJIAN_CONTENT: join(repo, 'content'), GIT_AUTHOR_NAME: '编辑', GIT_AUTHOR_EMAIL: 'editor@example.invalid', GIT_COMMITTER_NAME: '编辑', GIT_COMMITTER_EMAIL: 'editor@example.invalid' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`编辑器没有启动：${output}`)), 280_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('编辑器：http')) {
          clearTimeout(timer);
          resolve();
        }
      };
      editor?.stdout?.on('data', read);
      editor?.stderr?.on('data', read);
      editor?.on('exit', (code) => reject(new Error(`编辑器退出（${code}）：${output}`)));
    });
    browser = await chromium.connect(inject('wsEndpoint'));
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.setDefaultTimeout(120_000);
    // Decap asks “确定要发布吗？” with window.confirm before publishing; the editor says yes.
    page.on('dialog', (dialog) => void dialog.accept());
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    editor?.kill('SIGTERM');
  });

  const label = (text: string) => page.locator('label').filter({ hasText: new RegExp(`^${text}(\\s*\\(可选\\))?$`) }).first();
  async function control(text: string) {
    const id = await label(text).getAttribute('for');
    return page.locator(`[id="${id}"]`);
  }
  const fill = async (text: string, value: string) => (await control(text)).fill(value);
  /** A select: type a few characters as an editor would, pick the first match. */
  async function choose(text: string, typed: string) {
    const el = await control(text);
    await el.click();
    await el.fill(typed);
    await page.keyboard.press('Enter');
  }
  async function narrative(text: string) {
    const body = page.locator('[aria-label="markdown field"] [contenteditable=true]');
    await body.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(text);
  }

  it('refuses a case whose narrative holds an ID-card number, with the check\'s Chinese message', async () => {
    await page.goto(`${base}/admin/`, { timeout: 240_000 });
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('某县局长招标量身定制受贿案').first().waitFor();
    await page.goto(`${base}/admin/#/collections/cases/new`);
    await (await control('标题')).waitFor();
    await fill('标题', TITLE);
    await fill('一句话摘要', '某事业单位采购员把一年的办公设备采购拆成多笔小额合同，规避公开采购，被审计发现。');
    await fill('发布日期', '2026-11-29');
    await fill('办结年份', '2021');
    await fill('开始年份', '2019');
    await fill('结束年份', '2020');
    await fill('地区', '华东某省');
    await choose('供稿单位', '某县纪委');
    await choose('重点领域', '物资采购');
    await choose('廉政风险点', '化整为零');
    await choose('权力运行环节', '执行');
    await choose('涉案人员层级', '关键岗位');
    await fill('职务', '某事业单位办公室采购员');
    await choose('单位类型', '事业单位');
    await (await control('中共党员')).click();
    const partyPost = await control('担任党内职务');
    await partyPost.click();
    await partyPost.click();
    await fill('处理决定日期', '2021-05-20');
    await choose('违纪违法类型', '八项规定');
    await choose('发现途径', '审计');
    await choose('处分', '警告');
    const basis = await control('依据条款');
    await basis.click();
    await basis.fill('第八条');
    await page.getByRole('option', { name: /2018.*第八条/ }).click();
    await fill('对领导干部', '领导干部要把年度采购计划拿到班子会上集体研究，不能交给一个人说了算。');
    await fill('对关键岗位', '采购员拆分合同看似省事，实则规避监督，一旦被审计发现就要承担纪律责任。');
    await fill('对普通职工', '普通职工发现同一供应商反复拿到小额合同，可以向纪检部门反映。');
    await fill('说德', '张某觉得拆分合同只是图省事，却忘了公款采购的每一分钱都要经得起检验。');
    await fill('说纪', '规避公开采购违反工作纪律，党员受到党内警告处分。');
    await fill('说法', '政府采购法要求达到限额标准的采购依法公开进行，不得化整为零规避。');
    await fill('说责', '单位负责人对年度采购计划把关不严，财务部门付款时没有核对合同总额，均有责任。');
    const add = page.getByRole('button', { name: /新增讨论题/ });
    await add.click();
    await add.click();
    const questions = page.locator(`[id="${await label('讨论题').getAttribute('for')}"]`).locator('..').locator('textarea');
    await questions.nth(0).fill('同一供应商一年拿到十多份小额合同，哪些环节本应发现？');
    await questions.nth(1).fill('怎样设计采购台账，才能自动提示接近限额的拆分合同？');
    await choose('案例类型', '教学案例');
    await fill('来源说明', '教学案例，人物、单位均为化名。');
    await narrative(NARRATIVE('身份证号 11010519491231002X。'));
    await page.getByRole('button', { name: '保存', exact: true }).click();

    const panel = page.locator('#lianjian-check');
    await expect.poll(() => panel.innerText(), { timeout: 180_000 }).toContain('疑似身份证号码：1101**********002X');
    expect(await panel.innerText()).toContain('内容检查未通过，不能保存');
    expect(await panel.innerText()).not.toContain('11010519491231002X');
    expect(git(repo, 'branch', '--list', 'cms/*')).toBe('');
  }, 900_000);

  it('saves the case once the narrative is clean, as a draft on its own branch', async () => {
    await page.getByRole('button', { name: '知道了' }).click();
    await narrative(NARRATIVE('2015年起任办公室采购员。'));
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('状态: 草稿').waitFor({ timeout: 180_000 });
    const branch = git(repo, 'branch', '--list', 'cms/cases/*').replace(/^[*\s]+/, '');
    expect(branch).toMatch(/^cms\/cases\/cases-\d{8}-\d{6}$/);
  }, 600_000);

  it('goes through review and publishing into content/cases/, passes the check and builds into a page', async () => {
    await page.getByText('状态: 草稿').click();
    await page.getByRole('menuitem', { name: '就绪' }).click();
    // decap-server keeps the status in the branch's description: 就绪 is pending_publish.
    await expect.poll(() => git(repo, 'config', '--get-regexp', 'branch\\..*description'), { timeout: 120_000 }).toContain('pending_publish');
    await page.getByRole('button', { name: '发布', exact: true }).click();
    await page.getByRole('menuitem', { name: '立即发布' }).click();
    const published = () => git(repo, 'ls-files', 'content/cases').split('\n').find((f) => /cases-\d{8}-\d{6}\.md$/.test(f)) ?? '';
    await expect.poll(published, { timeout: 180_000 }).not.toBe('');
    const slug = published().replace(/^content\/cases\/|\.md$/g, '');
    const text = readFileSync(join(repo, 'content/cases', `${slug}.md`), 'utf8');
    expect(text).toContain(`title: ${TITLE}`);
    expect(text).toContain('sector: procurement');
    expect(text).toContain('riskPoints: [split-purchase]');
    expect(text).toContain('violations: [eight-rules]');
    expect(text).toContain('basis: [rules-2018#8]');
    expect(loadContent(join(repo, 'content'), repo).problems).toEqual([]);

    const out = mkdtempSync(join(tmpdir(), 'lianjian-editor-build-'));
    const result = buildSite({ LIANJIAN_CONTENT: join(repo, 'content'), LIANJIAN_OUT: out });
    expect(result.status, result.output.slice(-2000)).toBe(0);
    const pagePath = join(out, 'cases', slug, 'index.html');
    expect(existsSync(pagePath)).toBe(true);
    expect(readFileSync(pagePath, 'utf8')).toContain(TITLE);
  }, 900_000);
});
