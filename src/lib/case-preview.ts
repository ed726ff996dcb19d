/**
 * A bounded share of a long case list, for the pages that show cases as one part among others
 * (a risk point, a post): the newest few and a link to the paginated facet page that lists them
 * all. Built once for every risk point from one pass over the cases, so a page's work does not
 * grow with the library: a cadre opening 「财务人员」 on a phone gets a page, not megabytes.
 */
import type { CaseData } from '../schemas/case.ts';
import type { Entry } from './site-model.ts';
import { urls } from './urls.ts';

/**
 * Cases shown per sector on a risk point page (newest first) before the link to all of them. Per
 * sector, so every sector the risk map links to (`#sector-…`) keeps its heading and newest cases;
 * the page stays bounded by the number of sectors, a fixed taxonomy.
 */
export const RISK_PAGE_CASES = 6;
/** Cases shown on a post page (its tier first, then newest) before the links per risk point. */
export const POST_PAGE_CASES = 12;

/** Where a reader finds every case on a risk point, and how many there are. */
export interface MoreCases {
  riskPoint: string;
  total: number;
  href: string;
}

export interface RiskPointCases<C> {
  total: number;
  /** Every sector with cases on the risk point, in the sectors' order: its full count and its newest cases. */
  groups: { sector: string; total: number; cases: C[] }[];
  /** Present when not every case is shown. */
  more?: MoreCases;
}

export const moreCases = (riskPoint: string, total: number): MoreCases => ({ riskPoint, total, href: urls.caseFacet('risk', riskPoint) });

/**
 * Every risk point's share of `cases` (given newest first, as the site model orders them): per
 * sector in `sectorOrder`, the count and the newest `limit`, from one pass over the cases.
 */
export function riskPointCases<C extends Entry<CaseData>>(cases: readonly C[], sectorOrder: readonly string[], limit = RISK_PAGE_CASES): Map<string, RiskPointCases<C>> {
  const tally = new Map<string, Map<string, { total: number; cases: C[] }>>();
  for (const c of cases) {
    for (const rp of new Set(c.data.riskPoints)) {
      let sectors = tally.get(rp);
      if (!sectors) tally.set(rp, (sectors = new Map()));
      let group = sectors.get(c.data.sector);
      if (!group) sectors.set(c.data.sector, (group = { total: 0, cases: [] }));
      group.total++;
      if (group.cases.length < limit) group.cases.push(c);
    }
  }
  const rank = new Map(sectorOrder.map((s, i) => [s, i]));
  const out = new Map<string, RiskPointCases<C>>();
  for (const [rp, sectors] of tally) {
    const groups = [...sectors]
      .sort(([a], [b]) => (rank.get(a) ?? rank.size) - (rank.get(b) ?? rank.size) || a.localeCompare(b))
      .map(([sector, g]) => ({ sector, ...g }));
    const total = groups.reduce((n, g) => n + g.total, 0);
    const shown = groups.reduce((n, g) => n + g.cases.length, 0);
    out.set(rp, { total, groups, ...(total > shown ? { more: moreCases(rp, total) } : {}) });
  }
  return out;
}

/**
 * The first `limit` of a post's cases (kept in the post's order), and for each of its risk points
 * with cases left out, the link to all of them. `counts` are the risk points' full totals.
 */
export function postCases<C extends Entry<CaseData>>(cases: readonly C[], counts: readonly { id: string; cases: number }[], limit = POST_PAGE_CASES): { cases: C[]; more: MoreCases[] } {
  const shown = cases.slice(0, limit);
  const shownOn = new Map<string, number>();
  for (const c of shown) for (const rp of new Set(c.data.riskPoints)) shownOn.set(rp, (shownOn.get(rp) ?? 0) + 1);
  return { cases: shown, more: counts.filter((r) => r.cases > (shownOn.get(r.id) ?? 0)).map((r) => moreCases(r.id, r.cases)) };
}

/** Citing cases shown under one article of a rule, newest first. */
export const ARTICLE_CITING_CASES = 8;

/**
 * What an article's 「引用本条」 line shows: its newest citing cases (the site model keeps them
 * newest first) and every module, with the number of cases left out, so a much-cited article of
 * 《刑法》 does not drag thousands of links into its rule's page.
 */
export function citingPreview<C, M>(cited: { cases: readonly C[]; courses: readonly M[] }, limit = ARTICLE_CITING_CASES): { cases: C[]; courses: M[]; totalCases: number } {
  return { cases: cited.cases.slice(0, limit), courses: [...cited.courses], totalCases: cited.cases.length };
}

/**
 * Every article that at least one case cites, with all its citing cases (newest first), for the
 * article's own paginated case list (urls.articleCases). Every cited article gets the page, not only
 * the long ones, so a link to it keeps working as the library grows or shrinks.
 */
export function citedArticles<D extends Entry<{ articles: readonly { n: string }[] }>, C>(
  documents: readonly D[],
  casesOf: (documentId: string, n: string) => readonly C[],
): { document: D; n: string; cases: readonly C[] }[] {
  return documents.flatMap((document) =>
    document.data.articles.flatMap(({ n }) => {
      const cases = casesOf(document.id, n);
      return cases.length > 0 ? [{ document, n, cases }] : [];
    }),
  );
}
