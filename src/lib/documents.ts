/**
 * The life cycle of rules: when a version is in force, when its next review is due, and how two
 * versions differ article by article. Pure functions over document data.
 */
import type { ArticleData, DocumentData } from '../schemas/document.ts';
import type { Entry } from './site-model.ts';

export interface Interval {
  from: Date;
  /** Exclusive; undefined while the version is still in force. */
  to?: Date;
}

/** In force from its effective date until its successor takes effect (or, if repealed, until it was last in force). */
export function inForce(doc: DocumentData, successor?: DocumentData): Interval {
  return successor ? { from: doc.effective, to: successor.effective } : { from: doc.effective };
}

export function overlaps(a: Interval, b: Interval): boolean {
  const aEnd = a.to?.getTime() ?? Number.POSITIVE_INFINITY;
  const bEnd = b.to?.getTime() ?? Number.POSITIVE_INFINITY;
  return a.from.getTime() < bEnd && b.from.getTime() < aEnd;
}

/** The years from the start of the conduct to the end of the year the case was decided. */
export function caseInterval(conductFrom: number, decidedYear: number): Interval {
  return { from: new Date(Date.UTC(conductFrom, 0, 1)), to: new Date(Date.UTC(decidedYear + 1, 0, 1)) };
}

export function addMonths(d: Date, months: number): Date {
  const out = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  // Keep the day, clamped to the length of the target month (31 Jan + 1 month = 28/29 Feb).
  const lastDay = new Date(Date.UTC(out.getUTCFullYear(), out.getUTCMonth() + 1, 0)).getUTCDate();
  out.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return out;
}

export type ReviewState = 'overdue' | 'due-soon' | 'ok' | 'never-reviewed' | 'not-applicable';

export interface Review {
  state: ReviewState;
  due?: Date;
  /** Whole days until due; negative when overdue. */
  daysLeft?: number;
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * 制度评估: a current document is reviewed every `reviewIntervalMonths`. Due within 30 days is
 * flagged so editors can plan. Revised and repealed versions are no longer reviewed.
 */
export function reviewOf(doc: DocumentData, today: Date, soonDays = 30): Review {
  if (doc.status !== 'current') return { state: 'not-applicable' };
  if (!doc.lastReviewed) return { state: 'never-reviewed' };
  const due = addMonths(doc.lastReviewed, doc.reviewIntervalMonths);
  const daysLeft = Math.floor((due.getTime() - today.getTime()) / DAY);
  return { state: daysLeft < 0 ? 'overdue' : daysLeft <= soonDays ? 'due-soon' : 'ok', due, daysLeft };
}

export type ArticleChange = 'same' | 'changed' | 'added' | 'removed';

export interface ComparedArticle {
  n: string;
  before?: ArticleData;
  after?: ArticleData;
  change: ArticleChange;
}

const numeric = (n: string) => n.split('-').map(Number) as [number, number?];
function byNumber(a: string, b: string): number {
  const [a1, a2 = 0] = numeric(a);
  const [b1, b2 = 0] = numeric(b);
  return a1 - b1 || a2 - b2;
}

/** Article-by-article comparison of two versions, matched by article number. */
export function compareVersions(before: DocumentData, after: DocumentData): ComparedArticle[] {
  const old = new Map(before.articles.map((a) => [a.n, a]));
  const now = new Map(after.articles.map((a) => [a.n, a]));
  const numbers = [...new Set([...old.keys(), ...now.keys()])].sort(byNumber);
  return numbers.map((n) => {
    const b = old.get(n);
    const a = now.get(n);
    const change: ArticleChange = !b ? 'added' : !a ? 'removed' : b.text.trim() === a.text.trim() && (b.title ?? '') === (a.title ?? '') ? 'same' : 'changed';
    return { n, change, ...(b ? { before: b } : {}), ...(a ? { after: a } : {}) };
  });
}

/** Successor of each document, derived once from the `supersedes` links. */
export function successors<D extends Entry<DocumentData>>(docs: readonly D[]): Map<string, D> {
  const out = new Map<string, D>();
  for (const d of docs) if (d.data.supersedes) out.set(d.data.supersedes, d);
  return out;
}

/** The review board: current documents by due date (never-reviewed first), and the retired ones apart. */
export function reviewBoard<D extends Entry<DocumentData>>(docs: readonly D[], today: Date) {
  const rows = docs
    .filter((d) => d.data.status === 'current')
    .map((doc) => ({ doc, review: reviewOf(doc.data, today) }))
    .sort((a, b) => (a.review.due?.getTime() ?? Number.NEGATIVE_INFINITY) - (b.review.due?.getTime() ?? Number.NEGATIVE_INFINITY) || a.doc.id.localeCompare(b.doc.id));
  const retired = docs.filter((d) => d.data.status !== 'current');
  return { rows, retired };
}
