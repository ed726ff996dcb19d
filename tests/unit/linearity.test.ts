/**
 * The site model's work per case must not grow with the size of the library: a step that compares
 * each case with every other (as the previous/next lookup once did) makes a 20,000-case build
 * quadratic. Timing-free: every read of a case, module or culture entry or its data is counted
 * through a Proxy; each derived structure is built, and every lookup the generated pages make is
 * made, for a library of 1,000 and of 20,000 synthetic cases, and the reads per case are compared.
 * The library is generated newest first, as the model orders it, so its sort makes one comparison
 * per case (an unordered library adds n log n reads, log(20,000) / log(1,000) ≈ 1.43 times more per
 * case, in the one step that sorts); a scan per page grows them twentyfold.
 */
import { describe, expect, it } from 'vitest';
import type { CaseData } from '../../src/schemas/case.ts';
import type { CourseData } from '../../src/schemas/course.ts';
import type { DocumentData } from '../../src/schemas/document.ts';
import { riskPointCases } from '../../src/lib/case-preview.ts';
import { CASE_FACETS, CASES_PER_PAGE, facetIndex } from '../../src/lib/facets.ts';
import { neighbourLookup } from '../../src/lib/lists.ts';
import { loadContent } from '../../src/lib/load-content.ts';
import { paginate } from '../../src/lib/pagination.ts';
import { postDigests } from '../../src/lib/posts.ts';
import { relatedCases } from '../../src/lib/related.ts';
import { relatedCulture } from '../../src/lib/culture-related.ts';
import { recentSpan, riskStats } from '../../src/lib/risk-stats.ts';
import { buildSiteModel, compareCases, type CultureLike, type Entry, type SiteInput } from '../../src/lib/site-model.ts';
import { trackFor } from '../../src/lib/tracks.ts';
import { collectionSpecs } from '../../src/schemas/index.ts';

type AnyInput = SiteInput<Entry<CaseData>, Entry<CourseData>, Entry<CultureLike>, Entry<DocumentData>>;
type Site = ReturnType<typeof buildSiteModel>;

const { entries } = loadContent('content');
const of = (c: string) => entries.filter((e) => e.collection === c).map((e) => ({ id: e.id, data: e.data }));
const base = Object.fromEntries(Object.keys(collectionSpecs).map((c) => [c, of(c)])) as unknown as AnyInput;
const riskPoints = base.riskPoints.map((r) => r.data as { id: string; sector: string });

interface Counter {
  reads: number;
}

function counted<T extends object>(target: T, counter: Counter): T {
  return new Proxy(target, {
    get(t, key, receiver) {
      counter.reads++;
      return Reflect.get(t, key, receiver);
    },
  });
}

/**
 * `n` cases cloned from the real ones (parsed by the real schema), spread over sectors, risk
 * points and years, with modules (one per 200 cases, as the benchmark corpus has) that use them and
 * culture items.
 */
function library(n: number, counter: Counter): AnyInput {
  const plain: Entry<CaseData>[] = [];
  for (let i = 0; i < n; i++) {
    const template = base.cases[i % base.cases.length] as Entry<CaseData>;
    const rp = riskPoints[(i * 7) % riskPoints.length] as { id: string; sector: string };
    const data: CaseData = { ...template.data, sector: rp.sector, riskPoints: [rp.id], year: 2016 + (i % 10), published: new Date(Date.UTC(2024, 0, 1 + (i % 700))) };
    plain.push({ id: `synthetic-${i}`, data });
  }
  const cases = plain.sort(compareCases).map((c) => counted({ ...c, data: counted(c.data, counter) }, counter));
  const courses = Array.from({ length: Math.max(3, Math.round(n / 200)) }, (_, i) => {
    const template = base.courses[i % base.courses.length] as Entry<CourseData>;
    const used = Array.from({ length: 4 }, (_, k) => `synthetic-${(i * 37 + k * 11) % n}`);
    return counted({ id: `synthetic-module-${i}`, data: counted({ ...template.data, cases: used, prerequisites: [] }, counter) }, counter);
  });
  // One culture item per 10 cases (the benchmark has one per 100), so each tag has a few at 1,000.
  const culture = Array.from({ length: Math.max(3, Math.round(n / 10)) }, (_, i) => {
    const template = base.culture[i % base.culture.length] as Entry<CultureLike>;
    return counted({ id: `synthetic-culture-${i}`, data: counted({ ...template.data, published: new Date(Date.UTC(2024, 0, 1 + (i % 700))) }, counter) }, counter);
  });
  return { ...base, cases, courses, culture };
}

