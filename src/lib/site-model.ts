/**
 * The site's derived structures, computed once from all entries: what is published in this
 * edition, lookups by id, and the reference graph (article backlinks, risk point → entries,
 * case → modules). Every index is built in one pass over the entries, never pairwise.
 */
import type { CaseData } from '../schemas/case.ts';
import type { CourseData } from '../schemas/course.ts';
import type { DocumentData, ArticleData } from '../schemas/document.ts';
import type { z } from '../schemas/messages.ts';
import { audienceSchema, powerStageSchema } from '../schemas/taxonomies.ts';
import type { indicatorSchema, selfCheckSchema } from '../schemas/spine.ts';
import type {
  networkLevelSchema,
  networkLinkSchema,
  practiceSchema,
  actorSchema,
  riskPointSchema,
  sectorSchema,
  unitSchema,
  violationTypeSchema,
} from '../schemas/taxonomies.ts';
import type { networkResourceSchema, preventionModeSchema } from '../schemas/network.ts';
import type { Edition } from './content-root.ts';
import { articleLabel } from './cn-numerals.ts';
import { successors } from './documents.ts';
import { riskPointCases, type RiskPointCases } from './case-preview.ts';
import { CASE_FACETS, facetIndex, type FacetKey } from './facets.ts';
import { postDigests, postFamilies, type Post } from './posts.ts';
import { relatedCases } from './related.ts';
import { neighbourLookup } from './lists.ts';
import { relatedCulture } from './culture-related.ts';
import { recentSpan, riskStats } from './risk-stats.ts';
import { isPublished, type Publishable } from './publish.ts';
import { articleRefUrl, parseArticleRef } from './urls.ts';

export interface Entry<D> {
  id: string;
  data: D;
}

export type Sector = z.infer<typeof sectorSchema>;
export type RiskPoint = z.infer<typeof riskPointSchema>;
export type ViolationType = z.infer<typeof violationTypeSchema>;
export type Audience = z.infer<typeof audienceSchema>;
export type PowerStage = z.infer<typeof powerStageSchema>;
export type Actor = z.infer<typeof actorSchema>;
export type Unit = z.infer<typeof unitSchema>;

export interface CultureLike extends Publishable {
  title: string;
  summary: string;
  published: Date;
  category: string;
  audiences: string[];
  tags: string[];
  /** The contributing unit (成员单位). */
  unit: string;
}

export type Indicator = z.infer<typeof indicatorSchema>;
export type SelfCheck = z.infer<typeof selfCheckSchema>;
export type NetworkLevel = z.infer<typeof networkLevelSchema>;
export type NetworkLink = z.infer<typeof networkLinkSchema>;
export type Practice = z.infer<typeof practiceSchema>;
export type NetworkResource = z.infer<typeof networkResourceSchema>;
export type PreventionMode = z.infer<typeof preventionModeSchema>;

export interface SiteInput<
  C extends Entry<CaseData>,
  M extends Entry<CourseData>,
  U extends Entry<CultureLike>,
  D extends Entry<DocumentData>,
  I extends Entry<Indicator> = Entry<Indicator>,
  S extends Entry<SelfCheck> = Entry<SelfCheck>,
> {
  cases: readonly C[];
  courses: readonly M[];
  culture: readonly U[];
  documents: readonly D[];
  indicators: readonly I[];
  selfChecks: readonly S[];
  networkLevels: readonly Entry<NetworkLevel>[];
  networkLinks: readonly Entry<NetworkLink>[];
  practices: readonly Entry<Practice>[];
  networkResources: readonly Entry<NetworkResource>[];
  preventionModes: readonly Entry<PreventionMode>[];
  sectors: readonly Entry<Sector>[];
  riskPoints: readonly Entry<RiskPoint>[];
  violationTypes: readonly Entry<ViolationType>[];
  audiences: readonly Entry<Audience>[];
  powerStages: readonly Entry<PowerStage>[];
  actors: readonly Entry<Actor>[];
  /** 「我的岗位」 (content/taxonomies/posts.yaml); absent in older content folders. */
  posts?: readonly Entry<Post>[];
  /** 成员单位 (content/taxonomies/units.yaml); the content check requires it, models built in tests may leave it out. */
  units?: readonly Entry<Unit>[];
}

