/**
 * 成员单位 and 供稿单位 through the real schemas and the mini fixture: what an editor sees when a
 * unit id is mistyped or left out, and what the site model makes of the units.
 */
import { describe, expect, it } from 'vitest';
import { contentErrors, formatReport } from '../../src/lib/content-errors.ts';
import { loadContent } from '../../src/lib/load-content.ts';
import { buildSiteModel, type CultureLike, type Entry, type SiteInput } from '../../src/lib/site-model.ts';
import { contributionSummary } from '../../src/lib/units.ts';
import type { CaseData } from '../../src/schemas/case.ts';
import type { CourseData } from '../../src/schemas/course.ts';
import type { DocumentData } from '../../src/schemas/document.ts';
import { collectionSpecs } from '../../src/schemas/index.ts';
import { MINI, problemsAfter } from '../helpers/fixture.ts';

describe('供稿单位 in an entry', () => {
  it('a mistyped unit id names the file, the field and the units that exist', () => {
    const { problems, path } = problemsAfter('cases/public-case.md', 'unit: county-commission', 'unit: county-commision');
    expect(problems).toEqual([
      {
        file: path,
        field: 'unit',
        code: 'unknownUnit',
        message: '成员单位“county-commision”不在 content/taxonomies/units.yaml 中：应为已登记的成员单位 id 之一（county-commission、province-commission）',
      },
    ]);
    expect(formatReport(problems)).toContain(`${path}\n  · 字段 unit：成员单位“county-commision”不在 content/taxonomies/units.yaml 中`);
    expect(formatReport(problems)).toContain(`提示：${contentErrors.unknownUnit.hint}`);
  });

  it('a unit’s Chinese name pasted in place of its id is caught by the id format', () => {
    const { problems, path } = problemsAfter('documents/criminal-law.md', 'unit: province-commission', 'unit: 某省纪委监委');
    expect(problems.map((p) => [p.file, p.field, p.code])).toEqual([[path, 'unit', 'badFormat']]);
  });

  it('every authored kind must name its unit', () => {
    for (const file of ['cases/public-case.md', 'courses/basic-module.md', 'culture/ink-stone.md', 'documents/rules-2023.md']) {
      const { problems, path } = problemsAfter(file, /^unit: .*\n/m, '');
      expect(problems, file).toEqual([{ file: path, field: 'unit', code: 'missing', message: contentErrors.missing.message() }]);
    }
  });
});

describe('the units taxonomy', () => {
  it('a parent that is not a member unit', () => {
    const { problems, path } = problemsAfter('taxonomies/units.yaml', 'parent: province-commission', 'parent: city-commission');
    expect(problems).toEqual([
      { file: path, field: '[1].parent', code: 'unknownUnit', message: contentErrors.unknownUnit.message('city-commission', ['county-commission', 'province-commission']) },
    ]);
  });

  it('parents that go round in a loop are reported on both units', () => {
    const { problems, path } = problemsAfter('taxonomies/units.yaml', '  kind: discipline-commission\n- id: county-commission', '  kind: discipline-commission\n  parent: county-commission\n- id: county-commission');
    const chain = 'county-commission → province-commission → county-commission';
    expect(problems).toEqual([
      { file: path, field: '[1].parent', code: 'unitParentCycle', message: `上级单位（parent）形成循环：${chain}` },
      { file: path, field: '[0].parent', code: 'unitParentCycle', message: `上级单位（parent）形成循环：${chain}` },
    ]);
  });

  it('a level that is not a rung of the network', () => {
    const { problems, path } = problemsAfter('taxonomies/units.yaml', 'level: county', 'level: village');
    expect(problems).toEqual([{ file: path, field: '[1].level', code: 'missingReference', message: contentErrors.missingReference.message('纵向层级', 'village') }]);
  });
});

type AnyInput = SiteInput<Entry<CaseData>, Entry<CourseData>, Entry<CultureLike>, Entry<DocumentData>>;

function model(edition: 'public' | 'internal') {
  const { entries } = loadContent(MINI);
  const of = (c: string) => entries.filter((e) => e.collection === c).map((e) => ({ id: e.id, data: e.data }));
  return buildSiteModel(Object.fromEntries(Object.keys(collectionSpecs).map((c) => [c, of(c)])) as unknown as AnyInput, edition);
}

describe('units in the site model', () => {
  it('lists what each unit contributed to this edition only', () => {
    const site = model('public');
    expect(site.contributionsOf('county-commission').cases.map((c) => c.data.title)).toEqual(['某县局长招标量身定制受贿案']);
    expect(contributionSummary(site.contributionsOf('county-commission'))).toBe('警示案例 1 个');
    expect(contributionSummary(site.contributionsOf('province-commission'))).toBe('培训模块 1 个、廉洁文化 1 篇、制度文件 3 件');
    expect(model('internal').contributionsOf('county-commission').cases).toHaveLength(2);
  });

  it('offers 供稿单位 as a case facet by the unit’s Chinese name, and knows sub-units', () => {
    const site = model('public');
    expect(site.facetMenu.find((f) => f.key === 'unit')).toEqual({ key: 'unit', label: '供稿单位', values: [{ value: 'county-commission', label: '某县纪委监委', count: 1 }] });
    expect(site.subUnits('province-commission').map((u) => u.data.name)).toEqual(['某县纪委监委']);
    expect([...site.terms.units.values()].map((u) => u.data.name)).toEqual(['某省纪委监委', '某县纪委监委']);
  });
});
