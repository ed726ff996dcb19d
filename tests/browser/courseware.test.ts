/**
 * 课件包 from the trainer's side: build a three-module plan in 课程组配, download the slides and the
 * handout, and read what a trainer would open — the files' own XML — then let LibreOffice open them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { describeBrowser, useBrowser } from '../helpers/browser.ts';

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
const EMU = 914400;

async function download(page: Page, button: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const chunks: Buffer[] = [];
  for await (const c of (await file.createReadStream()) as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks);
}

const texts = (xml: string) => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1] ?? '');
const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

interface Slide {
  title: string;
  /** The body boxes' text, without the title. */
  body: string;
  text: string;
  xml: string;
}

async function readSlides(buf: Buffer): Promise<{ slides: Slide[]; size: { cx: number; cy: number } }> {
  const zip = await JSZip.loadAsync(buf);
  const names = Object.keys(zip.files)
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)?.[1]) - Number(/(\d+)\.xml$/.exec(b)?.[1]));
  const slides: Slide[] = [];
  for (const n of names) {
    const xml = (await zip.file(n)?.async('string')) ?? '';
    // The first text box on every slide is its title; the rest is the body.
    const boxes = [...xml.matchAll(/<p:txBody>([\s\S]*?)<\/p:txBody>/g)].map((m) => unescape(texts(m[1] ?? '').join('')));
    slides.push({ title: boxes[0] ?? '', body: boxes.slice(1).join(''), text: unescape(texts(xml).join('\n')), xml });
  }
  const pres = (await zip.file('ppt/presentation.xml')?.async('string')) ?? '';
  const m = /<p:sldSz cx="(\d+)" cy="(\d+)"/.exec(pres);
  return { slides, size: { cx: Number(m?.[1]), cy: Number(m?.[2]) } };
}

