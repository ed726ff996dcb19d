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

/**
 * How one article number fares between two versions. Only what the versions record counts:
 * 「删除」 needs the newer version to mark the article repealed, 「新增」 needs the older one to
 * carry every article; an article one side simply has not entered yet cannot be compared.
 */
export type ArticleChange =
  | 'same'
  | 'changed'
  | 'added'
  | 'removed'
  /** Entered in the older version only; the newer one has not been entered article by article. */
  | 'not-entered-after'
  /** Entered in the newer version only; the older one has not been entered article by article. */
  | 'not-entered-before'
  /** The newer version is entered in full, lacks this number and does not mark it repealed. */
  | 'unaccounted';

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

type VersionData = Pick<DocumentData, 'articles' | 'articlesComplete' | 'repealedArticles'>;

function changeOf(n: string, b: ArticleData | undefined, a: ArticleData | undefined, before: VersionData, after: VersionData): ArticleChange {
  if (after.repealedArticles.includes(n)) return 'removed';
  if (b && a) return b.text.trim() === a.text.trim() && (b.title ?? '') === (a.title ?? '') ? 'same' : 'changed';
  if (b) return after.articlesComplete ? 'unaccounted' : 'not-entered-after';
  return before.articlesComplete ? 'added' : 'not-entered-before';
}

/** Article-by-article comparison of two versions, matched by article number. */
export function compareVersions(before: VersionData, after: VersionData): ComparedArticle[] {
  const old = new Map(before.articles.map((a) => [a.n, a]));
  const now = new Map(after.articles.map((a) => [a.n, a]));
  const numbers = [...new Set([...old.keys(), ...now.keys(), ...after.repealedArticles])].sort(byNumber);
  return numbers.map((n) => {
    const b = old.get(n);
    const a = now.get(n);
    return { n, change: changeOf(n, b, a, before, after), ...(b ? { before: b } : {}), ...(a ? { after: a } : {}) };
  });
}

/** How many articles fall under each kind of change, every kind present (0 when none). */
export function countChanges(rows: readonly ComparedArticle[]): Record<ArticleChange, number> {
  const out: Record<ArticleChange, number> = { same: 0, changed: 0, added: 0, removed: 0, 'not-entered-after': 0, 'not-entered-before': 0, unaccounted: 0 };
  for (const r of rows) out[r.change] += 1;
  return out;
}

/** The comparison in one or two sentences, naming only the kinds of change that occur. */
export function compareSummary(count: Record<ArticleChange, number>): string {
  const both = count.same + count.changed;
  const parts: string[] = [both > 0 ? `两个版本都已录入的 ${both} 条中，修改 ${count.changed} 条、未变 ${count.same} 条` : '两个版本还没有都已录入的条文'];
  if (count.added > 0) parts.push(`新增 ${count.added} 条`);
  if (count.removed > 0) parts.push(`删除 ${count.removed} 条`);
  if (count.unaccounted > 0) parts.push(`${count.unaccounted} 条在新版本中没有对应条号、也未标明删除，有待核对`);
  const unknown = count['not-entered-after'] + count['not-entered-before'];
  const rest = unknown > 0 ? `另有 ${unknown} 条只在一个版本中录入，另一版本尚未逐条录入，暂不能对照，请查阅官方文本。` : '';
  return `${parts.join('；')}。${rest}`;
}

/**
 * A version's name for links and notices: the title, with the version label only when the title
 * does not already name it (「条例（2018年修订）」 or 「监察法（2018年）」 need no second bracket).
 */
export function versionTitle(d: Pick<DocumentData, 'title' | 'versionLabel'>): string {
  const label = d.versionLabel;
  if (!label || d.title.includes(label)) return d.title;
  const year = /\d{4}年/.exec(label)?.[0];
  return year && d.title.includes(`（${year}`) ? d.title : `${d.title}（${label}）`;
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
