/**
 * Every input problem at once, in Chinese, naming the file: each case writes one or more faults a
 * careless editor makes into a copy of the mini fixture site and asserts the exact file, field
 * and catalogue message — and that nothing else in the folder is lost or crashes the check.
 */
import { copyFileSync, mkdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentErrors } from '../../src/lib/content-errors.ts';
import { listContentFiles } from '../../src/lib/content-files.ts';
import { loadContent } from '../../src/lib/load-content.ts';
import { copyFixture, plant } from '../helpers/fixture.ts';

const at = (dir: string, file: string) => relative('/', join(dir, file));
const check = (dir: string) => loadContent(dir, '/').problems;
const only = (dir: string, file: string) => check(dir).filter((p) => p.file === at(dir, file));

describe('encoding', () => {
  it('a GBK file is named as not UTF-8, never published garbled, and the rest is still checked', () => {
    const dir = copyFixture();
    const text = readFileSync(join(dir, 'cases/public-case.md'), 'utf8');
    // 某县 in GBK, as WPS or Notepad would save the title.
    const gbk = Buffer.concat([Buffer.from('---\ntitle: '), Buffer.from([0xc4, 0xb3, 0xcf, 0xd8]), Buffer.from(text.slice(text.indexOf('\n', 4)))]);
    writeFileSync(join(dir, 'cases/public-case.md'), gbk);
    plant(dir, 'courses/basic-module.md', 'durationMinutes: 90', 'durationMinutes: 80');
    const problems = check(dir);
    expect(problems.filter((p) => p.file === at(dir, 'cases/public-case.md'))).toEqual([
      { file: at(dir, 'cases/public-case.md'), field: '', code: 'notUtf8', message: '文件不是 UTF-8 编码（可能是 GBK）' },
    ]);
    expect(problems.map((p) => p.file)).toContain(at(dir, 'courses/basic-module.md'));
    // The course refers to the GBK case: that is not reported again as a missing case.
    expect(problems.filter((p) => p.code === 'missingReference')).toEqual([]);
  });

  it('a byte-order mark (saved by Notepad as “UTF-8 with BOM”) is accepted, never “缺少 frontmatter”', () => {
    const dir = copyFixture();
    const file = join(dir, 'cases/public-case.md');
    writeFileSync(file, `\uFEFF${readFileSync(file, 'utf8')}`);
    expect(check(dir)).toEqual([]);
  });
});

describe('YAML that would crash or be misread', () => {
  const BOMB = ['bomb-a: &a [x, x, x, x, x, x, x, x, x]', 'bomb-b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'bomb-c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'bomb-d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]', 'bomb-e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]'].join('\n');

  it('an alias bomb is a YAML error of its file, and every other problem is still reported', () => {
    const dir = copyFixture();
    plant(dir, 'cases/public-case.md', 'region: 某省', `region: 某省\n${BOMB}`);
    plant(dir, 'courses/basic-module.md', 'durationMinutes: 90', 'durationMinutes: 80');
    const problems = check(dir);
    expect(problems.filter((p) => p.file === at(dir, 'cases/public-case.md'))).toEqual([
      { file: at(dir, 'cases/public-case.md'), field: '', code: 'yamlSyntax', message: contentErrors.yamlSyntax.message('别名（& 和 *）展开过多，疑似“YAML 炸弹”；不要用别名重复引用大段内容') },
    ]);
    expect(problems.some((p) => p.file === at(dir, 'courses/basic-module.md'))).toBe(true);
  });

  it('an alias bomb in a taxonomy file', () => {
    const dir = copyFixture();
    const file = join(dir, 'taxonomies/sectors.yaml');
    const items = BOMB.split('\n').map((line) => `- ${line.slice(line.indexOf(':') + 2)}`).join('\n');
    writeFileSync(file, `${items}\n${readFileSync(file, 'utf8')}`);
    expect(only(dir, 'taxonomies/sectors.yaml')).toEqual([
      { file: at(dir, 'taxonomies/sectors.yaml'), field: '', code: 'yamlSyntax', message: contentErrors.yamlSyntax.message('别名（& 和 *）展开过多，疑似“YAML 炸弹”；不要用别名重复引用大段内容') },
    ]);
  });

  it('an unknown tag is named with its line, not left for the build to fail on in English', () => {
    const dir = copyFixture();
    plant(dir, 'cases/public-case.md', 'region: 某省', 'region: !secret 某省');
    expect(only(dir, 'cases/public-case.md')).toEqual([
      { file: at(dir, 'cases/public-case.md'), field: '', code: 'yamlSyntax', message: contentErrors.yamlSyntax.message('第 8 行：不认识的 YAML 标签“!secret”（文字中的 ! 请整体加引号）') },
    ]);
  });
});

