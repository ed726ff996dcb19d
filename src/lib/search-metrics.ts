/**
 * Search quality measured the way a reader meets it: the graded query set (tests/search/graded.yaml)
 * against the result list the search page shows. Pure, so the CLI (npm run search:eval), the
 * browser test and the unit tests share the same arithmetic.
 *
 * - success@k: a page judged useful (grade ≥ 1) is among the first k results.
 * - nDCG@10: graded gain 2^grade − 1 (3 for 2 = exactly what they want, 1 for 1 = useful),
 *   discounted by log2(rank + 1), divided by the best possible ordering of the judged pages.
 * - A query with no good answer succeeds when the page does not pretend: none of the first k
 *   results is presented as a whole match (no results, or every one labelled 部分匹配).
 */

export const PERSONAS = ['cadre', 'trainer', 'public'] as const;
export type Persona = (typeof PERSONAS)[number];
export const PERSONA_NAMES: Record<Persona, string> = { cadre: '干部', trainer: '培训师', public: '群众' };

export type Grade = 1 | 2;

export interface GradedQuery {
  q: string;
  persona: Persona;
  /** What makes the query hard: natural, colloquial, alias, traditional, narrative, article, exact, none. */
  class: string;
  /** Judged pages: URL (as the result list links it) → grade. Absent for a query with no good answer. */
  judged?: Record<string, Grade>;
  /** Why nothing on the site answers the query; present instead of `judged`. */
  none?: string;
}

/** One result as the reader sees it: where it leads and whether it is labelled a partial match. */
export interface ShownResult {
  target: string;
  partial: boolean;
}

export interface QueryScore {
  q: string;
  persona: Persona;
  class: string;
  noAnswer: boolean;
  success1: number;
  success5: number;
  ndcg10: number;
  /** Nothing at all was shown. */
  zero: boolean;
  top: ShownResult[];
}

export interface Summary {
  queries: number;
  success1: number;
  success5: number;
  ndcg10: number;
  /** Queries with a good answer that showed no result at all: a dead end. */
  zeroAnswerable: number;
  /** Queries with no good answer that showed nothing (honest, counted apart). */
  zeroNoAnswer: number;
}

/**
 * Each result as the judged URL it stands for, repeats removed. A result may point into a page
 * (/courses/x/#quiz-title): it counts as that page unless the anchor itself was judged, as an
 * article (/documents/criminal-law/#article-385) is.
 */
function judgedKeys(ranked: readonly string[], judged: Readonly<Record<string, Grade>>): string[] {
  return [...new Set(ranked.map((url) => (url in judged ? url : (url.split('#')[0] ?? url))))];
}

export function successAt(ranked: readonly string[], judged: Readonly<Record<string, Grade>>, k: number): number {
  return judgedKeys(ranked, judged).slice(0, k).some((url) => (judged[url] ?? 0) >= 1) ? 1 : 0;
}

const gain = (grade: number) => 2 ** grade - 1;
const dcg = (grades: readonly number[]) => grades.reduce((sum, g, i) => sum + gain(g) / Math.log2(i + 2), 0);

export function ndcgAt(ranked: readonly string[], judged: Readonly<Record<string, Grade>>, k: number): number {
  const ideal = dcg(Object.values(judged).sort((a, b) => b - a).slice(0, k));
  if (ideal === 0) return 0;
  return dcg(judgedKeys(ranked, judged).slice(0, k).map((url) => judged[url] ?? 0)) / ideal;
}

/** For a query with no good answer: 1 when none of the first k results claims to be a whole match. */
export function honestAt(shown: readonly ShownResult[], k: number): number {
  return shown.slice(0, k).every((r) => r.partial) ? 1 : 0;
}

export function scoreQuery(query: GradedQuery, shown: readonly ShownResult[]): QueryScore {
  const base = { q: query.q, persona: query.persona, class: query.class, zero: shown.length === 0, top: shown.slice(0, 10) };
  if (!query.judged) {
    return { ...base, noAnswer: true, success1: honestAt(shown, 1), success5: honestAt(shown, 5), ndcg10: honestAt(shown, 10) };
  }
  const ranked = shown.map((r) => r.target);
  return { ...base, noAnswer: false, success1: successAt(ranked, query.judged, 1), success5: successAt(ranked, query.judged, 5), ndcg10: ndcgAt(ranked, query.judged, 10) };
}

const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

export function summarise(scores: readonly QueryScore[]): Summary {
  return {
    queries: scores.length,
    success1: mean(scores.map((s) => s.success1)),
    success5: mean(scores.map((s) => s.success5)),
    ndcg10: mean(scores.map((s) => s.ndcg10)),
    zeroAnswerable: scores.filter((s) => s.zero && !s.noAnswer).length,
    zeroNoAnswer: scores.filter((s) => s.zero && s.noAnswer).length,
  };
}

