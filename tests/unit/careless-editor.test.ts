/**
 * The careless editor (session 7): mistakes made in a hurry — pasting from Word or a judgment,
 * typing with a Chinese IME — each fed through the real check on a copy of the mini fixture site.
 * Every one must stop with the file, the field and what was expected, in Chinese; none may hang
 * the check or slip onto a page.
 */
import { describe, expect, it } from 'vitest';
import { contentErrors } from '../../src/lib/content-errors.ts';
import { problemsAfter } from '../helpers/fixture.ts';

const CASE = 'cases/public-case.md';
const inBody = (text: string) => problemsAfter(CASE, '测试正文，包含招标一词。', text);

describe('pictures pasted into a Markdown body', () => {
  it('a 3 MB picture pasted from Word as base64 is named (and the check does not hang on it)', () => {
    const base64 = Buffer.alloc(3_000_000, 'lianjian').toString('base64');
    const started = Date.now();
    const { problems, path } = inBody(`测试正文。\n\n![现场照片](data:image/png;base64,${base64})`);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(problems).toEqual([{ file: path, field: '正文', code: 'pastedImage', message: contentErrors.pastedImage.message(2930) }]);
    expect(problems[0]?.message).toBe('正文中的图片是直接粘贴进来的数据（data:，约 2930 KB）：页面上不会显示这张图片');
  });

  it('a picture linked from another website, which the CSP would block', () => {
    const { problems, path } = inBody('测试正文。\n\n![现场](https://news.example.cn/photos/2023/zhang-at-the-site-of-the-tender.jpg)');
    expect(problems).toEqual([
      { file: path, field: '正文', code: 'externalImage', message: contentErrors.externalImage.message('https://news.example.cn/photos/2023/zhan…') },
    ]);
  });
});