describe('a file failing its schema still gets its other checks in the same run', () => {
  it('missing field, bad file name and a dangling reference, all at once', () => {
    const dir = copyFixture();
    copyFileSync(join(dir, 'cases/public-case.md'), join(dir, 'cases/Zhang_Case.md'));
    plant(dir, 'cases/Zhang_Case.md', /^region: .*\n/m, '');
    plant(dir, 'cases/Zhang_Case.md', 'riskPoints: [tailored-bid-terms]', 'riskPoints: [no-such-risk]');
    plant(dir, 'cases/Zhang_Case.md', '## 整改措施\n措施。', '');
    const file = at(dir, 'cases/Zhang_Case.md');
    expect(only(dir, 'cases/Zhang_Case.md')).toEqual([
      { file, field: 'region', code: 'missing', message: contentErrors.missing.message() },
      { file, field: '文件名', code: 'badFormat', message: contentErrors.badFormat.message('文件名“Zhang_Case”应只含小写英文字母、数字和连字符') },
      { file, field: '正文', code: 'missingSection', message: contentErrors.missingSection.message('整改措施') },
      { file, field: 'riskPoints[0]', code: 'missingReference', message: contentErrors.missingReference.message('廉政风险点', 'no-such-risk') },
    ]);
  });
});

describe('files the site would skip are reported, not silently ignored', () => {
  it('upper-case .MD, .markdown and .mdx entries, a misspelt folder, an unknown taxonomy file', () => {
    const dir = copyFixture();
    copyFileSync(join(dir, 'cases/public-case.md'), join(dir, 'cases/second-case.MD'));
    copyFileSync(join(dir, 'cases/public-case.md'), join(dir, 'cases/third-case.markdown'));
    writeFileSync(join(dir, 'courses/page.mdx'), '# MDX\n');
    mkdirSync(join(dir, 'case'));
    copyFileSync(join(dir, 'cases/public-case.md'), join(dir, 'case/fourth-case.md'));
    copyFileSync(join(dir, 'taxonomies/sectors.yaml'), join(dir, 'taxonomies/sector.yaml'));
    const expected = (file: string, code: 'unknownFile' | 'unknownFolder') => ({ file: at(dir, file), field: '', code, message: contentErrors[code].message() });
    expect(check(dir)).toEqual([
      expected('case', 'unknownFolder'),
      expected('cases/second-case.MD', 'unknownFile'),
      expected('cases/third-case.markdown', 'unknownFile'),
      expected('courses/page.mdx', 'unknownFile'),
      expected('taxonomies/sector.yaml', 'unknownFile'),
    ]);
  });

  it('symlinks, to a file or a folder, are rejected by name rather than followed or skipped', () => {
    const dir = copyFixture();
    const elsewhere = copyFixture();
    symlinkSync(join(elsewhere, 'cases/public-case.md'), join(dir, 'cases/linked-case.md'));
    symlinkSync(join(elsewhere, 'cases'), join(dir, 'cases/more'));
    symlinkSync(join(elsewhere, 'courses'), join(dir, 'self-checks'));
    const expected = (file: string) => ({ file: at(dir, file), field: '', code: 'symlink', message: contentErrors.symlink.message() });
    expect(check(dir)).toEqual([expected('cases/linked-case.md'), expected('cases/more'), expected('self-checks')]);
  });

  it('the build\'s own output folder inside the content root (as the benchmark builds) is not content', () => {
    const dir = copyFixture();
    mkdirSync(join(dir, 'dist'));
    expect(listContentFiles(dir, '/', { LIANJIAN_OUT: join(dir, 'dist') }).problems).toEqual([]);
    expect(listContentFiles(dir, '/', {}).problems).toEqual([{ file: at(dir, 'dist'), field: '', code: 'unknownFolder', message: contentErrors.unknownFolder.message() }]);
  });

  it('hidden files and _notes stay ignored, and a README at the top is the folder\'s own note', () => {
    const dir = copyFixture();
    writeFileSync(join(dir, 'cases/.DS_Store'), '');
    writeFileSync(join(dir, 'cases/_notes.md'), '编辑笔记');
    expect(check(dir)).toEqual([]);
  });
});

