/**
 * Case facets: which values each facet takes, how many cases carry each value, and the cases
 * behind it, all from one pass over the cases. Lists keep the order they are given (newest first).
 */
import type { CaseData } from '../schemas/case.ts';
import type { Entry } from './site-model.ts';

export const CASE_FACETS = [
  { key: 'sector', label: '重点领域', of: (c: CaseData) => [c.sector] },
  { key: 'risk', label: '廉政风险点', of: (c: CaseData) => c.riskPoints },
  { key: 'violation', label: '违纪违法类型', of: (c: CaseData) => c.violations },
  { key: 'tier', label: '对象层级', of: (c: CaseData) => [c.tier] },
  { key: 'stage', label: '权力运行环节', of: (c: CaseData) => [c.powerStage] },
  { key: 'year', label: '年份', of: (c: CaseData) => [String(c.year)] },
  { key: 'unit', label: '供稿单位', of: (c: CaseData) => [c.unit] },
] as const;

export type FacetKey = (typeof CASE_FACETS)[number]['key'];

export type FacetIndex<C> = Map<FacetKey, Map<string, C[]>>;

export function facetIndex<C extends Entry<CaseData>>(cases: readonly C[]): FacetIndex<C> {
  const index: FacetIndex<C> = new Map(CASE_FACETS.map((f) => [f.key, new Map<string, C[]>()]));
  for (const c of cases) {
    for (const facet of CASE_FACETS) {
      const values = index.get(facet.key) as Map<string, C[]>;
      for (const v of new Set(facet.of(c.data))) {
        const list = values.get(v);
        if (list) list.push(c);
        else values.set(v, [c]);
      }
    }
  }
  return index;
}

export const CASES_PER_PAGE = 20;
