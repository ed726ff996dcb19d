/**
 * `npm run check` and `npm run build` see the same content the same way: one copy of the mini
 * fixture site carrying many faults at once (encoding, YAML, file names, folders, symlinks,
 * unsafe SVG, personal data, version and prerequisite graphs, body images) stops the build with
 * every problem the check reports, each naming its file, field and catalogue message.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ContentProblem } from '../../src/lib/content-errors.ts';
import { loadContent } from '../../src/lib/load-content.ts';
import { buildSite, type BuildResult } from '../helpers/build.ts';
import { copyFixture, plant } from '../helpers/fixture.ts';

function faultyContent(): string {
  const dir = copyFixture();
  const text = readFileSync(join(dir, 'cases/public-case.md'), 'utf8');
  // Full-width digits in a field, a body image that is not there.
  plant(dir, 'cases/public-case.md', 'post: 某县交通运输局局长', 'post: 某县交通运输局局长（电话１３９１２３４５６７８）');
  plant(dir, 'cases/public-case.md', '## 处理结果\n结果。', '## 处理结果\n结果。\n\n![处分决定书](./images/decision.png)');
  // A GBK copy, an upper-case extension, a misspelt folder, a symlink.
  writeFileSync(join(dir, 'cases/gbk-case.md'), Buffer.concat([Buffer.from('---\ntitle: '), Buffer.from([0xc4, 0xb3, 0xcf, 0xd8]), Buffer.from(text.slice(text.indexOf('\n', 4)))]));
  writeFileSync(join(dir, 'cases/second-case.MD'), text);
  mkdirSync(join(dir, 'case'));
  writeFileSync(join(dir, 'case/third-case.md'), text);
  symlinkSync(join(copyFixture(), 'cases/public-case.md'), join(dir, 'cases/linked-case.md'));
  // A BOM is fine: it must not show up as a problem.
  writeFileSync(join(dir, 'cases/internal-case.md'), `\uFEFF${readFileSync(join(dir, 'cases/internal-case.md'), 'utf8')}`);
  // An unknown YAML tag, an SVG with a handler, a supersedes loop, a module requiring itself.
  plant(dir, 'taxonomies/sectors.yaml', 'name: 工程建设', 'name: !secret 工程建设');
  writeFileSync(join(dir, 'culture/images/ink-stone.svg'), '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="9" height="9"/></svg>');
  plant(dir, 'documents/rules-2018.md', 'family: test-rules', 'family: test-rules\nsupersedes: rules-2023');
  plant(dir, 'courses/basic-module.md', 'cases: [public-case, internal-case]', 'cases: [public-case, internal-case]\nprerequisites: [basic-module]');
  copyFileSync(join(dir, 'documents/rules-2018.md'), join(dir, 'documents/_old-notes.md'));
  return dir;
}

const line = (p: ContentProblem) => `${p.field ? `字段 ${p.field}` : '（整条内容）'}：${p.message}`;

describe('a content folder with many faults at once', () => {
  let dir: string;
  let problems: ContentProblem[];
  let build: BuildResult;
  beforeAll(() => {
    dir = faultyContent();
    problems = loadContent(dir).problems;
    build = buildSite({ LIANJIAN_CONTENT: dir, LIANJIAN_OUT: mkdtempSync(join(tmpdir(), 'lianjian-out-')) });
  });

  it('is reported in full by the check, one problem per planted fault', () => {
    expect(problems.map((p) => `${p.file.slice(p.file.indexOf('lianjian-fixture-'))} ${p.code}`).map((s) => s.replace(/^lianjian-fixture-\w+\//, ''))).toEqual([
      'case unknownFolder',
      'cases/linked-case.md symlink',
      'cases/second-case.MD unknownFile',
      'culture/images/ink-stone.svg unsafeSvg',
      'cases/gbk-case.md notUtf8',
      'cases/public-case.md personalData',
      'cases/public-case.md missingImage',
      'taxonomies/sectors.yaml yamlSyntax',
      'documents/rules-2018.md versionCycle',
      'documents/rules-2023.md versionCycle',
      'courses/basic-module.md selfReference',
    ]);
  });

  it('stops the build with every one of them, naming file, field and message', () => {
    expect(build.status).not.toBe(0);
    for (const p of problems) {
      expect(build.output, p.file).toContain(p.file);
      expect(build.output, line(p)).toContain(line(p));
    }
    expect(build.output).not.toContain('缺少 frontmatter');
  });

  it('is reported the same way by npm run check', () => {
    const r = spawnSync('node', ['src/cli/check.ts'], { env: { ...process.env, LIANJIAN_CONTENT: dir }, encoding: 'utf8' });
    expect(r.status).toBe(1);
    for (const p of problems) expect(r.stderr).toContain(line(p));
    expect(r.stderr).toContain(`共发现 ${problems.length} 个问题`);
  });
});
