/**
 * A risk point with more cases than a page shows: a cadre sees the newest ones and a link that
 * says how many there are in all and leads to the facet page listing every one of them.
 */
import { describe, expect, it } from 'vitest';
import { ARTICLE_CITING_CASES, citedArticles, citingPreview, POST_PAGE_CASES, RISK_PAGE_CASES } from '../../src/lib/case-preview.ts';
import { articleRefsOfCase } from '../../src/lib/site-model.ts';
import { loadContent } from '../../src/lib/load-content.ts';
import { buildSiteModel, type CultureLike, type Entry, type SiteInput } from '../../src/lib/site-model.ts';
import { urls } from '../../src/lib/urls.ts';
import type { CaseData } from '../../src/schemas/case.ts';
import type { CourseData } from '../../src/schemas/course.ts';
import type { DocumentData } from '../../src/schemas/document.ts';
import { collectionSpecs } from '../../src/schemas/index.ts';
import type { Post } from '../../src/lib/posts.ts';

type AnyInput = SiteInput<Entry<CaseData>, Entry<CourseData>, Entry<CultureLike>, Entry<DocumentData>>;

// The real sample content, parsed by the real schemas; the cases are cloned onto one risk point.
const { entries } = loadContent('content');
const of = (c: string) => entries.filter((e) => e.collection === c).map((e) => ({ id: e.id, data: e.data }));
const base = Object.fromEntries(Object.keys(collectionSpecs).map((c) => [c, of(c)])) as unknown as AnyInput;
// A sample case that cites a numbered article, so the clones fill a rule's 「引用本条」 line too.
const template = (base.cases as Entry<CaseData>[]).find((c) => articleRefsOfCase(c.data).some((r) => r.includes('#'))) as Entry<CaseData>;
const RISK = 'split-purchase';
const OTHER = 'tailored-bid-terms';
const TOTAL = 25;
// Years 2000–2024 on purpose out of order, so the newest are the ones with the highest year.
const cloned: Entry<CaseData>[] = Array.from({ length: TOTAL }, (_, i) => {
  const year = 2000 + ((i * 7) % TOTAL);
  return { id: `clone-${year}`, data: { ...template.data, year, riskPoints: [RISK], sector: i % 5 === 0 ? 'education-fees' : 'procurement' } };
});
const buyer = { id: 'buyer', data: { id: 'buyer', name: '采购经办人', description: '负责采购的经办人员', order: 1, family: 'key-post', level: 'unit', tier: 'key-post', riskPoints: [RISK, OTHER] } as Post };
const site = buildSiteModel({ ...base, cases: cloned, posts: [buyer] }, 'public');
const newestFirst = [...cloned].sort((a, b) => b.data.year - a.data.year);

describe('a risk point page with more cases than it shows', () => {
  const page = site.riskPointCases(RISK);

  it('shows the newest cases of each sector, in the page’s order, with each sector’s full count', () => {
    for (const g of page.groups) {
      const all = newestFirst.filter((c) => c.data.sector === g.sector);
      expect(g.total).toBe(all.length);
      expect(g.cases.map((c) => c.id)).toEqual(all.slice(0, RISK_PAGE_CASES).map((c) => c.id));
    }
    expect(page.groups.map((g) => g.sector)).toEqual(['procurement', 'education-fees'].sort((a, b) => [...site.terms.sectors.keys()].indexOf(a) - [...site.terms.sectors.keys()].indexOf(b)));
  });

  it('offers 「查看全部 25 个案例」 leading to the facet page that lists every one of them', () => {
    expect(page.total).toBe(TOTAL);
    expect(page.more).toEqual({ riskPoint: RISK, total: TOTAL, href: urls.caseFacet('risk', RISK) });
    expect(site.facets.get('risk')?.get(RISK)?.map((c) => c.id)).toEqual(newestFirst.map((c) => c.id));
  });

  it('offers no link when every case is already on the page', () => {
    const small = buildSiteModel({ ...base, cases: cloned.slice(0, 3) }, 'public').riskPointCases(RISK);
    expect(small.total).toBe(3);
    expect(small.more).toBeUndefined();
  });
});

describe('a post page whose risk point has more cases than it shows', () => {
  const digest = site.postDigest('buyer');

  it(`shows the first ${POST_PAGE_CASES} cases in the post’s order and links to all cases of the risk point`, () => {
    expect(digest?.cases).toHaveLength(TOTAL);
    expect(digest?.shownCases.cases.map((c) => c.id)).toEqual(digest?.cases.slice(0, POST_PAGE_CASES).map((c) => c.id));
    expect(digest?.shownCases.more).toEqual([{ riskPoint: RISK, total: TOTAL, href: urls.caseFacet('risk', RISK) }]);
  });
});

describe('a rule’s article cited by more cases than its page lists', () => {
  const ref = articleRefsOfCase(template.data).find((r) => r.includes('#'));

  it('lists its newest citing cases and says how many cite it in all', () => {
    expect(ref, 'the template case cites an article').toBeDefined();
    const [doc, n] = (ref ?? '').split('#');
    const line = citingPreview(site.citationsOf(doc ?? '', n));
    expect(line.totalCases).toBe(TOTAL);
    expect(line.cases.map((c) => c.id)).toEqual(newestFirst.slice(0, ARTICLE_CITING_CASES).map((c) => c.id));
  });
});

describe('the case list page of a cited article', () => {
  it('exists for every article a case cites, with all its citing cases newest first, and for no other', () => {
    const lists = citedArticles(site.documents, (id, n) => site.citationsOf(id, n).cases);
    const ref = articleRefsOfCase(template.data).find((r) => r.includes('#')) ?? '';
    const [doc, n] = ref.split('#');
    const list = lists.find((l) => l.document.id === doc && l.n === n);
    expect(list?.cases.map((c) => c.id)).toEqual(newestFirst.map((c) => c.id));
    // Every clone cites the template's refs, so no other article has a list.
    const cited = new Set(articleRefsOfCase(template.data));
    expect(lists.map((l) => `${l.document.id}#${l.n}`).sort()).toEqual([...cited].filter((r) => r.includes('#')).sort());
    expect(urls.articleCases(doc ?? '', n ?? '')).toBe(`/documents/${doc}/article-${n}/`);
  });
});
