/**
 * The careless editor (session 7): mistakes made in a hurry — pasting from Word or a judgment,
 * typing with a Chinese IME — each fed through the real check on a copy of the mini fixture site.
 * Every one must stop with the file, the field and what was expected, in Chinese; none may hang
 * the check or slip onto a page.
 */
import { copyFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentErrors } from '../../src/lib/content-errors.ts';
import { loadContent } from '../../src/lib/load-content.ts';
import { copyFixture, plant, problemsAfter } from '../helpers/fixture.ts';

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
      { file: path, field: '正文', code: 'externalImage', message: contentErrors.externalImage.message('https://news.example.cn/photos/2023/zhang-at-the-site-of-the…') },
    ]);
  });
});

/**
 * Details pasted from a judgment or a news report that identify a private person without being a
 * number: the check must stop them like an ID number, masked in the report.
 */
describe('personal details pasted from a judgment', () => {
  const line = 32; // the fixture body's first paragraph

  it('a licence plate, with or without the middle dot', () => {
    const { problems, path } = inBody('测试正文，张某驾驶苏A12345号小汽车往返，另用京A·8K123接送。');
    expect(problems).toEqual([
      { file: path, field: `第 ${line} 行`, code: 'personalData', message: contentErrors.personalData.message('机动车号牌', '苏*****5') },
      { file: path, field: `第 ${line} 行`, code: 'personalData', message: contentErrors.personalData.message('机动车号牌', '京A****23') },
    ]);
  });

  it('a home address down to building, entrance and room', () => {
    const { problems, path } = inBody('测试正文，钱款藏于张某位于某市某区幸福路18号3号楼2单元501室的住处。');
    expect(problems).toEqual([
      { file: path, field: `第 ${line} 行`, code: 'personalData', message: contentErrors.personalData.message('住址门牌（楼号、单元、室号）', '3号******1室') },
    ]);
  });

  it('a full name in the judgment\'s style, in the body and in a frontmatter field', () => {
    const { problems, path } = inBody('测试正文。被告人王建国，男，1965年出生，原任某县交通运输局局长。');
    expect(problems).toEqual([
      { file: path, field: `第 ${line} 行`, code: 'personalData', message: contentErrors.personalData.message('真实姓名（案例人物应写作张某、李某某）', '王**') },
    ]);
    const field = problemsAfter(CASE, 'source: 测试用教学案例。', 'source: 据某县人民法院判决书整理，行贿人李强因另案处理。');
    expect(field.problems).toEqual([
      { file: field.path, field: 'source', code: 'personalData', message: contentErrors.personalData.message('真实姓名（案例人物应写作张某、李某某）', '李*') },
    ]);
  });

  it('anonymised people and ordinary buildings pass', () => {
    const { problems } = inBody('测试正文。被告人张某，男；行贿人李某某因另案处理；举报人向纪委反映，当事人的家属也在场。有人反映：5号楼、7号楼的墙体开裂，4栋的电梯停用。');
    expect(problems).toEqual([]);
  });
});

/**
 * Frontmatter typed with a Chinese IME or pasted from Word: the YAML parser's English sentence
 * (“Implicit keys need to be on a single line”) is replaced by what went wrong on that line.
 */
