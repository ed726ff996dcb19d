/**
 * The learner's study record, kept only in their own browser and in files they export themselves.
 *
 * localStorage key `lianjian:study`, and the exported file, hold the same JSON:
 *   { "v": 1, "items": [ { "kind": "module" | "case", "id": "leader-power-restraint",
 *                          "title": "…", "hours": 3, "at": "2026-11-25" } ] }
 *   hours  学时 credited (modules carry theirs; a case counts 0)
 *   at     the day it was marked as studied
 *   quiz   optional, modules only: the last quiz result { "score": 4, "total": 5, "at": "2026-11-26" },
 *          written by the module page's quiz when the learner submits it
 * Titles and hours are stored with each item so a printed record stays right even if the site changes.
 */
export interface StudyItem {
  kind: 'module' | 'case';
  id: string;
  title: string;
  hours: number;
  at: string;
  quiz?: QuizScore;
}

export interface QuizScore {
  score: number;
  total: number;
  at: string;
}

export interface StudyRecord {
  v: 1;
  items: StudyItem[];
}

export const STUDY_KEY = 'lianjian:study';
export const emptyRecord = (): StudyRecord => ({ v: 1, items: [] });

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function readItem(x: unknown): StudyItem | undefined {
  if (!x || typeof x !== 'object') return undefined;
  const o = x as Record<string, unknown>;
  if ((o['kind'] !== 'module' && o['kind'] !== 'case') || typeof o['id'] !== 'string' || !ID.test(o['id'])) return undefined;
  if (typeof o['title'] !== 'string' || o['title'].trim() === '') return undefined;
  const hours = typeof o['hours'] === 'number' && Number.isFinite(o['hours']) && o['hours'] >= 0 && o['hours'] <= 100 ? o['hours'] : 0;
  const at = typeof o['at'] === 'string' && DAY.test(o['at']) ? o['at'] : '';
  const quiz = o['kind'] === 'module' ? readQuiz(o['quiz']) : undefined;
  return { kind: o['kind'], id: o['id'], title: o['title'].slice(0, 120), hours: o['kind'] === 'case' ? 0 : hours, at, ...(quiz ? { quiz } : {}) };
}

function readQuiz(x: unknown): QuizScore | undefined {
  if (!x || typeof x !== 'object') return undefined;
  const q = x as Record<string, unknown>;
  const { score, total, at } = q;
  if (typeof score !== 'number' || typeof total !== 'number' || !Number.isInteger(score) || !Number.isInteger(total) || total < 1 || total > 50 || score < 0 || score > total) return undefined;
  return { score, total, at: typeof at === 'string' && DAY.test(at) ? at : '' };
}

/**
 * Writes a quiz result to its module, adding the module (with today's date) if it was not yet
 * marked as studied; a later attempt replaces the earlier score.
 */
export function recordQuiz(record: StudyRecord, module: Omit<StudyItem, 'kind' | 'quiz' | 'at'>, quiz: QuizScore): StudyRecord {
  const withModule = addItem(record, { kind: 'module', ...module, at: quiz.at });
  return { v: 1, items: withModule.items.map((i) => (i.kind === 'module' && i.id === module.id ? { ...i, quiz } : i)) };
}

export const quizText = (q: QuizScore | undefined) => (q ? `测验 ${q.score}/${q.total}${q.at ? `（${q.at}）` : ''}` : '');

/** Reads a stored or imported record; reports how many items were unreadable instead of failing. */
export function parseRecord(text: string | null): { record: StudyRecord; rejected: number; error?: string } {
  if (!text) return { record: emptyRecord(), rejected: 0 };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { record: emptyRecord(), rejected: 0, error: '文件不是有效的 JSON。' };
  }
  const v = value as Partial<StudyRecord> | null;
  if (!v || v.v !== 1 || !Array.isArray(v.items)) return { record: emptyRecord(), rejected: 0, error: '这不是廉鉴导出的学习记录文件。' };
  let record = emptyRecord();
  let rejected = 0;
  for (const x of v.items) {
    const item = readItem(x);
    if (item) record = addItem(record, item);
    else rejected++;
  }
  return { record, rejected };
}

const key = (i: { kind: string; id: string }) => `${i.kind}:${i.id}`;

/** Adds an item once; marking it again keeps the first date. */
export function addItem(record: StudyRecord, item: StudyItem): StudyRecord {
  if (record.items.some((i) => key(i) === key(item))) return record;
  return { v: 1, items: [...record.items, item] };
}

export function removeItem(record: StudyRecord, kind: StudyItem['kind'], id: string): StudyRecord {
  return { v: 1, items: record.items.filter((i) => key(i) !== `${kind}:${id}`) };
}

/** Combines an imported record with the current one: union by item, the earlier date kept. */
export function mergeRecords(a: StudyRecord, b: StudyRecord): StudyRecord {
  const out = new Map(a.items.map((i) => [key(i), i]));
  for (const i of b.items) {
    const have = out.get(key(i));
    if (!have || (i.at && (!have.at || i.at < have.at))) out.set(key(i), { ...i, ...(have?.quiz && !i.quiz ? { quiz: have.quiz } : {}) });
  }
  return { v: 1, items: [...out.values()] };
}

export function totals(record: StudyRecord): { modules: number; cases: number; hours: number } {
  return {
    modules: record.items.filter((i) => i.kind === 'module').length,
    cases: record.items.filter((i) => i.kind === 'case').length,
    hours: record.items.reduce((s, i) => s + i.hours, 0),
  };
}

export const today = (d = new Date()) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
