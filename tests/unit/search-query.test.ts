/** What people type into the search box, and what the page must search for. */
import { describe, expect, it } from 'vitest';
import { cleanIndexedText, holdsAll, makeExcerpt, markTerms } from '../../src/components/search/excerpt.ts';
import { kindsOf, mergeRelaxed, sectionNote, strictQuery, suggestions, understandQuery } from '../../src/components/search/query.ts';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { missingSynonyms, type SynonymGroup } from '../../src/lib/search-index.ts';

describe('a question typed as a person would ask it', () => {
  it.each([
    ['收受购物卡怎么处理', ['收受购物卡']],
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

  it.each([
    ['收了购物卡怎么处理', ['购物卡']],
    ['小金库怎么处理', ['小金库']],
    ['行贿判刑吗', ['行贿']],
    ['行贿的人也要处理吗', ['行贿', '人']],
    ['监委是干什么的', ['监委']],
    ['补助被村干部扣了', ['补助', '村干部']],
    ['警示教育大会 材料', ['警示教育大会']],
  ])('「%s」 drops the question frame: %j (graded set, issue 14)', (typed, terms) => {
    expect(understandQuery(typed).terms).toEqual(terms);
  });

  it('leaves an idiom the segmenter does not know whole instead of cutting it at a filler character', () => {
    expect(understandQuery('七个有之').terms).toEqual(['七个有之']);
  });

  it('relaxes a run the segmenter can split into its words, keeping the run itself first', () => {
    expect(understandQuery('学校乱收费').words).toEqual([['学校乱收费', '学校', '收费']]);
    expect(understandQuery('古代清官故事').words).toEqual([['古代清官', '古代', '清官']]);
    expect(understandQuery('"小金库" 私分').words).toEqual([['小金库'], ['私分']]);
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

  it.each([
    ['医疗领域 案例', '案例', ['医疗']],
    ['教育系统 警示案例', '案例', ['教育']],
    ['家风教育 课', '模块', ['家风教育']],
    ['政府采购 案例分析', '案例', ['政府采购']],
    ['廉政风险点排查 课程', '模块', ['廉政风险点排查']],
    ['工程建设领域 培训', '模块', ['工程建设']],
  ])('「%s」 → %s: %j (graded set, issue 14)', (typed, kind, terms) => {
    const q = understandQuery(typed);
    expect(q.kind).toBe(kind);
    expect(q.terms).toEqual(terms);
  });

  it('reads 案例复盘会 as the subject, and 课 only as a word of its own', () => {
    expect(understandQuery('案例复盘会怎么组织').terms).toEqual(['案例复盘', '组织']);
    expect(understandQuery('案例复盘会怎么组织').kind).toBeUndefined();
    expect(understandQuery('课前预习').kind).toBeUndefined();
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
    const merged = mergeRelaxed([
      [[{ id: 'a', score: 9, item: 'a' }, { id: 'b', score: 2, item: 'b' }]],
      [[{ id: 'b', score: 1, item: 'b' }, { id: 'c', score: 5, item: 'c' }]],
    ]);
    expect(merged.map((m) => [m.item, m.matched])).toEqual([['b', 2], ['a', 1], ['c', 1]]);
  });

  it('count a whole term above pieces of another (「存折被村干部拿走」, graded set)', () => {
    const merged = mergeRelaxed([
      [[{ id: 'passbook', score: 1, item: 'passbook' }]],
      [[], [{ id: 'course', score: 9, item: 'course' }], [{ id: 'course', score: 9, item: 'course' }]],
    ]);
    expect(merged.map((m) => [m.item, m.matched])).toEqual([['passbook', 1], ['course', 0.5]]);
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

describe('the variant table (content/taxonomies/synonyms.yaml) answers what the graded set’s readers typed', () => {
  const groups = parse(readFileSync('content/taxonomies/synonyms.yaml', 'utf8')) as SynonymGroup[];
  it.each([
    ['清官', '于谦进京不带土特产，“两袖清风”由此成了清廉的代称。'],
    ['津贴补贴', '以“招生工作奖励”名义违规发放津补贴'],
    ['乱收费', '学校擅自设立收费项目属于违规收费'],
    ['走后门', '副县长通过下属向总包单位“打招呼”'],
    ['看病', '某县人民医院院长收受回扣'],
    ['纪检干部', '面向纪检监察干部、廉政教育讲师'],
    ['补助', '冒领耕地地力保护补贴'],
    ['书法', '廉洁文化墙上的书画作品'],
    ['监委', '监察委员会依法履行监督、调查、处置职责'],
    ['做假账', '以培训费名义虚假报销，套取财政资金'],
  ])('「%s」 finds a page that says it otherwise', (typed, page) => {
    expect(missingSynonyms(page, groups)).toContain(typed);
  });
});

describe('kind words that are not the whole story (graded set, issue 14)', () => {
  it('reads 「大数据预警 发现」 as cases found by a warning, not as the warning indicators', () => {
    const q = understandQuery('大数据预警 发现');
    expect(q.kind).toBeUndefined();
    expect(q.terms).toEqual(['大数据预警', '发现']);
  });

  it('searches for both kind words when a query names two kinds, as 「培训师怎么讲案例」 does', () => {
    const q = understandQuery('培训师怎么讲案例');
    expect(q.kind).toBeUndefined();
    expect(q.terms).toEqual(expect.arrayContaining(['培训师', '案例']));
  });

  it('drops 「用的」 from 「讲课用的历史典故」 instead of keeping 讲课用 as a word', () => {
    const q = understandQuery('讲课用的历史典故');
    expect(q.terms).not.toContain('讲课用');
    expect(q.terms).toEqual(expect.arrayContaining(['讲课', '历史典故']));
    expect(q.hints).toEqual(['典故']);
  });

  it('searches for the label itself within its kind when nothing else was typed', () => {
    expect(understandQuery('历史典故')).toMatchObject({ kind: '文化', terms: ['历史典故'] });
  });

  it('keeps the sort of culture item asked for as a ranking hint', () => {
    expect(understandQuery('廉洁 家风 故事')).toMatchObject({ kind: '文化', terms: ['廉洁'], hints: ['家风', '故事'] });
    expect(understandQuery('廉洁名言').hints).toEqual(['格言']);
  });
});

describe('a section every case or course carries (讨论题, 以案四说, 分层警示)', () => {
  it('「诫勉 案例 讨论题」 searches cases for 诫勉: the discussion questions come with every case', () => {
    expect(understandQuery('诫勉 案例 讨论题')).toMatchObject({ terms: ['诫勉'], kind: '案例' });
  });

  it('「村级财务讨论题」 searches cases and courses for 村级财务, and the page says why', () => {
    const q = understandQuery('村级财务讨论题');
    expect(q).toMatchObject({ terms: ['村级财务'], kinds: ['案例', '模块'] });
    expect(kindsOf(q)).toEqual(['案例', '模块']);
    expect(sectionNote(q)).toBe('每个案例和培训模块都有“讨论题”栏目，以下只显示案例和培训模块。');
  });

  it('「以案四说」 or 「分层分类警示」 alone lists every case, not pages that happen to hold the characters', () => {
    expect(understandQuery('以案四说')).toMatchObject({ terms: [], kinds: ['案例'] });
    expect(understandQuery('分层分类警示')).toMatchObject({ terms: [], kinds: ['案例'] });
  });

  it('keeps the word as a term when the reader named a kind that has no such section (「讨论题 制度」)', () => {
    const q = understandQuery('讨论题 制度');
    expect(q).toMatchObject({ terms: ['讨论题'], kind: '制度' });
    expect(sectionNote(q)).toBe('');
  });
});

describe('asking what a word means, how two differ, or what there is of a kind', () => {
  it.each([
    ['留置是什么意思', ['留置']],
    ['贪污罪和受贿罪的区别', ['贪污罪', '受贿罪']],
    ['违纪 违法 犯罪 区别', ['违纪', '违法', '犯罪']],
  ])('「%s」 searches for the subjects, not the frame', (typed, terms) => {
    expect(understandQuery(typed).terms).toEqual(terms);
  });

  it('「预警指标有哪些」 lists the warning indicators instead of searching for the whole sentence', () => {
    expect(understandQuery('预警指标有哪些')).toMatchObject({ terms: [], kind: '指标' });
  });

  it('a kind word typed alone (「案例」) is still searched for as typed', () => {
    expect(understandQuery('案例').terms).toEqual(['案例']);
  });
});
