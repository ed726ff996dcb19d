/**
 * The content checks against the mini fixture site, through the real schemas: each planted fault
 * must be reported with the exact file, field and catalogue message.
 */
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentErrors } from '../../src/lib/content-errors.ts';
import { loadContent } from '../../src/lib/load-content.ts';
import { copyFixture, MINI, plant, problemsAfter } from '../helpers/fixture.ts';

describe('the mini fixture site', () => {
  it('passes every check and loads every entry', () => {
    const { entries, problems } = loadContent(MINI);
    expect(problems).toEqual([]);
    const count = (c: string) => entries.filter((e) => e.collection === c).length;
    expect([count('cases'), count('courses'), count('culture'), count('documents')]).toEqual([3, 1, 3, 3]);
  });
});

describe('schema errors name the file, the field and what was expected', () => {
  it('a missing required field', () => {
    const { problems, path } = problemsAfter('cases/public-case.md', /^region: .*\n/m, '');
    expect(problems).toEqual([{ file: path, field: 'region', code: 'missing', message: contentErrors.missing.message() }]);
  });

  it('a value outside its enum', () => {
    const { problems, path } = problemsAfter('cases/public-case.md', 'tier: leader', 'tier: boss');
    expect(problems).toEqual([
      { file: path, field: 'tier', code: 'notInEnum', message: contentErrors.notInEnum.message(['leader', 'key-post', 'staff']) },
    ]);
  });

  it('an impossible date', () => {
    const { problems, path } = problemsAfter('cases/public-case.md', 'published: 2025-03-01', 'published: 2025-02-30');
    expect(problems).toEqual([{ file: path, field: 'published', code: 'badDate', message: contentErrors.badDate.message() }]);
  });

  it('malformed frontmatter YAML', () => {
    const { problems, path } = problemsAfter('cases/public-case.md', 'region: 某省', 'region: [某省');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: path, field: '', code: 'yamlSyntax' });
    expect(problems[0]?.message).toMatch(/^frontmatter 或 YAML 写法有误：第 \d+ 行/);
  });

  it('malformed taxonomy YAML', () => {
    const { problems, path } = problemsAfter('taxonomies/sectors.yaml', '- id: procurement', '- id: procurement\n  name: [物资采购');
    expect(problems[0]).toMatchObject({ file: path, code: 'yamlSyntax' });
  });

  it('a misspelt field is not silently ignored', () => {
    const { problems, path } = problemsAfter('cases/public-case.md', 'region: 某省', 'regoin: 某省');
    expect(problems).toContainEqual({ file: path, field: 'regoin', code: 'unknownField', message: contentErrors.unknownField.message(['regoin']) });
    expect(problems).toContainEqual({ file: path, field: 'region', code: 'missing', message: contentErrors.missing.message() });
  });

  it('a quiz answer outside the options', () => {
    const { problems, path } = problemsAfter('courses/basic-module.md', 'answer: [1], explanation: 这类要求', 'answer: [2], explanation: 这类要求');
    expect(problems).toEqual([{ file: path, field: 'quiz[2].answer', code: 'invalid', message: '答案序号超出选项范围：共 2 个选项，序号从 0 起算' }]);
  });

  it('a class schedule that does not add up to the duration', () => {
    const { problems, path } = problemsAfter('courses/basic-module.md', 'durationMinutes: 90', 'durationMinutes: 80');
    expect(problems).toEqual([{ file: path, field: 'schedule', code: 'invalid', message: '课堂环节合计 90 分钟，与 durationMinutes 的 80 分钟不一致' }]);
  });

  it('a history item without a source', () => {
    const { problems, path } = problemsAfter('culture/ink-stone.md', /^sources: .*\n/m, '');
    expect(problems).toEqual([{ file: path, field: 'sources', code: 'invalid', message: '历史典故和廉洁格言必须注明出处（sources）' }]);
  });

  it('a document with the same article number twice', () => {
    const { problems, path } = problemsAfter('documents/criminal-law.md', '  - { n: 388-1,', '  - { n: 385,');
    expect(problems).toEqual([{ file: path, field: 'articles[1].n', code: 'invalid', message: '条号 385 重复' }]);
  });

  it('a document status outside its enum', () => {
    const { problems, path } = problemsAfter('documents/rules-2023.md', 'status: current', 'status: valid');
    expect(problems).toEqual([{ file: path, field: 'status', code: 'notInEnum', message: contentErrors.notInEnum.message(['current', 'revised', 'repealed']) }]);
  });

  it('a risk point in an unknown sector', () => {
    const { problems, path } = problemsAfter('taxonomies/risk-points.yaml', 'sector: procurement', 'sector: purchasing');
    expect(problems).toEqual([{ file: path, field: '[1].sector', code: 'missingReference', message: contentErrors.missingReference.message('重点领域', 'purchasing') }]);
  });

  it('a risk point called “all”, which would hide the all-years risk map', () => {
    const { problems, path } = problemsAfter('taxonomies/risk-points.yaml', 'id: split-purchase', 'id: all');
    // Renaming the risk point also leaves the posts that named it pointing at nothing; that is reported too.
    expect(problems.filter((p) => p.file === path)).toEqual([{ file: path, field: '[1].id', code: 'invalid', message: 'id“all”已用于全部年份的风险地图（/risks/all/），请换一个 id' }]);
  });

  it('a network resource without the instruments that make it flow', () => {
    const { problems, path } = problemsAfter('network/resources.yaml', /, instruments: \[.*\] \}/, ' }');
    expect(problems.map((p) => [p.file, p.field, p.code])).toEqual([[path, '[0].instruments', 'missing']]);
  });

  it('a post naming a risk point that does not exist, or a tier that is not a case tier', () => {
    const { problems, path } = problemsAfter('taxonomies/posts.yaml', 'riskPoints: [tailored-bid-terms, split-purchase]', 'riskPoints: [tailored-bid-terms, split-purchse]');
    expect(problems).toEqual([{ file: path, field: '[0].riskPoints[1]', code: 'missingReference', message: contentErrors.missingReference.message('廉政风险点', 'split-purchse', 'split-purchase') }]);
    const tier = problemsAfter('taxonomies/posts.yaml', 'tier: key-post', 'tier: public');
    expect(tier.problems.map((p) => [p.file, p.field])).toEqual([[tier.path, '[0].tier']]);
  });

  it('a missing image file', () => {
    const { problems, path } = problemsAfter('culture/ink-stone.md', './images/ink-stone.svg', './images/missing.svg');
    expect(problems).toEqual([{ file: path, field: 'images[0].src', code: 'invalid', message: '图片文件不存在（路径相对于本条内容所在文件夹）' }]);
  });
});