/**
 * Every derived structure, each built on its own and then asked what its pages ask: one entry
 * here per structure, so a failure names the one that became quadratic.
 */
const STRUCTURES: Record<string, (input: AnyInput, site: Site) => void> = {
  'the site model (all its indexes at once)': (input) => {
    buildSiteModel(input, 'public');
  },
  'previous / next on every case page': (input) => {
    const lookup = neighbourLookup(input.cases);
    for (const c of input.cases) lookup(c.id);
  },
  'related cases on every case page': (input) => {
    const related = relatedCases(input.cases);
    for (const c of input.cases) related.get(c.id);
  },
  'related culture on every culture page': (input) => {
    // A window of 4 items per tag is reached at 1,000 cases too (the site's 50 only at about 12,000
    // here): what is measured is that the work stops growing once it is.
    const related = relatedCulture(input.culture, 3, 4);
    for (const u of input.culture) related.get(u.id);
  },
  'backlinks: modules per case, citing cases per article, cases per risk point': (_input, site) => {
    for (const c of site.cases) site.coursesByCase(c.id);
    for (const d of site.documents) {
      site.citationsOf(d.id);
      for (const a of d.data.articles) site.citationsOf(d.id, a.n);
    }
    for (const rp of riskPoints) site.casesByRiskPoint(rp.id);
  },
  'facet index, facet menu and every facet page (sector, risk point, year …)': (input, site) => {
    const facets = facetIndex(input.cases);
    for (const facet of CASE_FACETS) for (const [value, list] of facets.get(facet.key) ?? []) paginate(list, CASES_PER_PAGE, `/cases/${facet.key}/${value}/`);
    for (const m of site.facetMenu) for (const v of m.values) site.facetLabel(m.key, v.value);
  },
  'risk statistics (recent years and all years)': (input) => {
    riskStats(input.cases, recentSpan(input.cases));
    riskStats(input.cases);
  },
  '「我的岗位」 digests of every post': (input) => {
    postDigests(input.posts ?? [], { cases: input.cases, courses: input.courses, indicators: input.indicators, selfChecks: input.selfChecks });
  },
  'the bounded case lists of every risk point page and post page': (input, site) => {
    const pages = riskPointCases(input.cases, [...site.terms.sectors.keys()]);
    const titles = (list: readonly Entry<CaseData>[]) => list.map((c) => c.data.title);
    for (const rp of riskPoints) for (const g of pages.get(rp.id)?.groups ?? []) titles(g.cases);
    for (const post of site.posts) titles(site.postDigest(post.id)?.shownCases.cases ?? []);
  },
  'learning tracks of every audience': (_input, site) => {
    for (const a of site.terms.audiences.keys()) trackFor(a, site);
  },
};

/** A library of `n` cases and its site model, built once per size for every structure's count. */
function fixture(n: number) {
  const counter = { reads: 0 };
  const input = library(n, counter);
  return { n, counter, input, site: buildSiteModel(input, 'public') };
}

/** Reads per case made by one structure (building the fixture's site model is not counted). */
function readsPerCase({ n, counter, input, site }: ReturnType<typeof fixture>, work: (input: AnyInput, site: Site) => void): number {
  counter.reads = 0;
  work(input, site);
  return counter.reads / n;
}

const small = fixture(1_000);
const large = fixture(20_000);

describe('the site model grows linearly with the library', () => {
  it.each(Object.entries(STRUCTURES))('%s: reads per case at 20,000 cases within 1.3× of those at 1,000', (_name, work) => {
    const a = readsPerCase(small, work);
    const b = readsPerCase(large, work);
    expect(a, 'the step reads no case at all: the measure would prove nothing').toBeGreaterThan(0);
    expect(b / a, `${a.toFixed(1)} → ${b.toFixed(1)} reads per case`).toBeLessThan(1.3);
  });

  it('the measure catches a page that scans the whole list (as the old previous/next lookup did)', () => {
    const scan = (_input: AnyInput, site: Site) => {
      for (const c of site.cases) site.cases.findIndex((x) => x.id === c.id);
    };
    const a = readsPerCase(fixture(500), scan);
    const b = readsPerCase(fixture(2_000), scan);
    expect(b / a).toBeGreaterThan(2);
  });
});
