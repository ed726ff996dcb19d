/**
 * The risk map's statistics, from one pass over the cases: cases by sector × risk point, by year
 * and by power stage. A case with two risk points counts once in each of their cells.
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
  max: number;
  total: number;
}

export const cellKey = (sector: string, riskPoint: string) => `${sector}|${riskPoint}`;

const inc = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);

export function riskStats(cases: readonly Entry<CaseData>[]): RiskStats {
  const cells = new Map<string, number>();
  const byYear = new Map<number, number>();
  const byStage = new Map<string, number>();
  const byRiskPoint = new Map<string, number>();
  for (const { data } of cases) {
    for (const rp of new Set(data.riskPoints)) {
      inc(cells, cellKey(data.sector, rp));
      inc(byRiskPoint, rp);
    }
    inc(byYear, data.year);
    inc(byStage, data.powerStage);
  }
  return { cells, byYear, byStage, byRiskPoint, max: Math.max(0, ...cells.values()), total: cases.length };
}

/** Every year from the first to the last with a case, so gaps show as zero bars rather than vanish. */
export function yearSeries(byYear: Map<number, number>): { year: number; count: number }[] {
  if (byYear.size === 0) return [];
  const years = [...byYear.keys()];
  const out = [];
  for (let y = Math.min(...years); y <= Math.max(...years); y++) out.push({ year: y, count: byYear.get(y) ?? 0 });
  return out;
}

/** Heat level 0–4 for a count, relative to the busiest cell: four shades plus empty. */
export function heatLevel(count: number, max: number): 0 | 1 | 2 | 3 | 4 {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((count / max) * 4))) as 1 | 2 | 3 | 4;
}
