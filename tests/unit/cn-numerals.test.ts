import { describe, expect, it } from 'vitest';
import { articleAnchor, articleLabel, toChineseNumber } from '../../src/lib/cn-numerals.ts';

describe('article numbers in Chinese', () => {
  it.each([
    [1, '一'],
    [10, '十'],
    [15, '十五'],
    [20, '二十'],
    [101, '一百零一'],
    [110, '一百一十'],
    [385, '三百八十五'],
    [1001, '一千零一'],
  ])('%i → %s', (n, text) => expect(toChineseNumber(n)).toBe(text));

  it('labels articles as the texts write them, 之一 included', () => {
    expect(articleLabel('385')).toBe('第三百八十五条');
    expect(articleLabel('388-1')).toBe('第三百八十八条之一');
    expect(articleAnchor('388-1')).toBe('article-388-1');
  });

  it('rejects what it cannot write', () => {
    expect(() => toChineseNumber(-1)).toThrow(RangeError);
    expect(() => toChineseNumber(1.5)).toThrow(RangeError);
  });
});