describe('frontmatter typed with a Chinese IME or pasted from Word', () => {
  const yaml = (detail: string) => contentErrors.yamlSyntax.message(detail);

  const slips: [string, string | RegExp, string, string][] = [
    ['a full-width colon after a key', 'region: 某省', 'region：某省', '第 8 行：字段名“region”后面用了中文冒号“：”：应为英文冒号加一个空格，写成 region: 某省'],
    ['a colon with no space after it', 'region: 某省', 'region:某省', '第 8 行：字段名“region”的冒号后缺少空格：应写成 region: 某省'],
    ['a Tab indent', '\n  party:', '\n\tparty:', '第 23 行：用 Tab 缩进了：YAML 只能用空格缩进（从 Word 或网页粘贴时常带进 Tab）'],
    ['the same field written twice', 'region: 某省', 'region: 某省\nregion: 某市', '第 9 行：字段“region”：同一个字段写了两次：删去其中一个'],
    ['a value containing “: ” without quotes', 'region: 某省', 'region: 某省: 华东', '第 8 行：一行里出现了第二个“: ”：值里含冒号时整体加英文引号，如 title: "通报：某县……"；花括号要用英文 { }'],
  ];
  for (const [name, from, to, detail] of slips) {
    it(name, () => {
      const { problems, path } = problemsAfter(CASE, from, to);
      expect(problems).toEqual([{ file: path, field: '', code: 'yamlSyntax', message: yaml(detail) }]);
    });
  }

  it('a full-width colon inside { } and a key with a trailing full-width space, named as unknown fields', () => {
    const { problems, path } = problemsAfter(CASE, 'region: 某省', 'region　: 某省');
    expect(problems).toContainEqual({ file: path, field: 'region　', code: 'unknownField', message: '未知字段：region〔全角空格〕' });
    const inBraces = problemsAfter(CASE, '{ sanction: 开除党籍,', '{ sanction：开除党籍,');
    expect(inBraces.problems).toContainEqual({
      file: inBraces.path,
      field: 'disposition.party.sanction：开除党籍',
      code: 'unknownField',
      message: '未知字段：sanction：开除党籍（字段名后用了中文冒号“：”，应为英文冒号加空格）',
    });
  });
});

describe('ids pasted with invisible or look-alike characters say what to type', () => {
  const idIn = (field: string, from: string, to: string) => {
    const { problems, path } = problemsAfter(CASE, from, to);
    return problems.filter((p) => p.field === field).map((p) => ({ ...p, file: p.file === path ? 'the case' : p.file }));
  };

  it('a trailing full-width space copied from Word', () => {
    expect(idIn('riskPoints[0]', 'riskPoints: [tailored-bid-terms]', 'riskPoints: [tailored-bid-terms　]')).toEqual([
      { file: 'the case', field: 'riskPoints[0]', code: 'badFormat', message: 'id “tailored-bid-terms〔全角空格〕”含有空格（从 Word 或网页粘贴时常在末尾带进全角空格），应写成 tailored-bid-terms' },
    ]);
  });

  it('smart quotes around an id', () => {
    expect(idIn('sector', 'sector: engineering', 'sector: “engineering”')).toEqual([
      { file: 'the case', field: 'sector', code: 'badFormat', message: 'id “engineering”带了引号：id 不加引号，应写成 engineering' },
    ]);
  });

  it('two ids joined by a Chinese comma or 顿号', () => {
    expect(idIn('riskPoints[0]', 'riskPoints: [tailored-bid-terms]', 'riskPoints: [tailored-bid-terms、split-purchase]')).toEqual([
      { file: 'the case', field: 'riskPoints[0]', code: 'badFormat', message: 'id “tailored-bid-terms、split-purchase”把几项写成了一项：列表各项之间用英文逗号加空格分隔，应写成 [tailored-bid-terms, split-purchase]' },
    ]);
  });

  it('capitals and Chinese characters', () => {
    expect(idIn('sector', 'sector: engineering', 'sector: Engineering')[0]?.message).toBe('id “Engineering”含大写字母：id 一律小写，应写成 engineering');
    expect(idIn('sector', 'sector: engineering', 'sector: 工程建设')[0]?.message).toBe('id “工程建设”用了汉字：id 只用小写英文字母、数字和连字符，中文名称另写在 name 或 title 中');
  });
});

describe('a misspelt reference suggests the id the editor meant', () => {
  it('a risk point with a letter missing, and a document with an extra one', () => {
    const risk = problemsAfter(CASE, 'riskPoints: [tailored-bid-terms]', 'riskPoints: [tailored-bid-term]');
    expect(risk.problems).toEqual([
      { file: risk.path, field: 'riskPoints[0]', code: 'missingReference', message: '引用的廉政风险点“tailored-bid-term”不存在：是不是 tailored-bid-terms？' },
    ]);
    const doc = problemsAfter(CASE, 'basis: [criminal-law#385]', 'basis: [criminal-laws#385]');
    expect(doc.problems).toEqual([
      { file: doc.path, field: 'disposition.criminal.basis[0]', code: 'missingReference', message: contentErrors.missingReference.message('制度文件', 'criminal-laws', 'criminal-law') },
    ]);
  });

  it('no guess when nothing is close', () => {
    const { problems, path } = problemsAfter(CASE, 'riskPoints: [tailored-bid-terms]', 'riskPoints: [kickbacks]');
    expect(problems).toEqual([{ file: path, field: 'riskPoints[0]', code: 'missingReference', message: '引用的廉政风险点“kickbacks”不存在' }]);
  });
});

