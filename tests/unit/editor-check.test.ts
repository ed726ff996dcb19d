/**
 * The check the web editor runs before saving: the same rules and the same Chinese messages as
 * `npm run check`, for the one entry being saved, named by the file it will become.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentErrors } from '../../src/lib/content-errors.ts';
import { checkProposedEntry } from '../../src/lib/editor-check.ts';
import { MINI } from '../helpers/fixture.ts';

const good = readFileSync(`${MINI}/cases/public-case.md`, 'utf8');

describe('checking an entry before it is saved', () => {
  it('a sound new case passes', () => {
    const text = good.replace('title: 某县局长招标量身定制受贿案', 'title: 某县副局长招标量身定制受贿案');
    expect(checkProposedEntry(MINI, { collection: 'cases', slug: 'copy-of-public-case', text }).problems).toEqual([]);
  });

  it('an unchanged duplicate of an existing case is refused: it would be published twice', () => {
    const { problems } = checkProposedEntry(MINI, { collection: 'cases', slug: 'copy-of-public-case', text: good });
    expect(problems.map((p) => [p.file, p.code])).toEqual([['cases/copy-of-public-case.md', 'duplicateContent']]);
    expect(problems[0]?.message).toMatch(/^与 .*cases\/public-case\.md 的标题和正文完全相同：同一条内容以两个文件名保存了两次$/);
  });

  it('an ID-card number pasted into the narrative is refused, masked, with its line', () => {
    const text = good.replace('## 基本案情\n', '## 基本案情\n\n张某，身份证号 11010519491231002X，\n');
    const { problems } = checkProposedEntry(MINI, { collection: 'cases', slug: 'pasted-id', text });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.file).toBe('cases/pasted-id.md');
    expect(problems[0]?.message).toContain('身份证号');
    expect(JSON.stringify(problems)).not.toContain('11010519491231002X');
  });

  it('a missing required field is named with the catalogue message', () => {
    const text = good.replace(/^region: .*\n/m, '');
    const { problems } = checkProposedEntry(MINI, { collection: 'cases', slug: 'no-region', text });
    expect(problems).toEqual([{ file: 'cases/no-region.md', field: 'region', code: 'missing', message: contentErrors.missing.message() }]);
  });

  it('a reference to an article that does not exist is refused', () => {
    const text = good.replace(/criminal-law#385/, 'criminal-law#999');
    expect(text).not.toBe(good);
    const { problems } = checkProposedEntry(MINI, { collection: 'cases', slug: 'bad-article', text });
    expect(problems.map((p) => p.message).join('\n')).toContain('“criminal-law”中没有第 999 条');
  });

  it('a new entry without a name yet is checked under a placeholder name', () => {
    const { problems } = checkProposedEntry(MINI, { collection: 'cases', slug: '', text: good.replace('## 整改措施', '## 其他') });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.file === 'cases/new-entry.md')).toBe(true);
  });

  it('an unknown collection is refused, not written', () => {
    expect(checkProposedEntry(MINI, { collection: 'secrets', slug: 'x', text: good }).problems[0]?.message).toContain('secrets');
  });
});
