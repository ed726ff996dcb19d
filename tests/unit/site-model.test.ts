/** The site model over the mini fixture, loaded through the real schemas. */
import { describe, expect, it } from 'vitest';
import type { CaseData } from '../../src/schemas/case.ts';
import type { CourseData } from '../../src/schemas/course.ts';
import type { DocumentData } from '../../src/schemas/document.ts';
import { loadContent } from '../../src/lib/load-content.ts';
import { buildSiteModel, type CultureLike, type Entry, type SiteInput } from '../../src/lib/site-model.ts';
import type { Edition } from '../../src/lib/content-root.ts';
import { MINI } from '../helpers/fixture.ts';
import { collectionSpecs } from '../../src/schemas/index.ts';

type AnyInput = SiteInput<Entry<CaseData>, Entry<CourseData>, Entry<CultureLike>, Entry<DocumentData>>;

function model(edition: Edition) {
  const { entries, problems } = loadContent(MINI);
  expect(problems).toEqual([]);
  const of = (c: string) => entries.filter((e) => e.collection === c).map((e) => ({ id: e.id, data: e.data }));
  const input = Object.fromEntries(Object.keys(collectionSpecs).map((c) => [c, of(c)])) as unknown as AnyInput;
  return buildSiteModel(input, edition);
}

describe('editions', () => {
  it('the public edition has neither internal nor draft entries', () => {
    expect(model('public').cases.map((c) => c.id)).toEqual(['public-case']);
  });

  it('the internal edition adds internal entries but never drafts', () => {
    expect(model('internal').cases.map((c) => c.id).sort()).toEqual(['internal-case', 'public-case']);
  });

  it('a public module that uses an internal case lists only the public one', () => {
    const site = model('public');
    const module = site.courseById.get('basic-module');
    expect(site.publishedCases(module?.data.cases ?? []).map((c) => c.id)).toEqual(['public-case']);
  });
});

describe('the reference graph', () => {
  it('knows which cases and modules cite an article', () => {
    const cited = model('public').citationsOf('criminal-law', '385');
    expect(cited.cases.map((c) => c.id)).toEqual(['public-case']);
    expect(cited.courses.map((c) => c.id)).toEqual(['basic-module']);
  });

  it('does not count an internal case as a citation in the public edition', () => {
    expect(model('public').citationsOf('rules-2018', '8').cases.map((c) => c.id)).toEqual(['public-case']);
    expect(model('internal').citationsOf('rules-2018', '8').cases.map((c) => c.id).sort()).toEqual(['internal-case', 'public-case']);
  });

  it('derives the successor of a revised document', () => {
    expect(model('public').supersededBy('rules-2018')?.id).toBe('rules-2023');
    expect(model('public').supersededBy('rules-2023')).toBeUndefined();
  });

  it('links a risk point to its cases, modules and governing articles', () => {
    const site = model('public');
    expect(site.casesByRiskPoint('tailored-bid-terms').map((c) => c.id)).toEqual(['public-case']);
    expect(site.coursesByRiskPoint('tailored-bid-terms').map((c) => c.id)).toEqual(['basic-module']);
    expect(site.articlesByRiskPoint('tailored-bid-terms').map((a) => a.label)).toEqual(['《刑法》第三百八十五条']);
  });

  it('resolves an article reference to its label and anchor', () => {
    const a = model('public').resolveArticle('criminal-law#388-1');
    expect(a?.label).toBe('《刑法》第三百八十八条之一');
    expect(a?.url).toBe('/documents/criminal-law/#article-388-1');
  });
});
