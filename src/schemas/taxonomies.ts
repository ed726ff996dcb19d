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
