/** `npm run check`, as an editor runs it: every problem at once, grouped by file, in Chinese, and the exit code. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { copyFixture, MINI, plant } from '../helpers/fixture.ts';

const check = (content: string) => spawnSync('node', ['src/cli/check.ts'], { env: { ...process.env, LIANJIAN_CONTENT: content }, encoding: 'utf8' });

describe('npm run check', () => {
  it('passes the clean fixture, listing drafts and internal entries', () => {
    const r = check(MINI);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('内容检查通过');
    expect(r.stdout).toMatch(/草稿 2 篇，任何版本都不会发布：\n\s+\S*draft-case\.md\n\s+\S*draft-artwork\.md/);
    expect(r.stdout).toMatch(/内部条目 2 篇，只在内部版中发布：\n\s+\S*internal-case\.md\n\s+\S*internal-artwork\.md/);
  });

  it('reports every problem in every file at once and fails', () => {
    const dir = copyFixture();
    plant(dir, 'cases/public-case.md', 'tier: leader', 'tier: boss');
    plant(dir, 'cases/public-case.md', '测试正文，包含招标一词。', '测试正文，电话 13912345678。');
    plant(dir, 'courses/basic-module.md', 'durationMinutes: 90', 'durationMinutes: 80');
    const r = check(dir);
    expect(r.status).toBe(1);
    // Grouped by file: both problems of the case sit under its name, the module's under its own.
    const [, caseGroup = '', moduleGroup = ''] = r.stderr.split(/\S*(?:public-case|basic-module)\.md\n/);
    expect(caseGroup).toContain('· 字段 tier：取值不在允许范围内');
    expect(caseGroup).toContain('· 字段 第 32 行：疑似手机号码');
    expect(moduleGroup).toContain('· 字段 schedule：课堂环节合计 90 分钟');
    expect(r.stderr).toContain('共发现 3 个问题，涉及 2 个文件。');
  });
});
