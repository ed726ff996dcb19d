import { describe, expect, it } from 'vitest';
import { addMonths, compareVersions, reviewBoard, reviewOf } from '../../src/lib/documents.ts';
import type { DocumentData } from '../../src/schemas/document.ts';

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const doc = (over: Partial<DocumentData>) => ({ status: 'current', reviewIntervalMonths: 6, articles: [], ...over }) as DocumentData;
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
  it('matches articles by number and says what changed', () => {
    const before = doc({ articles: [art('1', '目的。'), art('5', '五个工作日内移交。'), art('9', '旧第九条。')] });
    const after = doc({ articles: [art('1', '目的。'), art('5', '三个工作日内移交。'), art('10', '新增回头看。')] });
    expect(compareVersions(before, after).map((r) => [r.n, r.change])).toEqual([
      ['1', 'same'],
      ['5', 'changed'],
      ['9', 'removed'],
      ['10', 'added'],
    ]);
  });

  it('orders 之一 articles after their main article', () => {
    const v = doc({ articles: [art('388-1', 'a'), art('388', 'b'), art('389', 'c')] });
    expect(compareVersions(v, v).map((r) => r.n)).toEqual(['388', '388-1', '389']);
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
