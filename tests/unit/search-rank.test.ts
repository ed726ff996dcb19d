/** The order a reader sees results in once their text is loaded (rank.ts), from queries in the graded set. */
import { describe, expect, it } from 'vitest';
import { afterWhole, rerank } from '../../src/components/search/rank.ts';
import { understandQuery, withKnownWords } from '../../src/components/search/query.ts';

interface Page {
  url: string;
  meta: Record<string, string>;
  content: string;
}
/** A result as Pagefind returns it; a culture item's indexed text opens on its label (廉洁格言.). */
const page = (url: string, title: string, summary: string, content: string, kind = '案例'): Page => ({ url, meta: { title, summary, kind }, content });
const order = (typed: string, pages: Page[]) => rerank(pages, pages, understandQuery(typed)).data.map((p) => p.url);

describe('results ranked again from the reader’s side', () => {
  it('puts the case whose summary names the sanction above a long course that mentions it in passing', () => {
    const course = page('/courses/basics/', '普通职工廉洁从业基础', '四种形态与处分种类。', '诫勉是组织处理方式之一。'.repeat(6), '模块');
    const kase = page('/cases/suv/', '设备科长借用供应商越野车', '科长借用供应商车辆半年，受到诫勉处理。', '基本情况。');
    expect(order('诫勉', [course, kase])[0]).toBe('/cases/suv/');
  });

  it('never lists a page holding only some of the words above one holding them all', () => {
    const partial = page('/risks/cashier/', '出纳网银一人操作', '出纳一人掌管网银。', '出纳 网银', '风险点');
    const whole = page('/cases/cashier/', '会计挪用公款', '会计挪用公款。', '出纳 网银 挪用');
    expect(order('出纳 网银 挪用', [partial, whole])).toEqual(['/cases/cashier/', '/risks/cashier/']);
  });

  it('ranks a rule’s own page above its articles for the rule’s name, and the article first when the query names it', () => {
    const rule = page('/documents/tiol/', '“三重一大”决策制度实施办法', '三重一大事项集体决策。', '决策程序。', '制度');
    const article = page('/documents/tiol/#article-4', '《三重一大决策制度》第四条', '三重一大事项应当集体决策。', '三重一大决策制度第四条 第4条', '条款');
    expect(order('三重一大 决策', [article, rule])[0]).toBe('/documents/tiol/');
    expect(order('三重一大决策制度 第四条', [rule, article])[0]).toBe('/documents/tiol/#article-4');
  });

  it('lists a rule’s articles that only repeat its name after the other results for 「联络员制度」', () => {
    const rule = page('/documents/liaison/', '廉情联络员制度', '联络员的职责和轮岗。', '联络员制度 职责', '制度');
    const article = page('/documents/liaison/#article-5', '《联络员制度》第五条', '联络员每季度报告。', '联络员制度第五条 联络员每季度报告', '条款');
    const course = page('/courses/liaison/', '培训师：联络员轮岗培训', '联络员制度的落实。', '联络员制度 轮岗', '模块');
    expect(order('联络员制度', [rule, article, course])).toEqual(['/documents/liaison/', '/courses/liaison/', '/documents/liaison/#article-5']);
  });

  it('lists the sayings first for 「廉洁名言」, though every culture page says 廉洁', () => {
    const story = page('/culture/award/', '廉洁家庭评选', '社区的廉洁家庭。', '廉洁故事. 廉洁家庭评选 社区的廉洁家庭。', '文化');
    const saying = page('/culture/saying/', '“公生明，廉生威”', '一句官箴。', '廉洁格言. “公生明，廉生威” 一句官箴。廉洁奉公。', '文化');
    expect(order('廉洁名言', [story, saying])[0]).toBe('/culture/saying/');
  });
});

describe('words the segmenter does not know', () => {
  it('splits 「村里低保不公平」 by the site’s vocabulary, so pages on 低保 are found', () => {
    const q = withKnownWords(understandQuery('村里低保不公平'), ['低保', '村务公开']);
    expect(q.words[0]).toContain('低保');
    expect(q.words[0]).not.toContain('村务公开');
  });

  it('splits 「家风教育」 at the kind word it starts with, without a vocabulary', () => {
    expect(withKnownWords(understandQuery('家风教育 课'), []).words[0]).toContain('家风');
  });

  it('keeps a quoted phrase whole', () => {
    expect(withKnownWords(understandQuery('"低保资金"'), ['低保']).words).toEqual([['低保资金']]);
  });
});

describe('a query only one or two pages hold whole', () => {
  it('「包公 不持一砚」: after the inkstone story, the page on 包拯 that holds 包公 alone, not character matches', () => {
    const inkstone = { id: 'ink', url: '/culture/bao-zheng-inkstone/' };
    const charMatch = { id: 'yan', url: '/culture/saying-yi-fen-qian/' };
    const family = { id: 'family', url: '/culture/bao-zheng-family-instruction/' };
    // Strict: one whole match, then Pagefind's single-character match; relaxed: the inkstone again and the family instruction.
    const filled = afterWhole({ hits: [inkstone, charMatch], data: [inkstone, charMatch] }, 1, { hits: [inkstone, family], data: [inkstone, family] });
    expect(filled.data.map((p) => p.url)).toEqual(['/culture/bao-zheng-inkstone/', '/culture/bao-zheng-family-instruction/']);
    expect(filled.hits.map((h) => h.id)).toEqual(['ink', 'family']);
  });
});

describe('a title or summary that says it in other words', () => {
  it('「补助被村干部扣了」 ranks the case whose summary says 补贴 above a course that says 补助 only in its body', () => {
    const course = page('/courses/micro-power/', '基层微权力', '村级事务的监督。', '补助 村干部 补助发放', '模块');
    const kase = { ...page('/cases/passbook/', '村干部代管存折截留补贴', '村干部截留农户补贴。', '补助 村干部'), meta: { title: '村干部代管存折截留补贴', summary: '村干部截留农户补贴。', kind: '案例', titleAliases: '补助|村官|村两委干部', summaryAliases: '补助|村官|村两委干部' } };
    expect(order('补助被村干部扣了', [course, kase])[0]).toBe('/cases/passbook/');
  });
});
