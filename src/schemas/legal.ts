/**
 * The legal figures the consistency check compares cases against, kept as content so a revised
 * interpretation changes a YAML file, not code. Each crime lists its amount tiers (万元), the
 * sentence range of each tier in months, and the fine the law requires, with the articles the
 * figures come from.
 */
import { z } from './messages.ts';
import { articleRef, id, nonEmpty } from './fragments.ts';

const wan = z.number().nonnegative();

const tierSchema = z.strictObject({
  /** 数额较大、数额巨大 … as the law names the tier. */
  label: nonEmpty(2),
  /** Lowest amount of the tier, in 万元. */
  from: wan,
  /** A lower amount that reaches this tier together with a circumstance the interpretation lists. */
  circumstance: z.strictObject({ label: nonEmpty(2), from: wan }).optional(),
  /** Sentence range in months; no `max` means up to life imprisonment. 拘役 counts as under 36. */
  months: z.strictObject({ min: z.number().int().nonnegative(), max: z.number().int().positive().optional() }),
  /** Fine range in 万元; `maxTimesAmount` caps it at a multiple of the amount. */
  fine: z.strictObject({ min: wan, max: wan.optional(), maxTimesAmount: z.number().positive().optional() }).optional(),
  basis: z.array(articleRef()).min(1),
});

export const legalThresholdSchema = z
  .strictObject({
    id: id(),
    name: nonEmpty(),
    description: nonEmpty(4),
    /** The charges as a judgment names them and a case writes them in disposition.criminal.charges. */
    charges: z.array(nonEmpty(2)).min(1),
    /** For crimes whose figures depend on the use (挪用公款): the uses this row covers, as a case writes criminal.use. */
    uses: z.array(nonEmpty(2)).default([]),
    /** Tiers from the lowest amount up. */
    tiers: z.array(tierSchema).min(1),
    /** Where a figure comes from a document the site does not carry, say which. */
    sourceNote: z.string().optional(),
  })
  .superRefine((t, ctx) => {
    t.tiers.forEach((tier, i) => {
      const prev = t.tiers[i - 1];
      if (prev && tier.from <= prev.from) ctx.addIssue({ code: 'custom', path: ['tiers', i, 'from'], message: '各档数额应从低到高排列' });
      if (tier.months.max !== undefined && tier.months.max < tier.months.min) ctx.addIssue({ code: 'custom', path: ['tiers', i, 'months'], message: '刑期上限不能低于下限' });
    });
  });

export type LegalThreshold = z.infer<typeof legalThresholdSchema>;
export type LegalTier = LegalThreshold['tiers'][number];