export interface ResolvedArticle<D> {
  ref: string;
  document: D;
  article?: ArticleData;
  /** 《刑法》第三百八十五条 */
  label: string;
  url: string;
}

const AUDIENCE_ORDER: readonly string[] = audienceSchema.shape.id.options;
const STAGE_ORDER: readonly string[] = powerStageSchema.shape.id.options;

const byOrder = <T extends { data: { order: number } }>(list: readonly T[]) => [...list].sort((a, b) => a.data.order - b.data.order);

const byId = <T extends { id: string }>(list: readonly T[]) => new Map(list.map((e) => [e.id, e]));

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Newest first: by the year decided, then by the date added to the library. */
export function compareCases(a: Entry<CaseData>, b: Entry<CaseData>): number {
  return b.data.year - a.data.year || b.data.published.getTime() - a.data.published.getTime() || a.id.localeCompare(b.id);
}

export function articleRefsOfCase(c: CaseData): string[] {
  const d = c.disposition;
  return [...(d.party?.basis ?? []), ...(d.government?.basis ?? []), ...(d.criminal?.basis ?? []), ...c.rulesBreached, ...c.comparableModels];
}

export function buildSiteModel<
  C extends Entry<CaseData>,
  M extends Entry<CourseData>,
  U extends Entry<CultureLike>,
  D extends Entry<DocumentData>,
  I extends Entry<Indicator> = Entry<Indicator>,
  S extends Entry<SelfCheck> = Entry<SelfCheck>,