export function summariseByPersona(scores: readonly QueryScore[]): Record<Persona | 'overall', Summary> {
  const out = { overall: summarise(scores) } as Record<Persona | 'overall', Summary>;
  for (const p of PERSONAS) out[p] = summarise(scores.filter((s) => s.persona === p));
  return out;
}

/** The queries that did worst: lowest nDCG@10, then those that missed the top five. */
export function worst(scores: readonly QueryScore[], n: number): QueryScore[] {
  return [...scores].sort((a, b) => a.ndcg10 - b.ndcg10 || a.success5 - b.success5 || a.q.localeCompare(b.q, 'zh-CN')).slice(0, n);
}

/** The metric table, one row per persona and one overall, in Markdown. */
export function formatTable(by: Record<Persona | 'overall', Summary>): string {
  const f = (x: number) => x.toFixed(2);
  const row = (name: string, s: Summary) => `| ${name} | ${s.queries} | ${f(s.success1)} | ${f(s.success5)} | ${f(s.ndcg10)} | ${s.zeroAnswerable} | ${s.zeroNoAnswer} |`;
  return [
    '| 对象 | 查询数 | success@1 | success@5 | nDCG@10 | 零结果（有答案） | 零结果（无答案） |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...PERSONAS.map((p) => row(PERSONA_NAMES[p], by[p])),
    row('全部', by.overall),
  ].join('\n');
}

export interface Floors {
  success1: number;
  success5: number;
  ndcg10: number;
}

/** The metrics below their floor, each as a Chinese sentence naming metric, value and floor. */
export function belowFloors(s: Summary, floors: Partial<Floors>): string[] {
  return (Object.entries(floors) as [keyof Floors, number][])
    .filter(([k, floor]) => s[k] + 1e-9 < floor)
    .map(([k, floor]) => `${k} 为 ${s[k].toFixed(3)}，低于下限 ${floor}`);
}

/** Floors that the site now beats by a clear margin: the ratchet's next click. */
export function raisableFloors(s: Summary, floors: Floors, margin = 0.02): Partial<Floors> {
  const out: Partial<Floors> = {};
  for (const k of Object.keys(floors) as (keyof Floors)[]) {
    const now = Math.floor(s[k] * 100) / 100;
    if (now >= floors[k] + margin) out[k] = now;
  }
  return out;
}

/**
 * The graded set as parsed YAML, checked: a mistyped persona or grade would silently skew the
 * numbers, so each problem is named with the query and the field.
 */
export function parseGradedSet(data: unknown, file = 'tests/search/graded.yaml'): GradedQuery[] {
  if (!Array.isArray(data)) throw new Error(`${file}：应为查询列表`);
  const problems: string[] = [];
  const seen = new Set<string>();
  const out: GradedQuery[] = [];
  data.forEach((raw: unknown, i) => {
    const item = (raw ?? {}) as Record<string, unknown>;
    const at = `${file} 第 ${i + 1} 条（${typeof item['q'] === 'string' ? item['q'] : '无 q'}）`;
    const { q, persona, judged, none } = item;
    const cls = item['class'];
    if (typeof q !== 'string' || !q.trim()) return void problems.push(`${at}：字段 q 应为非空的查询文字`);
    if (seen.has(q)) problems.push(`${at}：查询重复`);
    seen.add(q);
    if (!PERSONAS.includes(persona as Persona)) problems.push(`${at}：字段 persona 应为 ${PERSONAS.join(' / ')}`);
    if (typeof cls !== 'string') problems.push(`${at}：字段 class 应为查询类型（natural、alias、none 等）`);
    if ((judged === undefined) === (none === undefined)) problems.push(`${at}：judged（评过分的页面）和 none（为何没有好答案）必须有且只有一个`);
    if (none !== undefined && (typeof none !== 'string' || !none.trim())) problems.push(`${at}：字段 none 应写明为何站内没有好答案`);
    if (judged !== undefined) {
      const entries = typeof judged === 'object' && judged !== null ? Object.entries(judged) : [];
      if (entries.length === 0) problems.push(`${at}：字段 judged 应列出至少一个页面及其等级`);
      for (const [url, g] of entries) {
        if (!url.startsWith('/')) problems.push(`${at}：judged 中的“${url}”应为站内路径（以 / 开头）`);
        if (g !== 1 && g !== 2) problems.push(`${at}：judged 中“${url}”的等级应为 2（正是所要）或 1（有用），实为 ${String(g)}`);
      }
    }
    out.push({ q, persona: persona as Persona, class: String(cls), ...(judged ? { judged: judged as Record<string, Grade> } : {}), ...(none ? { none: String(none) } : {}) });
  });
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return out;
}
