import { describe, expect, it } from 'vitest';
import { cellKey, heatLevel, recentSpan, riskStats, yearSeries } from '../../src/lib/risk-stats.ts';
import type { CaseData } from '../../src/schemas/case.ts';

const c = (sector: string, riskPoints: string[], year: number, powerStage: string) => ({ id: `${sector}-${year}`, data: { sector, riskPoints, year, powerStage } as CaseData });

const cases = [
  c('engineering', ['tailored-bid-terms'], 2019, 'execution'),
  c('engineering', ['tailored-bid-terms', 'design-change-inflation'], 2021, 'execution'),
  c('procurement', ['tailored-bid-terms'], 2021, 'decision'),
  c('village-finance', ['village-cash-misuse', 'village-cash-misuse'], 2024, 'supervision'),
];

describe('risk map statistics', () => {
  const s = riskStats(cases);

  it('counts cases per sector × risk point, once per case', () => {
    expect(s.cells.get(cellKey('engineering', 'tailored-bid-terms'))).toBe(2);
    expect(s.cells.get(cellKey('procurement', 'tailored-bid-terms'))).toBe(1);
    expect(s.cells.get(cellKey('engineering', 'design-change-inflation'))).toBe(1);
    expect(s.cells.get(cellKey('village-finance', 'village-cash-misuse'))).toBe(1);
    expect(s.max).toBe(2);
    expect(s.byRiskPoint.get('tailored-bid-terms')).toBe(3);
  });

  it('counts by year and by power stage', () => {
    expect([...s.byYear]).toEqual([
      [2019, 1],
      [2021, 2],
      [2024, 1],
    ]);
    expect(Object.fromEntries(s.byStage)).toEqual({ execution: 2, decision: 1, supervision: 1 });
    expect(s.total).toBe(4);
  });

  it('fills the years between so a gap shows as zero', () => {
    expect(yearSeries(s.byYear).map((y) => y.count)).toEqual([1, 0, 2, 0, 0, 1]);
    expect(yearSeries(new Map())).toEqual([]);
  });

  it('grades heat in four steps relative to the busiest cell', () => {
    expect([0, 1, 2, 3, 5, 8].map((n) => heatLevel(n, 8))).toEqual([0, 1, 1, 2, 3, 4]);
    expect(heatLevel(3, 0)).toBe(0);
  });
});

describe('the recent-years window', () => {
  const library = [
    c('engineering', ['tailored-bid-terms'], 2018, 'execution'),
    c('procurement', ['tailored-bid-terms'], 2020, 'decision'),
    c('village-finance', ['village-cash-misuse'], 2021, 'supervision'),
    c('village-finance', ['village-cash-misuse'], 2025, 'supervision'),
  ];

  it('counts back five years from the newest case, not from today', () => {
    expect(recentSpan(library)).toEqual({ from: 2021, to: 2025 });
    expect(recentSpan(library, 3)).toEqual({ from: 2023, to: 2025 });
    expect(recentSpan([])).toBeUndefined();
  });

  it('leaves older cases out of the default map and keeps them in the all-years map', () => {
    const recent = riskStats(library, recentSpan(library));
    expect(recent.total).toBe(2);
    expect(recent.byRiskPoint.get('tailored-bid-terms')).toBeUndefined();
    expect(recent.span).toEqual({ from: 2021, to: 2025 });
    const all = riskStats(library);
    expect(all.total).toBe(4);
    expect(all.byRiskPoint.get('tailored-bid-terms')).toBe(2);
    expect(all.span).toEqual({ from: 2018, to: 2025 });
  });

  it('shows every year of the window, empty ones as zero', () => {
    const recent = riskStats(library, recentSpan(library));
    expect(yearSeries(recent.byYear, recent.span).map((y) => [y.year, y.count])).toEqual([
      [2021, 1],
      [2022, 0],
      [2023, 0],
      [2024, 0],
      [2025, 1],
    ]);
  });
});
