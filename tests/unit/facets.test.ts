import { describe, expect, it } from 'vitest';
import { facetIndex } from '../../src/lib/facets.ts';
import { relatedCases } from '../../src/lib/related.ts';
import type { CaseData } from '../../src/schemas/case.ts';

/** Only the fields facets and related cases read; the rest of a case does not matter here. */
const c = (id: string, sector: string, riskPoints: string[], year: number, tier: CaseData['tier'] = 'leader', powerStage = 'execution', violations = ['bribery']) => ({
  id,
  data: { sector, riskPoints, year, tier, powerStage, violations } as CaseData,
});

const cases = [
  c('a', 'engineering', ['tailored-bid-terms'], 2024),
  c('b', 'engineering', ['tailored-bid-terms', 'design-change-inflation'], 2023, 'key-post'),
  c('c', 'procurement', ['split-purchase'], 2023, 'key-post', 'decision'),
  c('d', 'engineering', ['design-change-inflation'], 2021, 'staff', 'execution', ['embezzlement']),
  c('e', 'procurement', ['split-purchase', 'tailored-bid-terms'], 2019, 'leader', 'decision', ['bribery', 'eight-rules']),
];

describe('facet index', () => {
  const index = facetIndex(cases);
  const ids = (list: { id: string }[] | undefined) => (list ?? []).map((x) => x.id);

  it('counts every value of every facet, keeping the given order', () => {
    expect(ids(index.get('sector')?.get('engineering'))).toEqual(['a', 'b', 'd']);
    expect(ids(index.get('risk')?.get('tailored-bid-terms'))).toEqual(['a', 'b', 'e']);
    expect(ids(index.get('violation')?.get('bribery'))).toEqual(['a', 'b', 'c', 'e']);
    expect(ids(index.get('year')?.get('2023'))).toEqual(['b', 'c']);
    expect(ids(index.get('tier')?.get('staff'))).toEqual(['d']);
    expect(ids(index.get('stage')?.get('decision'))).toEqual(['c', 'e']);
  });
});

describe('related cases', () => {
  const related = relatedCases(cases, { limit: 2 });
  const ids = (id: string) => (related.get(id) ?? []).map((x) => x.id);

  it('prefers shared risk points, then the same sector, then nearness in time', () => {
    // b shares a risk point and the sector with a; e shares only the risk point.
    expect(ids('a')).toEqual(['b', 'e']);
    // d shares design-change-inflation and the sector with b.
    expect(ids('d')).toEqual(['b', 'a']);
  });

  it('never lists a case as related to itself', () => {
    for (const x of cases) expect(ids(x.id)).not.toContain(x.id);
  });

  it('looks at a bounded window of each list, so a large library stays linear', () => {
    const many = Array.from({ length: 500 }, (_, i) => c(`x${i}`, 'engineering', ['tailored-bid-terms'], 2025 - (i % 8)));
    const result = relatedCases(many, { limit: 3, window: 10 });
    // The neighbours of a case in the middle come from its own stretch of the list.
    const near = (result.get('x250') ?? []).map((x) => Number(x.id.slice(1)));
    expect(near.every((n) => Math.abs(n - 250) <= 10)).toBe(true);
  });
});
