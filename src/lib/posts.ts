/**
 * 「我的岗位」: what one post should read, derived from the post's risk points and tier alone
 * (content/taxonomies/posts.yaml), so case files never have to name posts. Every list is built
 * from one index per kind (risk point → entries), never by comparing entries pairwise.
 */
import type { CaseData } from '../schemas/case.ts';
import type { CourseData } from '../schemas/course.ts';
import type { z } from '../schemas/messages.ts';
import { POST_FAMILIES, type postSchema } from '../schemas/taxonomies.ts';
import { postCases, type MoreCases } from './case-preview.ts';
import type { Entry } from './site-model.ts';

export type Post = z.infer<typeof postSchema>;

export interface PostSources<C, M, I, S> {
  cases: readonly C[];
  courses: readonly M[];
  indicators: readonly I[];
  selfChecks: readonly S[];
}

export interface PostDigest<C, M, I, S> {
  post: Entry<Post>;
  /** Cases on any of the post's risk points: those whose offender sat at the post's tier first. */
  cases: C[];
  /** What the post page shows of them: the first few, and a link to all cases of each risk point with more. */
  shownCases: { cases: C[]; more: MoreCases[] };
  /** Modules for the post's tier that teach at least one of its risk points. */
  modules: M[];
  /** Modules for other audiences that teach its risk points too. */
  otherModules: M[];
  indicators: I[];
  selfCheck: S | undefined;
  /** Cases per risk point of the post, in the post's order. */
  riskCounts: { id: string; cases: number }[];
}

type WithRisks = Entry<{ riskPoints: readonly string[] }>;

function indexByRisk<T extends WithRisks>(list: readonly T[]): Map<string, T[]> {
  const index = new Map<string, T[]>();
  for (const e of list) {
    for (const rp of new Set(e.data.riskPoints)) {
      const bucket = index.get(rp);
      if (bucket) bucket.push(e);
      else index.set(rp, [e]);
    }
  }
  return index;
}

/** Entries on any of the risk points, once each, in the order of the source list. */
function onAny<T extends WithRisks>(index: Map<string, T[]>, order: Map<T, number>, riskPoints: readonly string[]): T[] {
  const found = new Set<T>();
  for (const rp of riskPoints) for (const e of index.get(rp) ?? []) found.add(e);
  return [...found].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}

const positions = <T>(list: readonly T[]) => new Map(list.map((e, i) => [e, i]));

export function postDigests<C extends Entry<CaseData>, M extends Entry<CourseData>, I extends WithRisks, S extends Entry<unknown>>(
  posts: readonly Entry<Post>[],
  source: PostSources<C, M, I, S>,
): Map<string, PostDigest<C, M, I, S>> {
  const caseIndex = indexByRisk(source.cases);
  const courseIndex = indexByRisk(source.courses);
  const indicatorIndex = indexByRisk(source.indicators);
  const caseOrder = positions(source.cases);
  const courseOrder = positions(source.courses);
  const indicatorOrder = positions(source.indicators);
  const selfCheckById = new Map(source.selfChecks.map((s) => [s.id, s]));

  const out = new Map<string, PostDigest<C, M, I, S>>();
  for (const post of posts) {
    const { tier, riskPoints, selfCheck } = post.data;
    const onRisks = onAny(caseIndex, caseOrder, riskPoints);
    const cases = [...onRisks.filter((c) => c.data.tier === tier), ...onRisks.filter((c) => c.data.tier !== tier)];
    const riskCounts = riskPoints.map((id) => ({ id, cases: caseIndex.get(id)?.length ?? 0 }));
    const modules = onAny(courseIndex, courseOrder, riskPoints);
    out.set(post.id, {
      post,
      cases,
      shownCases: postCases(cases, riskCounts),
      modules: modules.filter((m) => m.data.audiences.includes(tier)),
      otherModules: modules.filter((m) => !m.data.audiences.includes(tier)),
      indicators: onAny(indicatorIndex, indicatorOrder, riskPoints),
      selfCheck: selfCheck ? selfCheckById.get(selfCheck) : undefined,
      riskCounts,
    });
  }
  return out;
}

/** Posts grouped by family, in the families' order, each group by `order` then name. */
export function postFamilies<P extends Entry<Post>>(posts: readonly P[]): { family: keyof typeof POST_FAMILIES; label: string; posts: P[] }[] {
  return (Object.keys(POST_FAMILIES) as (keyof typeof POST_FAMILIES)[])
    .map((family) => ({
      family,
      label: POST_FAMILIES[family],
      posts: posts.filter((p) => p.data.family === family).sort((a, b) => a.data.order - b.data.order || a.data.name.localeCompare(b.data.name, 'zh-CN')),
    }))
    .filter((g) => g.posts.length > 0);
}