describe('personal data never ships', () => {
  it('a mobile number in a case body, by line', () => {
    const { problems, path } = problemsAfter('cases/public-case.md', '测试正文，包含招标一词。', '测试正文，举报人电话 13912345678。');
    expect(problems).toEqual([{ file: path, field: '第 32 行', code: 'personalData', message: contentErrors.personalData.message('手机号码', '13*******78') }]);
  });

  it('an ID-card number in frontmatter, named by its field', () => {
    const { problems, path } = problemsAfter('cases/public-case.md', 'post: 某县交通运输局局长', 'post: 某县交通运输局局长（身份证 11010519491231002X）');
    expect(problems).toEqual([{ file: path, field: 'post', code: 'personalData', message: contentErrors.personalData.message('身份证号码', '1101**********002X') }]);
  });

  it('an e-mail address in a taxonomy file', () => {
    const { problems } = problemsAfter('taxonomies/sectors.yaml', 'description: 测试用领域说明。', 'description: 联系 someone@example.cn');
    expect(problems.map((p) => p.code)).toEqual(['personalData']);
  });

  it('a value the entry allows explicitly, such as a published hotline', () => {
    const { problems } = problemsAfter('cases/public-case.md', '测试正文，包含招标一词。', '测试正文，举报电话 12388，手机 13912345678。');
    expect(problems).toHaveLength(1);
    const allowed = problemsAfter('cases/public-case.md', 'source: 测试用教学案例。', 'source: 测试用教学案例。\nallowPersonalData: ["13912345678"]');
    expect(allowed.problems.filter((p) => p.code === 'personalData')).toEqual([]);
  });
});

