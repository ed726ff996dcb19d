/**
 * The site model's work per case must not grow with the size of the library: a step that compares
 * each case with every other (as the previous/next lookup once did) makes a 20,000-case build
 * quadratic. Timing-free: every read of a case entry or its data is counted through a Proxy, the
 * model is built and every page's lookups are made for a small and a large synthetic library,
 * and the reads per case are compared.
 */
import { describe, expect, it } from 'vitest';
import type { CaseData } from '../../src/schemas/case.ts';
import type { CourseData } from '../../src/schemas/course.ts';
import type { DocumentData } from '../../src/schemas/document.ts';
import { loadContent } from '../../src/lib/load-content.ts';
import { buildSiteModel, type CultureLike, type Entry, type SiteInput } from '../../src/lib/site-model.ts';
import { collectionSpecs } from '../../src/schemas/index.ts';

type AnyInput = SiteInput<Entry<CaseData>, Entry<CourseData>, Entry<CultureLike>, Entry<DocumentData>>;

const { entries } = loadContent('content');
const of = (c: string) => entries.filter((e) => e.collection === c).map((e) => ({ id: e.id, data: e.data }));
const base = Object.fromEntries(Object.keys(collectionSpecs).map((c) => [c, of(c)])) as unknown as AnyInput;
const riskPoints = base.riskPoints.map((r) => r.data as { id: string; sector: string });

interface Counter {
  reads: number;
}

/** `n` cases cloned from the real ones (parsed by the real schema), spread over sectors, risk points and years. */
function library(n: number, counter: Counter): Entry<CaseData>[] {
  const out: Entry<CaseData>[] = [];
  for (let i = 0; i < n; i++) {
    const template = base.cases[i % base.cases.length] as Entry<CaseData>;
    const rp = riskPoints[(i * 7) % riskPoints.length] as { id: string; sector: string };
    const data: CaseData = { ...template.data, sector: rp.sector, riskPoints: [rp.id], year: 2016 + (i % 10), published: new Date(Date.UTC(2024, 0, 1 + (i % 700))) };
    const counted = <T extends object>(target: T): T =>
      new Proxy(target, {
        get(t, key, receiver) {
          counter.reads++;
          return Reflect.get(t, key, receiver);
        },
      });
    out.push(counted({ id: `synthetic-${i}`, data: counted(data) }));
  }
  return out;
}

/** Builds the model and makes every lookup the generated pages make; returns reads per case. */
function readsPerCase(n: number, lookup: (site: ReturnType<typeof buildSiteModel>, id: string) => unknown = () => undefined): number {
  const counter = { reads: 0 };
  const cases = library(n, counter);
  const site = buildSiteModel({ ...base, cases } as AnyInput, 'public');
  for (const c of site.cases) {
    site.caseNeighbours(c.id);
    site.relatedCases(c.id);
    site.coursesByCase(c.id);
    lookup(site, c.id);
  }
  for (const rp of riskPoints) site.casesByRiskPoint(rp.id);
  void site.facetMenu;
  void site.riskStats;
  return counter.reads / n;
}

describe('the site model grows linearly with the library', () => {
  it('reads each case a bounded number of times, whether the library has 1,000 or 8,000 cases', () => {
    const small = readsPerCase(1_000);
    const large = readsPerCase(8_000);
    expect(large / small).toBeLessThan(1.3);
  });

  it('the measure catches a page that scans the whole list (as the old previous/next lookup did)', () => {
    const scan = (site: ReturnType<typeof buildSiteModel>, id: string) => site.cases.findIndex((c) => c.id === id);
    const small = readsPerCase(500, scan);
    const large = readsPerCase(2_000, scan);
    expect(large / small).toBeGreaterThan(2);
  });
});
