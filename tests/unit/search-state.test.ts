import { describe, expect, it } from 'vitest';
import { parseExcerpt, readState, writeState } from '../../src/components/search/search-state.ts';

describe('search state in the URL', () => {
  it('round-trips a Chinese query', () => {
    const search = writeState({ q: '村级财务' });
    expect(search).toBe('?q=%E6%9D%91%E7%BA%A7%E8%B4%A2%E5%8A%A1');
    expect(readState(search)).toEqual({ q: '村级财务' });
  });

  it('an empty query leaves no trace in the URL', () => {
    expect(writeState({ q: '' })).toBe('');
    expect(readState('')).toEqual({ q: '' });
    expect(readState('?q=%20%20')).toEqual({ q: '' });
  });
});

describe('excerpts', () => {
  it('splits marks from text and decodes escaped characters', () => {
    expect(parseExcerpt('在<mark>招标</mark>文件中设置 &lt;倾向性&gt; 条款')).toEqual([
      { text: '在', mark: false },
      { text: '招标', mark: true },
      { text: '文件中设置 <倾向性> 条款', mark: false },
    ]);
  });

  it('never turns excerpt text into markup', () => {
    const parts = parseExcerpt('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(parts).toEqual([{ text: '<script>alert(1)</script>', mark: false }]);
  });
});
