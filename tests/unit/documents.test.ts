import { describe, expect, it } from 'vitest';
import { addMonths, compareSummary, compareVersions, countChanges, reviewBoard, reviewOf, versionTitle } from '../../src/lib/documents.ts';
import type { DocumentData } from '../../src/schemas/document.ts';

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const doc = (over: Partial<DocumentData>) => ({ status: 'current', reviewIntervalMonths: 6, articles: [], articlesComplete: false, repealedArticles: [], ...over }) as DocumentData;
const art = (n: string, text: string) => ({ n, text, riskPoints: [] });

describe('review due dates (制度评估)', () => {
  const today = d('2026-11-25');

  it('adds months, clamping to the end of a short month', () => {
    expect(addMonths(d('2026-01-31'), 1)).toEqual(d('2026-02-28'));
    expect(addMonths(d('2026-05-16'), 6)).toEqual(d('2026-11-16'));
  });

  it('marks a review six months old as overdue, one due within 30 days as due soon', () => {
    expect(reviewOf(doc({ lastReviewed: d('2026-05-16') }), today)).toEqual({ state: 'overdue', due: d('2026-11-16'), daysLeft: -9 });
    expect(reviewOf(doc({ lastReviewed: d('2026-06-10') }), today)).toEqual({ state: 'due-soon', due: d('2026-12-10'), daysLeft: 15 });
    expect(reviewOf(doc({ lastReviewed: d('2026-10-01') }), today).state).toBe('ok');
  });

  it('honours a document’s own interval, and skips versions no longer in force', () => {
    expect(reviewOf(doc({ lastReviewed: d('2026-05-16'), reviewIntervalMonths: 12 }), today).state).toBe('ok');
    expect(reviewOf(doc({ status: 'revised', lastReviewed: d('2020-01-01') }), today).state).toBe('not-applicable');
    expect(reviewOf(doc({}), today).state).toBe('never-reviewed');
  });
});

describe('comparing two versions', () => {
  it('matches articles by number; 新增 and 删除 only where the versions record them', () => {
    const before = doc({ articlesComplete: true, articles: [art('1', '目的。'), art('5', '五个工作日内移交。'), art('9', '旧第九条。')] });
    const after = doc({ articlesComplete: true, repealedArticles: ['9'], articles: [art('1', '目的。'), art('5', '三个工作日内移交。'), art('10', '新增回头看。')] });
    expect(compareVersions(before, after).map((r) => [r.n, r.change])).toEqual([
      ['1', 'same'],
      ['5', 'changed'],
      ['9', 'removed'],
      ['10', 'added'],
    ]);
  });

  it('never calls an article deleted because the newer version has not been entered yet (条例 2018 → 2023)', () => {
    const rules2018 = doc({ articles: [art('8', '处分种类。'), art('27', '涉嫌犯罪的党员。'), art('28', '有刑法规定的行为但不构成犯罪。')] });
    const rules2023 = doc({ articles: [art('8', '处分种类。')] });
    const rows = compareVersions(rules2018, rules2023);
    expect(rows.map((r) => [r.n, r.change])).toEqual([
      ['8', 'same'],
      ['27', 'not-entered-after'],
      ['28', 'not-entered-after'],
    ]);
    expect(countChanges(rows).removed).toBe(0);
  });

  it('never calls an article new because the older version has not been entered in full', () => {
    const rows = compareVersions(doc({ articles: [art('8', '种类。')] }), doc({ articles: [art('8', '种类。'), art('29', '纪法衔接。')] }));
    expect(rows.find((r) => r.n === '29')?.change).toBe('not-entered-before');
  });

  it('a law whose amended text has no articles yet (监察法 2018 → 2024) shows nothing as deleted', () => {
    const rows = compareVersions(doc({ articles: [art('11', '监察委员会的职责。'), art('45', '处置方式。')] }), doc({}));
    expect(rows.map((r) => r.change)).toEqual(['not-entered-after', 'not-entered-after']);
  });

  it('a complete version that lacks a number without marking it repealed is flagged, not deleted', () => {
    const rows = compareVersions(doc({ articles: [art('3', '旧第三条。')] }), doc({ articlesComplete: true, articles: [art('1', '第一条。')] }));
    expect(rows.find((r) => r.n === '3')?.change).toBe('unaccounted');
  });

  it('a repealed number reused by a renumbered article keeps both texts', () => {
    const rows = compareVersions(doc({ articles: [art('27', '旧第二十七条。')] }), doc({ repealedArticles: ['27'], articles: [art('27', '新第二十七条。')] }));
    expect(rows).toEqual([{ n: '27', change: 'removed', before: art('27', '旧第二十七条。'), after: art('27', '新第二十七条。') }]);
  });

  it('orders 之一 articles after their main article', () => {
    const v = doc({ articles: [art('388-1', 'a'), art('388', 'b'), art('389', 'c')] });
    expect(compareVersions(v, v).map((r) => r.n)).toEqual(['388', '388-1', '389']);
  });
});