>(input: SiteInput<C, M, U, D, I, S>, edition: Edition) {
  const visible = <T extends Entry<Publishable>>(list: readonly T[]) => list.filter((e) => isPublished(e.data, edition));
  const cases = visible(input.cases).sort(compareCases);
  const courses = visible(input.courses).sort((a, b) => a.data.title.localeCompare(b.data.title, 'zh-CN'));
  const culture = visible(input.culture).sort((a, b) => b.data.published.getTime() - a.data.published.getTime());
  const documents = visible(input.documents);
  const indicators = visible(input.indicators);
  const selfChecks = visible(input.selfChecks);

  const caseById = byId(cases);
  const levelOrder = new Map(input.networkLevels.map((l) => [l.id, l.data.order]));
  const courseById = byId(courses);
  const cultureById = byId(culture);
  const documentById = byId(documents);
  const terms = {
    sectors: byId([...input.sectors].sort((a, b) => a.data.order - b.data.order)),
    riskPoints: byId(input.riskPoints),
    violationTypes: byId(input.violationTypes),
    // Audiences in the order the schema lists them: leader, key-post, staff, trainer, public.
    audiences: byId([...input.audiences].sort((a, b) => AUDIENCE_ORDER.indexOf(a.data.id) - AUDIENCE_ORDER.indexOf(b.data.id))),
    powerStages: byId(input.powerStages),
    actors: byId(input.actors),
    // Top of the network first (省, then 市、县, then 乡镇), by name within a level.
    units: byId(
      [...(input.units ?? [])].sort(
        (a, b) => (levelOrder.get(a.data.level) ?? 0) - (levelOrder.get(b.data.level) ?? 0) || a.data.name.localeCompare(b.data.name, 'zh-CN'),
      ),
    ),
  };

  /** A reference to a document or article, or undefined when its document is not published in this edition. */
  function resolveArticle(ref: string): ResolvedArticle<D> | undefined {
    const { documentId, article } = parseArticleRef(ref);
    const document = documentById.get(documentId);
    if (!document) return undefined;
    const found = article ? document.data.articles.find((a) => a.n === article) : undefined;
    return {
      ref,
      document,
      ...(found ? { article: found } : {}),
      label: `《${document.data.shortTitle}》${found ? articleLabel(found.n) : ''}`,
      url: articleRefUrl(ref),
    };
  }

  // The reference graph, one pass over each kind.
  const articleCitedBy = new Map<string, { cases: C[]; courses: M[] }>();
  const citedBy = (ref: string) => {
    let entry = articleCitedBy.get(ref);
    if (!entry) articleCitedBy.set(ref, (entry = { cases: [], courses: [] }));
    return entry;
  };
  const casesByRiskPoint = new Map<string, C[]>();
  const coursesByRiskPoint = new Map<string, M[]>();
  const coursesByCase = new Map<string, M[]>();
  for (const c of cases) {
    for (const ref of new Set(articleRefsOfCase(c.data))) citedBy(ref).cases.push(c);
    for (const rp of c.data.riskPoints) push(casesByRiskPoint, rp, c);
  }
  for (const m of courses) {
    for (const ref of new Set(m.data.articles)) citedBy(ref).courses.push(m);
    for (const rp of m.data.riskPoints) push(coursesByRiskPoint, rp, m);
    for (const id of m.data.cases) if (caseById.has(id)) push(coursesByCase, id, m);
  }
  const articlesByRiskPoint = new Map<string, ResolvedArticle<D>[]>();
  for (const d of documents) {
    for (const a of d.data.articles) {
      for (const rp of a.riskPoints) {
        const resolved = resolveArticle(`${d.id}#${a.n}`);
        if (resolved) push(articlesByRiskPoint, rp, resolved);
      }
    }
  }
  const supersededBy = successors(documents);
  const indicatorsByRiskPoint = new Map<string, I[]>();
  for (const x of indicators) for (const rp of x.data.riskPoints) push(indicatorsByRiskPoint, rp, x);
  const checkItemsByRiskPoint = new Map<string, { list: S; item: S['data']['items'][number] }[]>();
  for (const list of selfChecks) for (const item of list.data.items) for (const rp of item.riskPoints) push(checkItemsByRiskPoint, rp, { list, item });

  // What each member unit contributed to this edition, one pass over each kind.
  const contributions = new Map<string, { cases: C[]; courses: M[]; culture: U[]; documents: D[]; indicators: I[]; selfChecks: S[] }>();
  const contributionsOf = (unit: string) => {
    let entry = contributions.get(unit);
    if (!entry) contributions.set(unit, (entry = { cases: [], courses: [], culture: [], documents: [], indicators: [], selfChecks: [] }));
    return entry;
  };
  for (const c of cases) contributionsOf(c.data.unit).cases.push(c);
  for (const m of courses) contributionsOf(m.data.unit).courses.push(m);
  for (const u of culture) contributionsOf(u.data.unit).culture.push(u);
  for (const d of documents) contributionsOf(d.data.unit).documents.push(d);
  for (const x of indicators) contributionsOf(x.data.unit).indicators.push(x);
  for (const x of selfChecks) contributionsOf(x.data.unit).selfChecks.push(x);
  const subUnits = new Map<string, Entry<Unit>[]>();
  for (const u of terms.units.values()) if (u.data.parent) push(subUnits, u.data.parent, u);

  const posts = postFamilies(input.posts ?? []).flatMap((g) => g.posts);
  const digests = postDigests(posts, { cases, courses, indicators, selfChecks });

  const facets = facetIndex(cases);
  const riskPreviews = riskPointCases(cases, [...terms.sectors.keys()]);
  const related = relatedCases(cases);
  const cultureRelated = relatedCulture(culture);
  const stats = riskStats(cases, recentSpan(cases));
  const statsAll = riskStats(cases);
  const caseNeighbours = neighbourLookup(cases);

  const facetLabel = (key: FacetKey, value: string): string => {
    const map = { sector: terms.sectors, risk: terms.riskPoints, violation: terms.violationTypes, tier: terms.audiences, stage: terms.powerStages, unit: terms.units, year: undefined }[key];
    return map ? (map.get(value)?.data.name ?? value) : `${value}年`;
  };
  // The facet menu every list and facet page shows, ordered once: years newest first, sectors,
  // tiers and stages in their own order, the long lists by how many cases they hold.
  const position = (key: FacetKey) => {
    const order = key === 'sector' ? [...terms.sectors.keys()] : key === 'tier' ? AUDIENCE_ORDER : key === 'stage' ? STAGE_ORDER : key === 'unit' ? [...terms.units.keys()] : undefined;
    return order ? (v: string) => order.indexOf(v) : undefined;
  };
  const facetMenu = CASE_FACETS.map((f) => {
    const pos = position(f.key);
    const values = [...(facets.get(f.key)?.entries() ?? [])].map(([value, list]) => ({ value, label: facetLabel(f.key, value), count: list.length }));
    values.sort((a, b) => (f.key === 'year' ? Number(b.value) - Number(a.value) : pos ? pos(a.value) - pos(b.value) : b.count - a.count || a.value.localeCompare(b.value)));
    return { key: f.key, label: f.label, values };
  });

  return {
    edition,
    facetMenu,
    facetLabel,
    indicators,
    selfChecks,
    network: {
      levels: byOrder(input.networkLevels),
      links: byOrder(input.networkLinks),
      practices: byOrder(input.practices),
      resources: byOrder(input.networkResources),
      modes: byOrder(input.preventionModes),
    },
    indicatorsByRiskPoint: (id: string) => indicatorsByRiskPoint.get(id) ?? [],
    checkItemsByRiskPoint: (id: string) => checkItemsByRiskPoint.get(id) ?? [],
    cases,
    /** Facet value → cases, for the static facet pages and their counts. */
    facets,
    /** Risk map statistics over the published cases of the recent years (the default map). */
    riskStats: stats,
    /** The same over every published case, for the all-years map. */
    riskStatsAll: statsAll,
    relatedCases: (id: string) => related.get(id) ?? [],
    /** The cases before and after one in the library's order, for previous / next links. */
    caseNeighbours,
    relatedCulture: (id: string) => cultureRelated.get(id) ?? [],
    courses,
    culture,
    documents,
    caseById,
    courseById,
    cultureById,
    documentById,
    terms,
    resolveArticle,
    /** Published entries only: an internal target simply drops out of the list. */
    publishedCases: (ids: readonly string[]) => ids.flatMap((id) => caseById.get(id) ?? []),
    publishedCourses: (ids: readonly string[]) => ids.flatMap((id) => courseById.get(id) ?? []),
    citationsOf: (documentId: string, n?: string) => articleCitedBy.get(n ? `${documentId}#${n}` : documentId) ?? { cases: [], courses: [] },
    casesByRiskPoint: (id: string) => casesByRiskPoint.get(id) ?? [],
    /** A risk point page's cases: the newest few by sector, and the link to all of them (lib/case-preview.ts). */
    riskPointCases: (id: string): RiskPointCases<C> => riskPreviews.get(id) ?? { total: 0, groups: [] },
    coursesByRiskPoint: (id: string) => coursesByRiskPoint.get(id) ?? [],
    articlesByRiskPoint: (id: string) => articlesByRiskPoint.get(id) ?? [],
    coursesByCase: (id: string) => coursesByCase.get(id) ?? [],
    supersededBy: (id: string) => supersededBy.get(id),
    /** 「我的岗位」: posts by family, and what each gathers (lib/posts.ts). */
    posts,
    postFamilies: postFamilies(posts),
    postDigest: (id: string) => digests.get(id),
    /** 成员单位: what a unit contributed to this edition (empty lists when nothing), and its sub-units. */
    contributionsOf: (unit: string) => contributions.get(unit) ?? { cases: [], courses: [], culture: [], documents: [], indicators: [], selfChecks: [] },
    subUnits: (unit: string) => subUnits.get(unit) ?? [],
  };
}

export type SiteModel<
  C extends Entry<CaseData>,
  M extends Entry<CourseData>,
  U extends Entry<CultureLike>,
  D extends Entry<DocumentData>,
  I extends Entry<Indicator> = Entry<Indicator>,
  S extends Entry<SelfCheck> = Entry<SelfCheck>,
> = ReturnType<typeof buildSiteModel<C, M, U, D, I, S>>;
