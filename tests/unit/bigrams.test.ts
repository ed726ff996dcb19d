import { describe, expect, it } from 'vitest';
import { bigramQuery, bigramText, bigramWords, hanCode } from '../../src/lib/bigrams.ts';
import { holdsAll } from '../../src/components/search/excerpt.ts';
import { narrativeRecord, slimNarrativeFragment } from '../../src/lib/search-index.ts';

/**
 * What Pagefind does with the narrative bundle's words: a text is found when every term of the query
 * is the start of some word of the text (prefix match, terms ANDed).
 */
function pagefindFinds(query: string, text: string): boolean {
  const words = bigramWords(text);
  const terms = bigramQuery(query).split(' ').filter(Boolean);
  return terms.length > 0 && terms.every((t) => words.some((w) => w.startsWith(t)));
}

const CASE = '经审理查明，张某利用职务便利挪用公款 120 万元用于赌博，并虚开发票 30 余张报销个人开支。法院以挪用公款罪判处有期徒刑五年，并处罚金二十万元。该地块容积率由 2.0 调整为 3.5，2023年KTV消费记录显示……';

describe('character pairs: what a cadre types finds what the narrative tells', () => {
  it('finds a two-character word inside a longer one: 罚金 in 并处罚金, 发票 in 虚开发票, 公款 in 挪用公款', () => {
    for (const q of ['罚金', '发票', '公款', '并处罚金', '虚开发票', '挪用公款']) expect(pagefindFinds(q, CASE), q).toBe(true);
  });

  it('finds a three-character word as all its pairs (容积率 = 容积 + 积率)', () => {
    expect(bigramQuery('容积率')).toBe(`${hanCode('容')}${hanCode('积')} ${hanCode('积')}${hanCode('率')}`);
    expect(pagefindFinds('容积率', CASE)).toBe(true);
    expect(pagefindFinds('存折', CASE)).toBe(false);
  });

  it('finds a single character wherever a pair starts with it, and a one-character run as itself', () => {
    expect(pagefindFinds('赌', CASE)).toBe(true);
    expect(bigramWords('（某）')).toEqual([hanCode('某')]);
  });

  it('keeps digits and Latin letters as words of their own, case and width folded, never matching a Han code', () => {
    expect(bigramWords('2023年KTV')).toEqual(['02023', hanCode('年'), '0ktv']);
    expect(bigramWords('２０２３年ｋｔｖ')).toEqual(bigramWords('2023年KTV'));
    expect(pagefindFinds('2023年', CASE)).toBe(true);
    expect(pagefindFinds('ktv', CASE)).toBe(true);
    // A Han code is letters only, an ASCII word starts with 0: a number never prefixes a pair.
    expect(bigramWords(CASE).some((w) => /^[a-z]{8}$/.test(w) && w.startsWith('0'))).toBe(false);
    expect(pagefindFinds('3.5', CASE)).toBe(true);
  });

  it('treats punctuation and quotes as separators, never as pairs across them', () => {
    expect(bigramWords('公款，赌博')).toEqual(bigramWords('公款 赌博'));
    expect(bigramQuery('"小金库"')).toBe(bigramQuery('小金库'));
    expect(bigramQuery('——，。！')).toBe('');
    expect(bigramWords('款赌')).not.toEqual([]);
    expect(pagefindFinds('款赌', '公款，赌博')).toBe(false);
  });

  it('survives the word segmenter Pagefind runs on a Chinese page’s query: each pair stays one word', () => {
    const segmenter = new Intl.Segmenter('zh-cn', { granularity: 'word' });
    const query = bigramQuery('容积率 并处罚金 2023年');
    const words = [...segmenter.segment(query)].filter((s) => s.isWordLike).map((s) => s.segment);
    expect(words).toEqual(query.split(' '));
  });
});

describe('narrative records indexed as pairs', () => {
  const page = [
    '<html><head><title>张某挪用公款案 - 廉鉴</title></head><body>',
    '<main data-pagefind-body data-pagefind-filter="kind:案例"><h1>张某挪用公款案</h1>',
    '<span data-pagefind-filter="field">财务管理</span><span data-pagefind-sort="year">2021</span>',
    '<section data-search-narrative data-pagefind-ignore><h2 id="facts">基本案情</h2><p>张某以“垫付&amp;周转”为名，<strong>挪用公款</strong>赌博。</p></section>',
    '<section data-search-narrative data-pagefind-ignore><h2 id="result">处理结果</h2><p>并处罚金十万元。</p></section>',
    '</main></body></html>',
  ].join('');

  it('gives Pagefind pairs, keeps the title and filters readable, and the text as written for the fragment', () => {
    const record = narrativeRecord(page, bigramText);
    expect(record).toBeDefined();
    const { content, text } = record ?? { content: '', text: '' };
    expect(content).toContain('data-pagefind-meta="title:张某挪用公款案"');
    expect(content).toContain('<span data-pagefind-filter="field">财务管理</span>');
    expect(content).toContain(bigramText('并处罚金十万元'));
    expect(content).not.toContain('并处罚金');
    expect(text).toBe('张某挪用公款案. 基本案情. 张某以“垫付&周转”为名，挪用公款赌博。. 处理结果. 并处罚金十万元。');
  });

  it('stores the text as written in the fragment, so excerpts and match checks read Chinese, not codes', () => {
    const fragment = JSON.stringify({ url: '/cases/a/', content: bigramText('并处罚金'), word_count: 3, filters: { field: ['财务管理'] }, meta: { title: '张某挪用公款案' }, anchors: [{ text: 'x' }] });
    const slim = JSON.parse(slimNarrativeFragment(fragment, (url) => (url === '/cases/a/' ? '处理结果. 并处罚金十万元。' : undefined))) as { content: string; anchors: unknown[]; filters: object };
    expect(slim.content).toBe('处理结果. 并处罚金十万元。');
    expect(slim.anchors).toEqual([]);
    expect(slim.filters).toEqual({});
  });
});

describe('false matches of pairs are not listed', () => {
  it('a narrative holding 容积 and 积率 apart is a Pagefind match but not a result for 容积率', () => {
    const text = '规划局核定的建筑容积指标偏低，后经张某授意，积率先完成的手续被倒签。';
    expect(pagefindFinds('容积率', text)).toBe(true);
    expect(holdsAll({ content: text, meta: { title: '某规划局违规审批案' } }, ['容积率'])).toBe(false);
    expect(holdsAll({ content: CASE, meta: { title: '某案' } }, ['容积率'])).toBe(true);
  });
});
