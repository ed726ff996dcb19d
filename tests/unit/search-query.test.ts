/** What people type into the search box, and what the page must search for. */
import { describe, expect, it } from 'vitest';
import { cleanIndexedText, holdsAll, makeExcerpt, markTerms } from '../../src/components/search/excerpt.ts';
import { mergeByTerms, strictQuery, suggestions, understandQuery } from '../../src/components/search/query.ts';

describe('a question typed as a person would ask it', () => {
  it.each([
    ['收受购物卡怎么处理', ['收受购物卡', '处理']],
    ['贪污多少钱判几年', ['贪污']],
    ['违规吃喝会受到什么处分', ['违规吃喝', '受到', '处分']],
    ['请问 谈话提醒 是什么', ['谈话提醒']],
    ['关于公款吃喝的规定', ['公款吃喝', '规定']],
  ])('「%s」 searches for the subject only', (typed, terms) => {
    expect(understandQuery(typed).terms).toEqual(terms);
  });

  it('keeps a term the reader typed as one word whole, whatever the segmenter thinks', () => {
    for (const typed of ['村级财务', '八项规定', '监察法第四十五条', '招标文件量身定制', '村干部优亲厚友低保']) {
      expect(strictQuery(understandQuery(typed))).toBe(typed);
    }
  });

  it('never turns a query into nothing', () => {
    expect(understandQuery('案例').terms).toEqual(['案例']);
    expect(understandQuery('怎么办').terms).toEqual(['怎么办']);
  });
});

describe('kind words become the kind filter', () => {
  it.each([
    ['工程建设 警示案例', '案例', ['工程建设']],
    ['国企警示案例', '案例', ['国企']],
    ['有哪些关于村级财务的案例', '案例', ['村级财务']],
    ['包拯的故事', '文化', ['包拯']],
    ['廉洁格言', '文化', ['廉洁']],
    ['政府采购 法条', '制度', ['政府采购']],
    ['财务人员 自查清单', '自查', ['财务人员']],
    ['领导干部培训课程', '模块', ['领导干部']],
  ])('「%s」 → %s: %j', (typed, kind, terms) => {
    const q = understandQuery(typed);
    expect(q.kind).toBe(kind);
    expect(q.terms).toEqual(terms);
  });

  it('does not take a kind word from the middle of a term', () => {
    expect(understandQuery('招标文件量身定制').kind).toBeUndefined();
    expect(understandQuery('警示教育').kind).toBeUndefined();
  });
});

describe('quoted phrases', () => {
  it('are kept as written, in straight or Chinese quotes, full-width pasted or not', () => {
    expect(understandQuery('"小金库"').phrases).toEqual(['小金库']);
    expect(understandQuery('“吃空饷” 工资').terms).toEqual(['吃空饷', '工资']);
    expect(understandQuery('＂小金库＂').phrases).toEqual(['小金库']);
  });
});

describe('partial matches when no page holds every word', () => {
  it('rank pages holding more of the words first, then by score', () => {
    const merged = mergeByTerms([
      [{ id: 'a', score: 9, item: 'a' }, { id: 'b', score: 2, item: 'b' }],
      [{ id: 'b', score: 1, item: 'b' }, { id: 'c', score: 5, item: 'c' }],
    ]);
    expect(merged.map((m) => [m.item, m.matched])).toEqual([['b', 2], ['a', 1], ['c', 1]]);
  });
});

describe('您是不是要找', () => {
  const vocabulary = ['贪污', '挪用公款', '村级财务', '小金库', '谈话提醒', '惠农资金', '公款吃喝'];
  it('offers known terms sharing most characters with a near miss', () => {
    expect(suggestions('村财务', vocabulary)).toContain('村级财务');
    expect(suggestions('挪用公钱', vocabulary)[0]).toBe('挪用公款');
  });
  it('offers nothing for a query sharing one character by chance', () => {
    expect(suggestions('天气预报', vocabulary)).toEqual([]);
  });
});

describe('excerpts', () => {
  const content = '某国\u200b企\u200b子\u200b公司\u200b财务\u200b部长\u200b将\u200b收入\u200b设\u200b“\u200b小金\u200b库\u200b”\u200b并\u200b私分\u200b案\u200b. \u200b某市属国企子公司财务部长刘某某将变卖收入留在账外。 \u200b国有企业';
  it('read as Chinese: no zero-width spaces, no ASCII ". " between blocks', () => {
    expect(cleanIndexedText(content)).toBe('某国企子公司财务部长将收入设“小金库”并私分案。某市属国企子公司财务部长刘某某将变卖收入留在账外。 国有企业');
  });
  it('never show the synonyms added for the indexer as if the page said them', () => {
    const withSynonyms = `${content} \u200b〔\u200b同义\u200b〕\u200b收受\u200b贿赂 \u200b国企`;
    expect(cleanIndexedText(withSynonyms)).not.toContain('收受贿赂');
    const parts = makeExcerpt({ content: withSynonyms, meta: { summary: '财务部长私分废旧物资收入。' } }, ['收受贿赂']);
    expect(parts.map((p) => p.text).join('')).toBe('财务部长私分废旧物资收入。');
  });
  it('mark the whole word, not the pieces the segmenter cut it into', () => {
    expect(markTerms('设“小金库”并私分', ['小金库'])).toEqual([
      { text: '设“', mark: false },
      { text: '小金库', mark: true },
      { text: '”并私分', mark: false },
    ]);
  });
  it('open on the summary when it holds the word, without metadata', () => {
    const parts = makeExcerpt({ content, meta: { summary: '财务部长将废旧物资收入留在账外设立小金库，以奖金名义私分。' } }, ['小金库']);
    expect(parts.map((p) => p.text).join('')).toBe('财务部长将废旧物资收入留在账外设立小金库，以奖金名义私分。');
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['小金库']);
  });
  it('tell a page holding the words from one holding only their characters', () => {
    expect(holdsAll({ content, meta: {} }, ['小金库', '私分'])).toBe(true);
    expect(holdsAll({ content, meta: {} }, ['金库管理'])).toBe(false);
  });
});
