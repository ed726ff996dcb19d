/**
 * The prevention network's resources and ways of working, as data for the network page: what the
 * network runs on (人力、财力、信息、制度) and how it acts (协同联动式、风险导向式、全周期式).
 */
import { z } from './messages.ts';
import { articleRef, id, nonEmpty } from './fragments.ts';

/** A named instrument the network uses, such as the 预防人才库, with the rule that governs it. */
const instrument = z.strictObject({ name: nonEmpty(2), description: nonEmpty(10), see: z.array(articleRef()).default([]) });

/** One of the four kinds of prevention resources, with the instruments that make it flow between units. */
export const networkResourceSchema = z.strictObject({
  id: id(),
  order: z.number().int(),
  /** 人力资源, 财力资源 … */
  name: nonEmpty(2),
  /** Its part in the network, in one line (“网络的血液”里的哪一部分). */
  role: nonEmpty(4),
  description: nonEmpty(10),
  instruments: z.array(instrument).min(1),
});

/** One way prevention is carried out, with the source's worked example. */
export const preventionModeSchema = z.strictObject({
  id: id(),
  order: z.number().int(),
  /** 协同联动式预防 … */
  name: nonEmpty(4),
  /** The core move in a few words, e.g. 预防任务清单. */
  core: nonEmpty(2),
  description: nonEmpty(20),
  /** The stages a mode runs through, e.g. 事前教育、事中监督、事后整改 for 全周期式. */
  phases: z.array(z.strictObject({ name: nonEmpty(2), description: nonEmpty(10), see: z.array(articleRef()).default([]) })).default([]),
  /** An anonymised example of the mode at work. */
  example: nonEmpty(20),
  see: z.array(articleRef()).default([]),
});

/**
 * Member sites (issue 20): `network/sites.yaml` names this site and the sites it federates — their
 * search bundles are searched with its own, their published reference data (/network/export.json)
 * is read from a copy under `network/exports/`. Not a collection: it describes the network the
 * site belongs to, not content it publishes.
 */
export const SITE_LEVELS = ['省', '市', '县', '企业'] as const;
/** Pagefind's kind filter values (BaseLayout's `kind`): what a member contributes to this site's search. */
export const SITE_KINDS = ['案例', '模块', '文化', '制度', '风险点', '指标', '自查'] as const;

const siteUrl = z
  .string()
  .refine((u) => /^https?:\/\/[^/?#\s]+\/$/.test(u), { error: '站点地址应写成 http(s)://主机名/ 的形式，以斜杠结尾，不带路径，例如 https://lianjian.city.example.cn/' });

export const networkSiteSchema = z.strictObject({
  id: id(),
  name: nonEmpty(2),
  level: z.enum(SITE_LEVELS),
  url: siteUrl,
  /** The kinds of pages of this member that this site's search shows; all when left out. */
  include: z.array(z.enum(SITE_KINDS)).min(1).optional(),
  /** The site whose taxonomies and documents this one must agree with (its province, for a county). */
  parent: z.boolean().default(false),
});

export const networkConfigSchema = z.strictObject({
  /** This site, as the directory and its search labels show it. */
  self: z.strictObject({ id: id(), name: nonEmpty(2), level: z.enum(SITE_LEVELS) }),
  members: z.array(networkSiteSchema).default([]),
  /**
   * How long the search waits for members once this site's own answer is ready; a member slower
   * than that is left out and named. Longer for members behind slow links.
   */
  timeoutSeconds: z.number().min(1).max(30).default(4),
});
export type NetworkSite = z.infer<typeof networkSiteSchema>;
export type NetworkConfig = z.infer<typeof networkConfigSchema>;

/** Version of the export's shape: a child refuses an export of another version instead of misreading it. */
export const EXPORT_VERSION = 1;

const count = z.number().int().min(0);
/** What every build publishes at /network/export.json, and what a child or portal reads of it. */
export const networkExportSchema = z.strictObject({
  schemaVersion: z.literal(EXPORT_VERSION),
  site: z.strictObject({ id: id(), name: nonEmpty(2), level: z.enum(SITE_LEVELS) }),
  counts: z.strictObject({ cases: count, courses: count, documents: count }),
  taxonomies: z.strictObject({
    sectors: z.array(z.strictObject({ id: id(), name: nonEmpty() })),
    riskPoints: z.array(z.strictObject({ id: id(), name: nonEmpty(), sector: id() })),
    violationTypes: z.array(z.strictObject({ id: id(), name: nonEmpty() })),
  }),
  /** Published documents with the article keys (385, 388-1) a case may cite as `id#key`. */
  documents: z.array(z.strictObject({ id: id(), title: nonEmpty(), layer: z.string(), articles: z.array(z.string()) })),
});
export type NetworkExport = z.infer<typeof networkExportSchema>;
