/**
 * The risk map's statistics, from one pass over the cases: cases by sector × risk point, by year
 * and by power stage. A case with two risk points counts once in each of their cells. Like the
 * pilot areas that draw their map from the last 3–5 years of cases, the default view covers a
 * window of recent years, counted back from the newest year in the library (not from today, so
 * the same content always builds the same map).
 */
import type { CaseData } from '../schemas/case.ts';
import type { Entry } from './site-model.ts';

export interface RiskStats {
  /** `${sector}|${riskPoint}` → number of cases. */
  cells: Map<string, number>;
  byYear: Map<number, number>;
  byStage: Map<string, number>;
  /** Cases per risk point, whatever their sector. */
  byRiskPoint: Map<string, number>;
  /** Cases per sector. */
  bySector: Map<string, number>;
  max: number;
  total: number;
  /** The years counted, inclusive; undefined when the library has no cases. */
  span?: YearSpan;
}

export interface YearSpan {
  from: number;
  to: number;
}

/** How many years the default risk map looks back over, the newest year included. */
export const RISK_WINDOW_YEARS = 5;

/** The last `years` years up to the newest year any case was decided. */
export function recentSpan(cases: readonly Entry<Pick<CaseData, 'year'>>[], years = RISK_WINDOW_YEARS): YearSpan | undefined {
  if (cases.length === 0) return undefined;
  let to = cases[0]?.data.year ?? 0;
  for (const c of cases) if (c.data.year > to) to = c.data.year;
  return { from: to - years + 1, to };
}

export const cellKey = (sector: string, riskPoint: string) => `${sector}|${riskPoint}`;

const inc = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);

/** Statistics over the cases decided within `span`, or over every case when no span is given. */
export function riskStats(all: readonly Entry<CaseData>[], span?: YearSpan): RiskStats {
  const cases = span ? all.filter((c) => c.data.year >= span.from && c.data.year <= span.to) : all;
  const cells = new Map<string, number>();
  const byYear = new Map<number, number>();
  const byStage = new Map<string, number>();
  const byRiskPoint = new Map<string, number>();
  const bySector = new Map<string, number>();
  for (const { data } of cases) {
    inc(bySector, data.sector);
    for (const rp of new Set(data.riskPoints)) {
      inc(cells, cellKey(data.sector, rp));
      inc(byRiskPoint, rp);
    }
    inc(byYear, data.year);
    inc(byStage, data.powerStage);
  }
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const y of byYear.keys()) {
    first = Math.min(first, y);
    last = Math.max(last, y);
  }
  const counted = span ?? (byYear.size > 0 ? { from: first, to: last } : undefined);
  return { cells, byYear, byStage, byRiskPoint, bySector, max: Math.max(0, ...cells.values()), total: cases.length, ...(counted ? { span: counted } : {}) };
}

/**
 * Every year from the first to the last with a case (or across the whole span given), so gaps
 * show as zero bars rather than vanish.
 */
export function yearSeries(byYear: Map<number, number>, span?: YearSpan): { year: number; count: number }[] {
  if (byYear.size === 0 && !span) return [];
  const years = [...byYear.keys()];
  const from = span?.from ?? Math.min(...years);
  const to = span?.to ?? Math.max(...years);
  const out = [];
  for (let y = from; y <= to; y++) out.push({ year: y, count: byYear.get(y) ?? 0 });
  return out;
}

/** Heat level 0–4 for a count, relative to the busiest cell: four shades plus empty. */
export function heatLevel(count: number, max: number): 0 | 1 | 2 | 3 | 4 {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((count / max) * 4))) as 1 | 2 | 3 | 4;
}