async function docText(buf: Buffer): Promise<string> {
  const xml = (await (await JSZip.loadAsync(buf)).file('word/document.xml')?.async('string')) ?? '';
  return unescape([...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n'));
}

describeBrowser('课件包: slides, handout and answer key from a course plan', () => {
  const browser = useBrowser();
  let slides: Slide[] = [];
  let size = { cx: 0, cy: 0 };
  let pptx: Buffer = Buffer.alloc(0);
  let handout: Buffer = Buffer.alloc(0);
  let key: Buffer = Buffer.alloc(0);
  let status = '';
  let errors: string[] = [];
  let quiz: { question: string; explanation: string }[] = [];

  beforeAll(async () => {
    const opened = await browser.open('/builder/');
    const { page } = opened;
    errors = opened.errors;
    await page.locator('[data-app]').waitFor();
    await page.getByLabel('课程名称').fill('一把手和身边人警示教育');
    await page.getByLabel('主办单位').fill('某县纪委监委');
    await page.getByLabel('主讲').fill('李老师');
    await page.getByLabel('日期').fill('2026-12-08');
    await page.getByRole('button', { name: '添加：开班式' }).click();
    await page.locator('button[data-add-module="leader-power-restraint"]').click();
    await page.getByRole('button', { name: '添加：茶歇' }).click();
    await page.locator('button[data-add-module="leader-family-circle"]').click();
    await page.locator('button[data-add-module="staff-gifts-and-banquets"]').click();
    // What the builder itself loaded before any download: not the slide or Word writers.
    const before = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
    expect(before.some((n) => /pptx-export|docx-export/.test(n))).toBe(false);
    pptx = await download(page, '下载幻灯片（.pptx）');
    status = await page.locator('[data-export-status]').innerText();
    handout = await download(page, '下载讲义（.docx）');
    key = await download(page, '下载测验答案（.docx）');
    ({ slides, size } = await readSlides(pptx));
    const catalog = (await (await page.request.get('/builder/catalog.json')).json()) as { modules: { id: string; quiz: { question: string; explanation: string }[] }[] };
    quiz = ['leader-power-restraint', 'leader-family-circle', 'staff-gifts-and-banquets'].flatMap((id) => catalog.modules.find((m) => m.id === id)?.quiz ?? []);
  }, 120_000);

  it('opens with the course, the unit, the date and the trainer, then a timed agenda', () => {
    expect(slides[0]?.title).toBe('一把手和身边人警示教育');
    expect(slides[0]?.text).toContain('主办单位：某县纪委监委');
    expect(slides[0]?.text).toContain('日期：2026-12-08');
    expect(slides[0]?.text).toContain('主讲：李老师');
    expect(slides[1]?.title).toBe('课程安排');
    expect(slides[1]?.text).toContain('09:00—09:15　开班式（15 分钟）');
    expect(slides[1]?.text).toMatch(/\d\d:\d\d—\d\d:\d\d　茶歇（15 分钟）/);
    expect(status).toBe(`幻灯片已生成，共 ${slides.length} 页；测验答案在最后几页，放映时请略过。`);
  });

  it('walks each case from 案情 to 警示启示, with the article chain in 处理结果', () => {
    const titles = slides.map((s) => s.title.replace(/（续）$/, ''));
    const road = '县交通运输局局长为同学企业量身定制农村公路招标条件受贿案';
    const steps = ['案情', '违纪违法事实', '处理结果', '警示启示', '研讨'].map((s) => titles.indexOf(`${s}｜${road}`));
    expect(steps.every((i) => i > 0)).toBe(true);
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
    const outcome = slides.filter((s) => s.title.startsWith(`处理结果｜${road}`)).map((s) => s.text).join('\n');
    expect(outcome).toContain('党纪处分：开除党籍；依据：《纪律处分条例（2015）》');
    expect(outcome).toContain('《刑法》第三百八十五条');
    expect(slides.find((s) => s.title.startsWith(`案情｜${road}`))?.text).toContain('王某某，男，1968年生');
    expect(titles).toContain('学习目标｜领导干部：管好家属子女和身边人');
    expect(titles).toContain('讨论题｜普通职工：礼品礼金、吃请与八项规定精神');
    expect(slides.find((s) => s.title.startsWith('课堂练习｜'))?.text).toMatch(/（(课堂|课前)，\d+ 分钟）/);
  });

  it('shows the quiz without answers and puts the answers only on the last slides, after the reporting channel', () => {
    expect(quiz.length).toBeGreaterThan(10);
    const firstAnswer = slides.findIndex((s) => s.title.startsWith('参考答案'));
    expect(firstAnswer).toBeGreaterThan(0);
    expect(slides.slice(firstAnswer).every((s) => s.title.startsWith('参考答案'))).toBe(true);
    const closing = slides[firstAnswer - 1]?.text ?? '';
    expect(closing).toContain('中央纪委国家监委举报网站：www.12388.gov.cn');
    expect(closing).toContain('举报电话：12388');
    // A paragraph continued on a 「（续）」 slide reads whole again when the bodies are joined.
    const beforeAnswers = slides.slice(0, firstAnswer).map((s) => s.body).join('');
    const answers = slides.slice(firstAnswer).map((s) => s.body).join('');
    for (const q of quiz) {
      expect(beforeAnswers).toContain(q.question);
      expect(beforeAnswers).not.toContain(q.explanation);
      expect(answers).toContain(q.explanation);
    }
  });

  it('is 16:9, declares 微软雅黑 for Chinese text, keeps body text at 24 pt or more, and every box inside its slide', () => {
    expect(size.cx / size.cy).toBeCloseTo(16 / 9, 2);
    for (const s of slides) {
      const sizes = [...s.xml.matchAll(/<a:rPr[^>]* sz="(\d+)"/g)].map((m) => Number(m[1]));
      expect(sizes.length, s.title).toBeGreaterThan(0);
      expect(Math.min(...sizes), s.title).toBeGreaterThanOrEqual(2400);
      expect(s.xml).toContain('<a:ea typeface="Microsoft YaHei"');
      expect(s.xml).toContain('lang="zh-CN"');
      for (const m of s.xml.matchAll(/<a:off x="(-?\d+)" y="(-?\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"\/>/g)) {
        const [x, y, cx, cy] = m.slice(1).map(Number) as [number, number, number, number];
        expect(x, s.title).toBeGreaterThanOrEqual(0);
        expect(y, s.title).toBeGreaterThanOrEqual(0);
        expect(x + cx, s.title).toBeLessThanOrEqual(size.cx);
        expect(y + cy, s.title).toBeLessThanOrEqual(size.cy);
      }
    }
    expect(size.cx / EMU).toBeCloseTo(13.333, 2);
  });

  it('writes a handout with the plan, the cases in full, questions with room to write, and the quiz without answers', async () => {
    const text = await docText(handout);
    expect(text).toContain('一把手和身边人警示教育');
    expect(text).toContain('开班式');
    expect(text).toContain('王某某，男，1968年生');
    expect(text).toContain('《刑法》第三百八十五条');
    expect(text).toContain('警示启示');
    expect(text).toContain('举报电话：12388');
    const zip = await JSZip.loadAsync(handout);
    const doc = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect((await zip.file('word/styles.xml')?.async('string')) ?? '').toMatch(/<w:rFonts [^>]*w:eastAsia="Microsoft YaHei"/);
    expect(doc.match(/<w:bottom /g)?.length ?? 0).toBeGreaterThan(20);
    for (const q of quiz) {
      expect(text).toContain(q.question);
      expect(text).not.toContain(q.explanation);
    }
    const answers = await docText(key);
    expect(answers).toContain('测验参考答案（培训师用）');
    for (const q of quiz) expect(answers).toContain(q.explanation);
    expect(errors).toEqual([]);
  });

  it('opens in LibreOffice: both files convert to PDF, one page per slide', (ctx) => {
    if (!SOFFICE) {
      if (process.env['LIANJIAN_REQUIRE_BROWSER'] === '1') throw new Error('找不到 LibreOffice（soffice）：CI 须先 apt-get install -y libreoffice-impress libreoffice-writer。');
      console.warn('跳过 LibreOffice 转换测试：本机没有 soffice。安装：apt-get install -y libreoffice-impress libreoffice-writer');
      ctx.skip();
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'lianjian-courseware-'));
    writeFileSync(join(dir, 'slides.pptx'), pptx);
    writeFileSync(join(dir, 'handout.docx'), handout);
    writeFileSync(join(dir, 'answers.docx'), key);
    execFileSync(SOFFICE, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...['slides.pptx', 'handout.docx', 'answers.docx'].map((f) => join(dir, f))], { stdio: 'pipe', timeout: 240_000 });
    const pages = (f: string) => readFileSync(join(dir, f), 'latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    try {
      expect(pages('slides.pdf')).toBe(slides.length);
      expect(pages('handout.pdf')).toBeGreaterThan(5);
      expect(pages('answers.pdf')).toBeGreaterThanOrEqual(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
