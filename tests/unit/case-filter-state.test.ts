import { describe, expect, it } from 'vitest';
import { countSearches, isEmpty, mergeCounts, pagefindFilters, readSelection, toggle, writeSelection } from '../../src/components/cases/case-filter-state.ts';

describe('case filter in the URL', () => {
  it('round-trips a selection, in a stable key order', () => {
    const search = writeSelection({ tier: 'leader', sector: 'engineering' });
    expect(search).toBe('?sector=engineering&tier=leader');
    expect(readSelection(search)).toEqual({ sector: 'engineering', tier: 'leader' });
  });

  it('ignores unknown keys, empty values and repeated keys', () => {
    expect(readSelection('?utm=x&sector=&year=2021&year=2019')).toEqual({ year: '2021' });
    expect(isEmpty(readSelection('?q=招标'))).toBe(true);
  });

  it('toggles one value per facet', () => {
    const one = toggle({}, 'sector', 'engineering');
    expect(one).toEqual({ sector: 'engineering' });
    expect(toggle(one, 'sector', 'procurement')).toEqual({ sector: 'procurement' });
    expect(toggle(one, 'sector', 'engineering')).toEqual({});
    expect(toggle(one, 'year', '2021')).toEqual({ sector: 'engineering', year: '2021' });
  });
});

describe('Pagefind filters', () => {
  const names: Record<string, string> = { 'sector:engineering': '工程建设', 'year:2021': '2021' };
  const value = (k: string, id: string) => names[`${k}:${id}`];

  it('always narrows to cases and maps ids to the values on the pages', () => {
    expect(pagefindFilters({ sector: 'engineering', year: '2021' }, value)).toEqual({ filters: { kind: '案例', sector: '工程建设', year: '2021' }, unknown: [] });
  });

  it('drops and reports ids that no longer exist, instead of failing', () => {
    expect(pagefindFilters({ sector: 'gone', year: '2021' }, value)).toEqual({ filters: { kind: '案例', year: '2021' }, unknown: ['sector'] });
  });
});

describe('facet counts under a selection', () => {
  it('counts facets nobody chose on the selection, and a chosen facet on the selection without it', () => {
    expect(countSearches({})).toEqual([{ selection: {}, facets: ['sector', 'risk', 'violation', 'tier', 'stage', 'year', 'unit'] }]);
    expect(countSearches({ sector: 'village-finance', tier: 'key-post' })).toEqual([
      { selection: { sector: 'village-finance', tier: 'key-post' }, facets: ['risk', 'violation', 'stage', 'year', 'unit'] },
      { selection: { tier: 'key-post' }, facets: ['sector'] },
      { selection: { sector: 'village-finance' }, facets: ['tier'] },
    ]);
  });

  it('takes each facet from the search that counts it, and an absent facet as all zero', () => {
    const merged = mergeCounts([
      { facets: ['stage', 'year'], counts: { sector: { 村级财务: 3, 工程建设: 0 }, stage: { 执行: 2, 决策: 1 } } },
      { facets: ['sector'], counts: { sector: { 村级财务: 3, 工程建设: 2 } } },
    ]);
    expect(merged).toEqual({ stage: { 执行: 2, 决策: 1 }, year: {}, sector: { 村级财务: 3, 工程建设: 2 } });
  });
});