/**
 * Markup the site would show as text or drop: markdown-safety.ts keeps raw HTML from running by
 * printing it, so an editor's “hidden” <!-- note --> is published word for word.
 */
describe('HTML and script links typed into a Markdown body', () => {
  const line = 32;

  it('an HTML comment meant as a note to the reviewer', () => {
    const { problems, path } = inBody('测试正文。<!-- 待核实：举报材料第3页 --> 以上为基本事实。');
    expect(problems).toEqual([{ file: path, field: `第 ${line} 行`, code: 'htmlComment', message: '正文含有 HTML 注释“<!-- 待核实：举报材料第3页 -->”：本站不隐藏注释，读者会在页面上看到它' }]);
  });

  it('tags pasted from a web page: an image from elsewhere, a script, an inline handler, a line break', () => {
    const { problems, path } = inBody('测试正文。<img src="https://news.example.cn/a.png"><br>\n<script>alert(1)</script><a onclick="go()">详情</a>');
    expect(problems).toEqual([
      { file: path, field: `第 ${line} 行`, code: 'rawHtml', message: contentErrors.rawHtml.message('<img src="https://news.example.cn/a.png">') },
      { file: path, field: `第 ${line} 行`, code: 'rawHtml', message: contentErrors.rawHtml.message('<br>') },
      { file: path, field: `第 ${line + 1} 行`, code: 'rawHtml', message: contentErrors.rawHtml.message('<script>') },
      { file: path, field: `第 ${line + 1} 行`, code: 'rawHtml', message: contentErrors.rawHtml.message('<a onclick="go()">') },
    ]);
  });

  it('a javascript: link, which would be published as dead text', () => {
    const { problems, path } = inBody('测试正文，[点此查看](javascript:alert(1))。');
    expect(problems).toEqual([{ file: path, field: `第 ${line} 行`, code: 'unsafeLink', message: contentErrors.unsafeLink.message('javascript:alert(1') }]);
  });

  it('comparisons and code shown on purpose pass', () => {
    const { problems } = inBody('测试正文，金额<3万元，a<b。写法示例：`<br>` 不会换行。\n\n```\n<!-- 这是代码示例 -->\n<b>粗体</b>\n```\n');
    expect(problems).toEqual([]);
  });
});

describe('the same entry saved under two file names', () => {
  const at = (dir: string, file: string) => relative('/', join(dir, file));

  it('a case “saved as” a new name, the old file left behind', () => {
    const dir = copyFixture();
    copyFileSync(join(dir, CASE), join(dir, 'cases/county-road-tender.md'));
    const message = (other: string) => contentErrors.duplicateContent.message([at(dir, other)], false);
    expect(loadContent(dir, '/').problems).toEqual([
      { file: at(dir, 'cases/county-road-tender.md'), field: '', code: 'duplicateContent', message: message(CASE) },
      { file: at(dir, CASE), field: '', code: 'duplicateContent', message: message('cases/county-road-tender.md') },
    ]);
  });

  it('a copy of an internal case that lost visibility: internal, which would put it on the public edition', () => {
    const dir = copyFixture();
    copyFileSync(join(dir, 'cases/internal-case.md'), join(dir, 'cases/internal-case-edited.md'));
    plant(dir, 'cases/internal-case-edited.md', 'visibility: internal\n', '');
    const problems = loadContent(dir, '/').problems;
    expect(problems.map((p) => [p.file, p.code])).toEqual([
      [at(dir, 'cases/internal-case-edited.md'), 'duplicateContent'],
      [at(dir, 'cases/internal-case.md'), 'duplicateContent'],
    ]);
    expect(problems[0]?.message).toBe(
      `与 ${at(dir, 'cases/internal-case.md')} 的标题和正文完全相同：同一条内容以两个文件名保存了两次；其中一份是内部条目（visibility: internal），另一份却会在公开版发布`,
    );
  });
});