describe('version and prerequisite graphs', () => {
  it('a document that supersedes itself', () => {
    const dir = copyFixture();
    plant(dir, 'documents/rules-2023.md', 'supersedes: rules-2018', 'supersedes: rules-2023');
    expect(only(dir, 'documents/rules-2023.md')).toEqual([
      { file: at(dir, 'documents/rules-2023.md'), field: 'supersedes', code: 'selfReference', message: contentErrors.selfReference.message('supersedes') },
    ]);
  });

  it('two versions that supersede each other', () => {
    const dir = copyFixture();
    plant(dir, 'documents/rules-2018.md', 'family: test-rules', 'family: test-rules\nsupersedes: rules-2023');
    const cycle = (file: string) => ({ file: at(dir, file), field: 'supersedes', code: 'versionCycle', message: contentErrors.versionCycle.message('rules-2018 → rules-2023 → rules-2018') });
    const problems = check(dir).filter((p) => p.code === 'versionCycle');
    expect(problems).toEqual([cycle('documents/rules-2018.md'), cycle('documents/rules-2023.md')]);
  });

  it('one version with two successors', () => {
    const dir = copyFixture();
    copyFileSync(join(dir, 'documents/rules-2023.md'), join(dir, 'documents/rules-2024.md'));
    const two = (file: string) => ({ file: at(dir, file), field: 'supersedes', code: 'twoSuccessors', message: contentErrors.twoSuccessors.message('rules-2018', ['rules-2023', 'rules-2024']) });
    expect(check(dir).filter((p) => p.code === 'twoSuccessors')).toEqual([two('documents/rules-2023.md'), two('documents/rules-2024.md')]);
  });

  it('a module that is its own prerequisite, and two modules that require each other', () => {
    const dir = copyFixture();
    copyFileSync(join(dir, 'courses/basic-module.md'), join(dir, 'courses/advanced-module.md'));
    plant(dir, 'courses/basic-module.md', 'cases: [public-case, internal-case]', 'cases: [public-case, internal-case]\nprerequisites: [basic-module, advanced-module]');
    plant(dir, 'courses/advanced-module.md', 'cases: [public-case, internal-case]', 'cases: [public-case, internal-case]\nprerequisites: [basic-module]');
    plant(dir, 'courses/advanced-module.md', 'title: 测试模块：招标环节的风险', 'title: 测试模块：招标环节的风险（进阶）');
    const cycle = (file: string) => ({ file: at(dir, file), field: 'prerequisites', code: 'prerequisiteCycle', message: contentErrors.prerequisiteCycle.message('advanced-module → basic-module → advanced-module') });
    expect(check(dir)).toEqual([
      { file: at(dir, 'courses/basic-module.md'), field: 'prerequisites[0]', code: 'selfReference', message: contentErrors.selfReference.message('先修模块') },
      cycle('courses/advanced-module.md'),
      cycle('courses/basic-module.md'),
    ]);
  });
});

