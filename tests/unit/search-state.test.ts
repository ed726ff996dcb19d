import { describe, expect, it } from 'vitest';
import { bestTarget, pagefindFilters, parseExcerpt, readState, resultHref, toggleFilter, writeState } from '../../src/components/search/search-state.ts';
import { readingTime } from '../../src/lib/reading-time.ts';

describe('search state in the URL', () => {
  it('round-trips a query with filters and sort', () => {
    const state = { q: '招标', filters: { kind: ['案例'], sector: ['工程建设', '物资采购'] }, sort: 'year' as const };
    const search = writeState(state);
    expect(decodeURIComponent(search)).toBe('?q=招标&kind=案例&sector=工程建设&sector=物资采购&sort=year');
    expect(readState(search)).toEqual(state);
  });

  it('an empty query leaves no trace, unknown keys and duplicates are dropped', () => {
    expect(writeState({ q: '', filters: {}, sort: 'relevance' })).toBe('');
    expect(readState('?q=%20%20&foo=1&kind=案例&kind=案例')).toEqual({ q: '', filters: { kind: ['案例'] }, sort: 'relevance' });
  });

  it('toggles filter values and widens within a facet, narrows across facets', () => {
    let s = readState('?q=受贿');
    s = toggleFilter(s, 'sector', '工程建设');
    s = toggleFilter(s, 'sector', '国有企业');
    s = toggleFilter(s, 'year', '2021');
    expect(pagefindFilters(s)).toEqual({ sector: { any: ['工程建设', '国有企业'] }, year: { any: ['2021'] } });
    expect(toggleFilter(s, 'year', '2021').filters).toEqual({ sector: ['工程建设', '国有企业'] });
  });
});

describe('excerpts and result links', () => {
  it('splits marks from text and decodes escaped characters', () => {
    expect(parseExcerpt('在<mark>招标</mark>文件中设置 &lt;倾向性&gt; 条款')).toEqual([
      { text: '在', mark: false },
      { text: '招标', mark: true },
      { text: '文件中设置 <倾向性> 条款', mark: false },
    ]);
  });

  it('never turns excerpt text into markup', () => {
    expect(parseExcerpt('&lt;script&gt;alert(1)&lt;/script&gt;')).toEqual([{ text: '<script>alert(1)</script>', mark: false }]);
  });

  it('links to the page with a text fragment for the first match, after any anchor', () => {
    expect(resultHref('/cases/a/', '某县<mark>招标</mark>文件')).toBe('/cases/a/#:~:text=%E6%8B%9B%E6%A0%87');
    expect(resultHref('/documents/law/#article-385', '<mark>受贿</mark>罪')).toBe('/documents/law/#article-385:~:text=%E5%8F%97%E8%B4%BF');
    expect(resultHref('/cases/a/', '没有高亮')).toBe('/cases/a/');
  });
});

describe('reading time', () => {
  it('reads Chinese at about 400 characters a minute', () => {
    expect(readingTime('字'.repeat(1200))).toBe(3);
    expect(readingTime('短')).toBe(1);
  });
});

describe('best target of a result', () => {
  const page = {
    url: '/documents/criminal-law/',
    excerpt: '…',
    meta: { title: '中华人民共和国刑法' },
    sub_results: [
      { url: '/documents/criminal-law/', title: '中华人民共和国刑法', excerpt: '' },
      { url: '/documents/criminal-law/#article-385', title: '第三百八十五条【受贿罪】', excerpt: '<mark>受贿</mark>' },
    ],
  };

  it('links to the heading the query names', () => {
    expect(bestTarget(page, '第三百八十五条')).toEqual({ url: '/documents/criminal-law/#article-385', excerpt: '<mark>受贿</mark>', meta: { title: '中华人民共和国刑法 · 第三百八十五条【受贿罪】' } });
  });

  it('keeps the page when no heading is named', () => {
    expect(bestTarget(page, '挪用公款').url).toBe('/documents/criminal-law/');
    expect(bestTarget(page, '').url).toBe('/documents/criminal-law/');
  });
});
