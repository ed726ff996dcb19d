import { z } from './messages.ts';
import { UNIT_KINDS } from './case.ts';
import { articleRef, contribution, date, heading, id, nonEmpty, publishing, ref, tags } from './fragments.ts';

export const DOCUMENT_LAYERS = { party: '党内法规', law: '国家法律法规', unit: '本单位制度' } as const;
export const DOCUMENT_STATUSES = { current: '现行有效', revised: '已修订', repealed: '已废止' } as const;

/** Article numbers as written in refs: 385, or 388-1 for 第三百八十八条之一. */
const articleNumber = z
  .union([z.number().int().positive(), z.string().regex(/^\d+(-\d+)?$/)])
  .transform((n) => String(n));

export const articleSchema = z.strictObject({
  n: articleNumber,
  chapter: id().optional(),
  /** A short heading an article may carry, e.g. 【受贿罪】. */
  title: z.string().optional(),
  /** The article's text: for a model text the full wording; for a law a paraphrase. */
  text: nonEmpty(6),
  /** Risk points this article governs. */
  riskPoints: z.array(ref('riskPoints')).default([]),
});

export const documentSchema = z
  .strictObject({
    ...heading,
    ...contribution,
    ...publishing,
    tags,
    shortTitle: nonEmpty(2).max(20),
    layer: z.enum(Object.keys(DOCUMENT_LAYERS) as [keyof typeof DOCUMENT_LAYERS, ...(keyof typeof DOCUMENT_LAYERS)[]]),
    issuer: nonEmpty(2),
    docNumber: z.string().optional(),
    effective: date(),
    status: z.enum(Object.keys(DOCUMENT_STATUSES) as [keyof typeof DOCUMENT_STATUSES, ...(keyof typeof DOCUMENT_STATUSES)[]]),
    /** A version chain: this entry replaces that one. The inverse (superseded by) is derived. */
    supersedes: ref('documents').optional(),
    /** Versions of one rule share a family id, e.g. party-discipline-regulations. */
    family: id().optional(),
    versionLabel: z.string().optional(),
    lastReviewed: date().optional(),
    reviewIntervalMonths: z.number().int().positive().default(6),
    /** 示范文本: a model text for a unit to adapt, not an issued rule. */
    model: z.boolean().default(false),
    /** For unit rules and model texts: the kinds of unit the rule is written for; a case may only link a rule that fits its unit. */
    appliesTo: z.array(z.enum(Object.keys(UNIT_KINDS) as [keyof typeof UNIT_KINDS, ...(keyof typeof UNIT_KINDS)[]])).default([]),
    /** Which date picks the version a case must cite: the conduct (substantive rules) or the decision (procedural law such as the 监察法). */
    governs: z.enum(['conduct', 'decision']).default('conduct'),
    /** For paraphrased national texts: the note that the official text prevails. */
    paraphrased: z.boolean().default(false),
    chapters: z.array(z.strictObject({ id: id(), title: nonEmpty(2) })).default([]),
    articles: z.array(articleSchema).default([]),
    /**
     * True when `articles` holds every article of this version. Without it the site only knows the
     * articles entered so far, so a comparison never reads a missing article as deleted or new.
     */
    articlesComplete: z.boolean().default(false),
    /**
     * Article numbers of the previous version that this version repeals (删除): the only source of
     * 「删除」. A later article may reuse the number after renumbering; it is then shown beside it.
     */
    repealedArticles: z.array(articleNumber).default([]),
    riskPoints: z.array(ref('riskPoints')).default([]),
    /** Documents this one rests on. */
    basis: z.array(articleRef()).default([]),
    /** Responsibility list: who leads, carries out or is consulted for each duty. */
    responsibilities: z
      .array(
        z.strictObject({
          duty: nonEmpty(4),
          lead: z.array(ref('actors')).min(1),
          execute: z.array(ref('actors')).default([]),
          consult: z.array(ref('actors')).default([]),
          article: z.string().optional(),
        }),
      )
      .default([]),
    /** Deadlines as a timeline from one event to the next. */
    timeline: z
      .array(
        z.strictObject({
          step: nonEmpty(2),
          actor: nonEmpty(2),
          within: z.number().int().nonnegative(),
          unit: z.enum(['working-days', 'days', 'months']),
          /** `within`: no later than (3个工作日内); `after`: not before (1个月后, as for 回头看). */
          relation: z.enum(['within', 'after']).default('within'),
          /** The event the limit counts from when it is not the previous step, e.g. 首次回头看. */
          from: nonEmpty(2).optional(),
          article: z.string().optional(),
        }),
      )
      .default([]),
    /** Graded responses: situation → measure → who acts → follow-up. */
    steps: z
      .array(z.strictObject({ situation: nonEmpty(4), measure: nonEmpty(2), actor: nonEmpty(2), followUp: nonEmpty(2), article: z.string().optional() }))
      .default([]),
  })
  .superRefine((d, ctx) => {
    const seen = new Set<string>();
    const chapterIds = new Set(d.chapters.map((c) => c.id));
    d.articles.forEach((a, i) => {
      if (seen.has(a.n)) ctx.addIssue({ code: 'custom', path: ['articles', i, 'n'], message: `条号 ${a.n} 重复` });
      seen.add(a.n);
      if (a.chapter && !chapterIds.has(a.chapter)) {
        ctx.addIssue({ code: 'custom', path: ['articles', i, 'chapter'], message: `章“${a.chapter}”未在 chapters 中定义` });
      }
    });
    for (const key of ['responsibilities', 'timeline', 'steps'] as const) {
      d[key].forEach((row, i) => {
        if (row.article && !seen.has(row.article)) {
          ctx.addIssue({ code: 'custom', path: [key, i, 'article'], message: `本文件中没有第 ${row.article} 条` });
        }
      });
    }
  });

export type DocumentData = z.infer<typeof documentSchema>;
export type ArticleData = DocumentData['articles'][number];