describe('images in a Markdown body', () => {
  it('a missing body image, and one pointing outside the content folder, are named', () => {
    const dir = copyFixture();
    plant(dir, 'cases/public-case.md', '## 违纪违法事实\n事实。', '## 违纪违法事实\n事实。\n\n![现场照片](./images/scene.png)\n\n![流程图][flow]\n\n[flow]: ../../../etc/flow.svg');
    const file = at(dir, 'cases/public-case.md');
    expect(only(dir, 'cases/public-case.md')).toEqual([
      { file, field: '正文', code: 'missingImage', message: contentErrors.missingImage.message('./images/scene.png') },
      { file, field: '正文', code: 'missingImage', message: contentErrors.missingImage.message('../../../etc/flow.svg') },
    ]);
  });

  it('a culture image outside the content folder is refused, so no unchecked SVG ships', () => {
    const dir = copyFixture();
    const outside = copyFixture();
    writeFileSync(join(outside, 'evil.svg'), '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    plant(dir, 'culture/ink-stone.md', './images/ink-stone.svg', relative(join(dir, 'culture'), join(outside, 'evil.svg')));
    expect(only(dir, 'culture/ink-stone.md')).toEqual([
      { file: at(dir, 'culture/ink-stone.md'), field: 'images[0].src', code: 'invalid', message: '图片必须放在内容文件夹中，不能用 ../ 指向内容文件夹以外的文件' },
    ]);
  });

  it('a body image that exists passes, web addresses are not files', () => {
    const dir = copyFixture();
    plant(dir, 'cases/public-case.md', '## 违纪违法事实\n事实。', '## 违纪违法事实\n事实。\n\n![砚台](../culture/images/ink-stone.svg "线描")\n\n[网站](https://www.12388.gov.cn/)');
    expect(check(dir)).toEqual([]);
  });
});

describe('personal data in a content file, named by file and field', () => {
  it('full-width digits in a frontmatter field', () => {
    const dir = copyFixture();
    plant(dir, 'cases/public-case.md', 'post: 某县交通运输局局长', 'post: 某县交通运输局局长（手机１３９１２３４５６７８）');
    expect(only(dir, 'cases/public-case.md')).toEqual([
      { file: at(dir, 'cases/public-case.md'), field: 'post', code: 'personalData', message: contentErrors.personalData.message('手机号码', '13*******78') },
    ]);
  });

  it('a number split by a folded YAML line', () => {
    const dir = copyFixture();
    plant(dir, 'cases/public-case.md', 'source: 测试用教学案例。', 'source: >\n  测试用教学案例，举报人电话139\n  1234 5678。');
    expect(only(dir, 'cases/public-case.md')).toEqual([
      { file: at(dir, 'cases/public-case.md'), field: 'source', code: 'personalData', message: contentErrors.personalData.message('手机号码', '13*******78') },
    ]);
  });

  it('a number in bold and broken over two body lines, by line', () => {
    const dir = copyFixture();
    plant(dir, 'cases/public-case.md', '测试正文，包含招标一词。', '测试正文，举报人身份证**110105**19491231\n002X。');
    // The line the number starts on, wherever the fixture's frontmatter ends.
    const line = readFileSync(join(dir, 'cases/public-case.md'), 'utf8').split('\n').findIndex((l) => l.includes('举报人身份证')) + 1;
    expect(only(dir, 'cases/public-case.md')).toEqual([
      { file: at(dir, 'cases/public-case.md'), field: `第 ${line} 行`, code: 'personalData', message: contentErrors.personalData.message('身份证号码', '1101**********002X') },
    ]);
  });

  it('a number in the file name, which would become a URL, a sitemap and a feed entry', () => {
    const dir = copyFixture();
    renameSync(join(dir, 'culture/ink-stone.md'), join(dir, 'culture/zhang-13912345678.md'));
    expect(only(dir, 'culture/zhang-13912345678.md')).toEqual([
      { file: at(dir, 'culture/zhang-13912345678.md'), field: '文件名', code: 'personalData', message: contentErrors.personalData.message('手机号码', '13*******78') },
    ]);
  });

  it('a number in an image\'s file name, which becomes part of its address', () => {
    const dir = copyFixture();
    renameSync(join(dir, 'culture/images/ink-stone.svg'), join(dir, 'culture/images/ink-stone-13912345678.svg'));
    plant(dir, 'culture/ink-stone.md', './images/ink-stone.svg', './images/ink-stone-13912345678.svg');
    expect(check(dir)).toEqual([
      { file: at(dir, 'culture/images/ink-stone-13912345678.svg'), field: '文件名', code: 'personalData', message: contentErrors.personalData.message('手机号码', '13*******78') },
    ]);
  });

  it('an allowed hotline stays allowed when typed in full-width digits', () => {
    const dir = copyFixture();
    plant(dir, 'cases/public-case.md', 'source: 测试用教学案例。', 'source: 测试用教学案例，举报电话１３９ １２３４ ５６７８。\nallowPersonalData: ["13912345678"]');
    expect(check(dir)).toEqual([]);
  });
});

describe('one broken file does not bury the report in follow-on errors', () => {
  it('a taxonomy file with a YAML error does not turn every reference into it into a missing one', () => {
    const dir = copyFixture();
    plant(dir, 'taxonomies/sectors.yaml', 'name: 工程建设', 'name: !secret 工程建设');
    expect(check(dir).map((p) => [relative(dir, join('/', p.file)), p.code])).toEqual([['taxonomies/sectors.yaml', 'yamlSyntax']]);
  });
});