describe('references are checked across the whole site', () => {
  it('a missing taxonomy id', () => {
    const { problems, path } = problemsAfter('cases/public-case.md', 'riskPoints: [tailored-bid-terms]', 'riskPoints: [tailored-bid-terms, no-such-risk]');
    expect(problems).toEqual([{ file: path, field: 'riskPoints[1]', code: 'missingReference', message: contentErrors.missingReference.message('廉政风险点', 'no-such-risk') }]);
  });

  it('a missing document', () => {
    const { problems, path } = problemsAfter('cases/public-case.md', 'basis: [criminal-law#385]', 'basis: [penal-code#385]');
    expect(problems).toEqual([
      { file: path, field: 'disposition.criminal.basis[0]', code: 'missingReference', message: contentErrors.missingReference.message('制度文件', 'penal-code') },
    ]);
  });

  it('a missing article of an existing document', () => {
    const { problems, path } = problemsAfter('cases/public-case.md', 'basis: [criminal-law#385]', 'basis: [criminal-law#386]');
    expect(problems).toEqual([
      { file: path, field: 'disposition.criminal.basis[0]', code: 'missingArticle', message: contentErrors.missingArticle.message('criminal-law', '386') },
    ]);
  });

  it('a missing case in a module', () => {
    const { problems, path } = problemsAfter('courses/basic-module.md', 'cases: [public-case, internal-case]', 'cases: [public-case, gone-case]');
    expect(problems).toEqual([{ file: path, field: 'cases[1]', code: 'missingReference', message: contentErrors.missingReference.message('警示案例', 'gone-case') }]);
  });

  it('a reference to an internal entry is valid (it is only hidden in the public edition)', () => {
    const { problems } = loadContent(MINI);
    expect(problems.filter((p) => p.file.endsWith('basic-module.md'))).toEqual([]);
  });

  it('a case citing a version of a rule that was not in force at the time', () => {
    const { problems, path } = problemsAfter('cases/public-case.md', 'basis: [rules-2018#8]', 'basis: [rules-2023#8]');
    expect(problems).toEqual([
      {
        file: path,
        field: 'disposition.party.basis[0]',
        code: 'versionNotInForce',
        message: contentErrors.versionNotInForce.message('测试条例（2023）', '施行于2024年1月1日起', '2018—2021年'),
      },
    ]);
  });

  it('a superseded version is in force only until its successor takes effect', () => {
    const dir = copyFixture();
    plant(dir, 'cases/public-case.md', /year: 2021\nconduct: \{ from: 2018, to: 2020 \}/, 'year: 2025\nconduct: { from: 2024, to: 2025 }');
    plant(dir, 'cases/public-case.md', 'filed: 2020-10-15\ndecided: 2021-06-18', 'filed: 2025-02-10\ndecided: 2025-09-18');
    const { problems } = loadContent(dir, '/');
    const path = relative('/', join(dir, 'cases/public-case.md'));
    expect(problems).toEqual([
      {
        file: path,
        field: 'disposition.party.basis[0]',
        code: 'versionNotInForce',
        message: contentErrors.versionNotInForce.message('测试条例（2018）', '施行于2018年10月1日至2023年12月31日', '2024—2025年'),
      },
    ]);
  });

  it('a case body without a required section', () => {
    const { problems, path } = problemsAfter('cases/public-case.md', '## 整改措施\n措施。', '## 整改\n措施。');
    expect(problems).toEqual([{ file: path, field: '正文', code: 'missingSection', message: contentErrors.missingSection.message('整改措施') }]);
  });
});
