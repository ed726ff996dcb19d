/**
 * Small schema fragments shared by every collection. Cross-entry references are plain id strings
 * registered in `refTargets`, so one walker (lib/references.ts) finds every reference in any entry
 * without a hand-kept list of reference fields.
 */
import { idProblem } from '../lib/content-errors.ts';
import { z } from './messages.ts';

export const collectionNames = {
  cases: '警示案例',
  courses: '培训模块',
  culture: '廉洁文化',
  documents: '制度文件',
  indicators: '预警指标',
  selfChecks: '岗位风险自查清单',
  sectors: '重点领域',
  riskPoints: '廉政风险点',
  violationTypes: '违纪违法类型',
  audiences: '对象',
  powerStages: '权力运行环节',
  actors: '预防主体',
  networkLevels: '纵向层级',
  networkLinks: '横向联动',
  practices: '实践形式',
  networkResources: '预防资源',
  preventionModes: '实施方式',
  synonyms: '同义词',
  legalThresholds: '定罪量刑标准',
  posts: '岗位',
  units: '成员单位',
} as const;
export type CollectionName = keyof typeof collectionNames;

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const id = () => z.string().regex(ID_PATTERN, { error: (issue) => idProblem(issue.input) });

export const refTargets = z.registry<{ collection: CollectionName }>();

/** A reference to an entry of another collection, by id. */
export const ref = (collection: CollectionName) => id().register(refTargets, { collection });

/**
 * A reference to a document, or to one article of it: `criminal-law`, `criminal-law#385`,
 * `criminal-law#388-1` (第三百八十八条之一).
 */
export const ARTICLE_REF_PATTERN = /^([a-z0-9]+(?:-[a-z0-9]+)*)(?:#(\d+(?:-\d+)?))?$/;
export const articleRef = () =>
  z
    .string()
    .regex(ARTICLE_REF_PATTERN, { error: '应写成“文件id”或“文件id#条号”，例如 criminal-law#385' })
    .register(refTargets, { collection: 'documents' });

export const nonEmpty = (min = 1) => z.string().trim().min(min);

/** Publishing state every entry carries: who may see it, and whether it is ready. */
export const publishing = {
  visibility: z.enum(['public', 'internal']).default('public'),
  draft: z.boolean().default(false),
  /**
   * Values the personal-data guard must accept in this entry, such as a published hotline.
   * Anything not listed here that looks like an ID number, phone, bank card or e-mail stops a public build.
   */
  allowPersonalData: z.array(z.string()).default([]),
};

export const tags = z.array(nonEmpty()).default([]);

/**
 * The member unit (成员单位, content/taxonomies/units.yaml) that contributed an entry: shown on its
 * page as 供稿单位 and used as a filter. Required, so a reviewer always knows whose material a
 * change is and no entry falls out of a unit's list unseen.
 */
export const contribution = { unit: ref('units') };

/** Where a piece of content comes from, for the reader and for the editor who checks it. */
export const source = z.strictObject({
  title: nonEmpty(),
  detail: z.string().optional(),
  url: z.url().optional(),
});

/** Title and one-line summary, shown in lists, search results and link previews. */
export const heading = {
  title: nonEmpty(2).max(60),
  summary: nonEmpty(10).max(160),
};

export const year = z.number().int().min(1949).max(2100);

/** Parses YYYY-MM-DD strictly: 2023-02-30 is an error, not 2 March. YAML may hand us a Date already. */
function toDate(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return new Date(Number.NaN);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]) ? d : new Date(Number.NaN);
}
export const date = () => z.preprocess(toDate, z.date());
