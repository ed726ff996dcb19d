/**
 * `astro build` itself stops on bad content, naming the file, the field and what was expected,
 * in the catalogue's words. Each case builds a copy of the mini fixture site with one planted fault.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentErrors } from '../../src/lib/content-errors.ts';
import { buildSite, type BuildResult } from '../helpers/build.ts';
import { copyFixture, plant } from '../helpers/fixture.ts';

function buildWith(file: string, from: string | RegExp, to: string) {
  const dir = copyFixture();
  plant(dir, file, from, to);
  const out = mkdtempSync(join(tmpdir(), 'lianjian-out-'));
  return { ...buildSite({ LIANJIAN_CONTENT: dir, LIANJIAN_OUT: out }), file: relative(process.cwd(), join(dir, file)) };
}

function expectStopped(r: BuildResult & { file: string }, field: string, message: string) {
  expect(r.status).not.toBe(0);
  expect(r.output).toContain(`内容检查发现`);
  expect(r.output).toContain(r.file);
  expect(r.output).toContain(`字段 ${field}：${message}`);
}

describe('a build with bad content stops with a clear message', () => {
  it('builds the untouched fixture', () => {
    const out = mkdtempSync(join(tmpdir(), 'lianjian-out-'));
    const result = buildSite({ LIANJIAN_CONTENT: copyFixture(), LIANJIAN_OUT: out });
    expect(result.output).toContain('内容检查通过');
    expect(result.status).toBe(0);
  });

  it('a missing required field', () => {
    expectStopped(buildWith('cases/public-case.md', /^region: .*\n/m, ''), 'region', contentErrors.missing.message());
  });

  it('a value outside its enum', () => {
    expectStopped(buildWith('cases/public-case.md', 'tier: leader', 'tier: boss'), 'tier', contentErrors.notInEnum.message(['leader', 'key-post', 'staff']));
  });

  it('an unparsable date, even one a YAML parser would roll over', () => {
    expectStopped(buildWith('courses/basic-module.md', 'published: 2025-04-01', 'published: 2025-02-30'), 'published', contentErrors.badDate.message());
  });

  it('malformed frontmatter', () => {
    const r = buildWith('cases/public-case.md', 'region: 某省', 'region: [某省');
    expect(r.status).not.toBe(0);
    expect(r.output).toContain(r.file);
    expect(r.output).toMatch(/frontmatter 或 YAML 写法有误：第 \d+ 行/);
  });

  it('malformed taxonomy YAML', () => {
    const r = buildWith('taxonomies/sectors.yaml', '- id: procurement', '- id: procurement\n  name: [物资采购');
    expect(r.status).not.toBe(0);
    expect(r.output).toContain(r.file);
    expect(r.output).toMatch(/frontmatter 或 YAML 写法有误：第 \d+ 行/);
  });

  it('a reference to an id that does not exist', () => {
    expectStopped(buildWith('cases/public-case.md', 'powerStage: execution', 'powerStage: planning'), 'powerStage', contentErrors.missingReference.message('权力运行环节', 'planning'));
  });

  it('a reviewer\'s note in an HTML comment, which the page would print', () => {
    expectStopped(
      buildWith('cases/public-case.md', '测试正文，包含招标一词。', '测试正文。<!-- 待核实：举报材料第3页 -->'),
      '第 32 行',
      contentErrors.htmlComment.message('<!-- 待核实：举报材料第3页 -->'),
    );
  });

  it('a reference to an article that does not exist', () => {
    expectStopped(
      buildWith('cases/public-case.md', 'basis: [criminal-law#385]', 'basis: [criminal-law#386]'),
      'disposition.criminal.basis[0]',
      contentErrors.missingArticle.message('criminal-law', '386'),
    );
  });
});
