/**
 * Related cases, computed for all cases at once from inverted indexes (risk point → cases,
 * sector → cases): each case only looks at cases that share something with it, and at most a
 * bounded number of them, so the cost grows with the number of cases, not its square.
 */
import type { CaseData } from '../schemas/case.ts';
import type { Entry } from './site-model.ts';

export interface RelatedOptions {
  limit?: number;
  /** How many cases per shared risk point or sector are considered, nearest in time first. */
  window?: number;
}

export function relatedCases<C extends Entry<CaseData>>(cases: readonly C[], { limit = 4, window = 40 }: RelatedOptions = {}): Map<string, C[]> {
  const byRisk = new Map<string, C[]>();
  const bySector = new Map<string, C[]>();
  const add = (map: Map<string, C[]>, key: string, c: C) => {
    const list = map.get(key);
    if (list) list.push(c);
    else map.set(key, [c]);
  };
  for (const c of cases) {
    for (const rp of c.data.riskPoints) add(byRisk, rp, c);
    add(bySector, c.data.sector, c);
  }
  // Where each case sits in each list, so finding its neighbours is a lookup, not a scan.
  const positions = new Map<C[], Map<C, number>>();
  for (const list of [...byRisk.values(), ...bySector.values()]) positions.set(list, new Map(list.map((c, i) => [c, i])));

  /** The `window` cases around `c` in a list ordered by time. */
  const near = (list: C[] | undefined, c: C): C[] => {
    if (!list) return [];
    const i = positions.get(list)?.get(c) ?? 0;
    const start = Math.max(0, Math.min(i - Math.floor(window / 2), list.length - window));
    return list.slice(start, start + window);
  };

  const out = new Map<string, C[]>();
  for (const c of cases) {
    const score = new Map<C, number>();
    for (const rp of c.data.riskPoints) {
      for (const other of near(byRisk.get(rp), c)) if (other !== c) score.set(other, (score.get(other) ?? 0) + 3);
    }
    for (const other of near(bySector.get(c.data.sector), c)) {
      if (other === c) continue;
      score.set(other, (score.get(other) ?? 0) + 1 + (other.data.powerStage === c.data.powerStage ? 1 : 0));
    }
    out.set(
      c.id,
      [...score]
        .sort((a, b) => b[1] - a[1] || Math.abs(a[0].data.year - c.data.year) - Math.abs(b[0].data.year - c.data.year) || a[0].id.localeCompare(b[0].id))
        .slice(0, limit)
        .map(([other]) => other),
    );
  }
  return out;
}
