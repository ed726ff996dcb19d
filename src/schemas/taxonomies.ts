import { z } from './messages.ts';
import { id, nonEmpty, ref } from './fragments.ts';

const term = {
  id: id(),
  name: nonEmpty(),
  description: nonEmpty(4),
};

export const sectorSchema = z.strictObject({ ...term, order: z.number().int().default(100) });

export const powerStageSchema = z.strictObject({ ...term, id: z.enum(['decision', 'execution', 'supervision']) });

export const audienceSchema = z.strictObject({
  ...term,
  id: z.enum(['leader', 'key-post', 'staff', 'trainer', 'public']),
  /** A tier is an audience that a case's offender can belong to and a module can be written for. */
  tier: z.boolean(),
  focus: nonEmpty(),
});
export type AudienceId = z.infer<typeof audienceSchema>['id'];

export const violationTypeSchema = z.strictObject({
  ...term,
  /** Where the conduct is defined: 党纪 (party discipline), 政务 (public office), or 刑事 (criminal). */
  layer: z.enum(['party', 'government', 'criminal']),
});

export const riskPointSchema = z.strictObject({
  ...term,
  /** `/risks/all/` is the all-years risk map, so no risk point may take that id. */
  id: id().refine((v) => v !== 'all', { error: 'id“all”已用于全部年份的风险地图（/risks/all/），请换一个 id' }),
  sector: ref('sectors'),
  stage: ref('powerStages'),
  forms: z.array(nonEmpty()).min(2),
});

export const actorSchema = z.strictObject({
  ...term,
  category: z.enum(['core', 'implementing', 'partner', 'grassroots']),
  duties: z.array(nonEmpty()).min(1),
});

/** The vertical chain of the prevention network, top to bottom in file order. */
/** `order` counts from the top; Astro does not keep a file's list order. */
export const networkLevelSchema = z.strictObject({ ...term, order: z.number().int(), role: nonEmpty(1), duties: z.array(nonEmpty()).min(1) });

/** A horizontal link between the discipline-inspection hub and one department. */
export const networkLinkSchema = z.strictObject({ id: id(), name: nonEmpty(), order: z.number().int().default(100), shares: nonEmpty(4), receives: nonEmpty(4) });

export const practiceSchema = z.strictObject({ ...term, order: z.number().int().default(100), frequency: nonEmpty(2), document: ref('documents').optional() });

/**
 * Search vocabulary: the forms in one group find each other (受贿 ↔ 收受贿赂). The indexer adds
 * a page's missing forms to the text it indexes, so no query needs rewriting.
 */
export const synonymSchema = z.strictObject({ id: id(), terms: z.array(nonEmpty()).min(2) });

/** How the 「我的岗位」 pages group posts, in this order. */
export const POST_FAMILIES = {
  leadership: '领导干部',
  grassroots: '基层干部',
  'key-post': '关键岗位',
  soe: '国有企业',
} as const;
export const POST_LEVELS = {
  county: '县级',
  township: '乡镇（街道）',
  village: '村（社区）',
  unit: '各级机关和事业单位',
  enterprise: '国有企业',
} as const;
const keysOf = <T extends object>(o: T) => Object.keys(o) as [Extract<keyof T, string>, ...Extract<keyof T, string>[]];

/**
 * A post a reader holds (县直部门负责人, 财务人员 …): the risk points it sits on, the case tier it
 * belongs to and its self-check list. Cases, modules and indicators are derived from these
 * (lib/posts.ts), so no case file has to name a post.
 */
export const postSchema = z.strictObject({
  ...term,
  order: z.number().int().default(100),
  family: z.enum(keysOf(POST_FAMILIES)),
  level: z.enum(keysOf(POST_LEVELS)),
  /** The case tier the post belongs to: one of the audiences that are tiers. */
  tier: z.enum(['leader', 'key-post', 'staff']),
  riskPoints: z.array(ref('riskPoints')).min(1),
  selfCheck: ref('selfChecks').optional(),
});

/**
 * A member unit (成员单位) of the 共建共享 platform: who contributes cases, modules, culture and
 * rules. Generic and anonymised (某县纪委监委), never a real institution. `level` is a rung of the
 * network's vertical chain and `kind` one of the prevention actors, so a unit sits in the same
 * map the /network/ page draws.
 */
export const unitSchema = z.strictObject({
  ...term,
  level: ref('networkLevels'),
  kind: ref('actors'),
  /** The unit it belongs to (a 宣传部 to its 纪委监委); loops are reported by lib/graph-checks.ts. */
  parent: ref('units').optional(),
});