describe('the comparison summary', () => {
  it('names only the changes that occur, and says what cannot be compared yet', () => {
    const rules = compareVersions(doc({ articles: [art('8', '处分种类。'), art('27', '涉嫌犯罪。'), art('28', '不构成犯罪。')] }), doc({ articles: [art('8', '处分种类。')] }));
    expect(compareSummary(countChanges(rules))).toBe('两个版本都已录入的 1 条中，修改 0 条、未变 1 条。另有 2 条只在一个版本中录入，另一版本尚未逐条录入，暂不能对照，请查阅官方文本。');
    const law = compareVersions(doc({ articles: [art('11', '职责。')] }), doc({}));
    expect(compareSummary(countChanges(law))).toBe('两个版本还没有都已录入的条文。另有 1 条只在一个版本中录入，另一版本尚未逐条录入，暂不能对照，请查阅官方文本。');
    const model = compareVersions(doc({ articlesComplete: true, articles: [art('1', 'a'), art('2', 'b')] }), doc({ articlesComplete: true, repealedArticles: ['2'], articles: [art('1', 'a。'), art('3', 'c')] }));
    expect(compareSummary(countChanges(model))).toBe('两个版本都已录入的 1 条中，修改 1 条、未变 0 条；新增 1 条；删除 1 条。');
  });
});

describe('version titles', () => {
  it('adds the version label once, never a second bracket for a version the title already names', () => {
    expect(versionTitle({ title: '中国共产党纪律处分条例（2018年修订）', versionLabel: '2018年修订' })).toBe('中国共产党纪律处分条例（2018年修订）');
    expect(versionTitle({ title: '中华人民共和国监察法（2018年）', versionLabel: '2018年制定' })).toBe('中华人民共和国监察法（2018年）');
    expect(versionTitle({ title: '跨部门职务违法犯罪预防协同办法（示范文本）', versionLabel: '2025年修订' })).toBe('跨部门职务违法犯罪预防协同办法（示范文本）（2025年修订）');
    expect(versionTitle({ title: '中华人民共和国刑法' })).toBe('中华人民共和国刑法');
  });
});

describe('the review board', () => {
  it('lists current documents by due date, never-reviewed first, and sets retired ones apart', () => {
    const docs = [
      { id: 'late', data: doc({ lastReviewed: d('2026-03-01') }) },
      { id: 'fresh', data: doc({ lastReviewed: d('2026-10-01') }) },
      { id: 'never', data: doc({}) },
      { id: 'old', data: doc({ status: 'revised', lastReviewed: d('2020-01-01') }) },
    ];
    const board = reviewBoard(docs, d('2026-11-25'));
    expect(board.rows.map((r) => [r.doc.id, r.review.state])).toEqual([
      ['never', 'never-reviewed'],
      ['late', 'overdue'],
      ['fresh', 'ok'],
    ]);
    expect(board.retired.map((x) => x.id)).toEqual(['old']);
  });
});
