import { describe, expect, it } from 'vitest';
import { belowFloors, formatTable, honestAt, ndcgAt, parseGradedSet, raisableFloors, scoreQuery, successAt, summariseByPersona, worst, type GradedQuery } from '../../src/lib/search-metrics.ts';

const judged = { '/culture/bao-zheng-inkstone/': 2, '/culture/bao-zheng-family-instruction/': 1 } as const;

describe('success@k', () => {
  it('counts a useful page anywhere in the first k results', () => {
    const ranked = ['/culture/hai-rui-frugality/', '/culture/bao-zheng-family-instruction/'];
    expect(successAt(ranked, judged, 1)).toBe(0);
    expect(successAt(ranked, judged, 5)).toBe(1);
  });
  it('finds nothing in an empty result list', () => {
    expect(successAt([], judged, 5)).toBe(0);
  });
});

describe('nDCG@10 with graded gains', () => {
  it('is 1 for the ideal order and lower when the best page comes second', () => {
    expect(ndcgAt(['/culture/bao-zheng-inkstone/', '/culture/bao-zheng-family-instruction/'], judged, 10)).toBeCloseTo(1, 10);
    // DCG = 1/log2(2) + 3/log2(3); ideal = 3 + 1/log2(3).
    const swapped = (1 + 3 / Math.log2(3)) / (3 + 1 / Math.log2(3));
    expect(ndcgAt(['/culture/bao-zheng-family-instruction/', '/culture/bao-zheng-inkstone/'], judged, 10)).toBeCloseTo(swapped, 10);
  });
  it('weighs a grade-2 page three times a grade-1 page', () => {
    const onlyBest = ndcgAt(['/x/', '/culture/bao-zheng-inkstone/'], judged, 10);
    const onlyUseful = ndcgAt(['/x/', '/culture/bao-zheng-family-instruction/'], judged, 10);
    expect(onlyBest / onlyUseful).toBeCloseTo(3, 10);
  });
  it('ignores results beyond rank 10 and counts a page only once', () => {
    const eleven = [...Array.from({ length: 10 }, (_, i) => `/other-${i}/`), '/culture/bao-zheng-inkstone/'];
    expect(ndcgAt(eleven, judged, 10)).toBe(0);
    const twice = ['/culture/bao-zheng-family-instruction/', '/culture/bao-zheng-family-instruction/#cite', '/culture/bao-zheng-inkstone/'];
    expect(ndcgAt(twice, judged, 10)).toBeCloseTo(ndcgAt(['/culture/bao-zheng-family-instruction/', '/culture/bao-zheng-inkstone/'], judged, 10), 10);
  });
  it('credits a link into a judged page, but an article only when that article was judged', () => {
    expect(successAt(['/courses/staff-integrity-basics/#quiz-title'], { '/courses/staff-integrity-basics/': 1 }, 1)).toBe(1);
    expect(successAt(['/documents/criminal-law/'], { '/documents/criminal-law/#article-385': 2 }, 1)).toBe(0);
    expect(successAt(['/documents/criminal-law/#article-385'], { '/documents/criminal-law/#article-385': 2 }, 1)).toBe(1);
  });
});

describe('queries with no good answer', () => {
  const none: GradedQuery = { q: '明天天气怎么样', persona: 'public', class: 'none', none: '与廉政无关' };
  it('succeed when nothing is shown or every shown result is labelled partial', () => {
    expect(scoreQuery(none, []).success5).toBe(1);
    expect(scoreQuery(none, [{ target: '/culture/jiao-yulu/', partial: true }]).ndcg10).toBe(1);
    expect(honestAt([{ target: '/a/', partial: true }, { target: '/b/', partial: false }], 1)).toBe(1);
  });
  it('fail when a result is presented as a whole match', () => {
    const s = scoreQuery(none, [{ target: '/a/', partial: true }, { target: '/b/', partial: false }]);
    expect([s.success1, s.success5, s.ndcg10]).toEqual([1, 0, 0]);
  });
});

describe('summaries', () => {
  const q = (p: GradedQuery['persona'], text: string): GradedQuery => ({ q: text, persona: p, class: 'natural', judged: { '/right/': 2 } });
  const scores = [
    scoreQuery(q('cadre', '甲'), [{ target: '/right/', partial: false }]),
    scoreQuery(q('cadre', '乙'), []),
    scoreQuery(q('public', '丙'), [{ target: '/wrong/', partial: true }, { target: '/right/', partial: true }]),
    scoreQuery({ q: '丁', persona: 'trainer', class: 'none', none: '无' }, []),
  ];
  const by = summariseByPersona(scores);
  it('average per persona and overall, and count dead ends apart from honest empty pages', () => {
    expect(by.cadre).toMatchObject({ queries: 2, success1: 0.5, success5: 0.5, zeroAnswerable: 1 });
    expect(by.public.success1).toBe(0);
    expect(by.public.success5).toBe(1);
    expect(by.overall).toMatchObject({ queries: 4, zeroAnswerable: 1, zeroNoAnswer: 1 });
  });
  it('list the worst query first and print a table the reader can paste', () => {
    expect(worst(scores, 1)[0]?.q).toBe('乙');
    expect(formatTable(by)).toContain('| 全部 | 4 |');
  });
  it('name each metric below its floor, and the floors the site now beats', () => {
    expect(belowFloors(by.overall, { success1: 0.9, success5: 0.5, ndcg10: 0 })).toEqual(['success1 为 0.500，低于下限 0.9']);
    expect(raisableFloors(by.overall, { success1: 0.4, success5: 0.74, ndcg10: 0.65 })).toEqual({ success1: 0.5 });
  });
});

describe('the graded set file', () => {
  it('rejects a mistyped persona, a grade of 3 and a query with both judgements and none, naming each', () => {
    const bad = [
      { q: '清官', persona: 'citizen', class: 'alias', judged: { '/culture/hai-rui-frugality/': 2 } },
      { q: '包公', persona: 'public', class: 'alias', judged: { '/culture/bao-zheng-inkstone/': 3 } },
      { q: '天气', persona: 'public', class: 'none', judged: { '/x/': 1 }, none: '无关' },
    ];
    expect(() => parseGradedSet(bad, 'graded.yaml')).toThrowError(/第 1 条（清官）：字段 persona[\s\S]*第 2 条（包公）：judged 中“\/culture\/bao-zheng-inkstone\/”的等级应为 2[\s\S]*第 3 条（天气）：judged（评过分的页面）和 none/);
  });
  it('rejects a repeated query', () => {
    const twice = [1, 2].map(() => ({ q: '清官', persona: 'public', class: 'alias', judged: { '/culture/hai-rui-frugality/': 2 } }));
    expect(() => parseGradedSet(twice)).toThrowError(/查询重复/);
  });
});
