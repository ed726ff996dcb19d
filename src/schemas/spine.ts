/** Early-warning indicators and self-check lists: the parts of the risk spine that watch and test. */
import { z } from './messages.ts';
import { contribution, date, heading, id, nonEmpty, publishing, ref, tags } from './fragments.ts';

export const INTERVENTION_LEVELS = {
  reminder: '谈话提醒',
  rectification: '责令整改',
  'joint-investigation': '联合调查',
} as const;

export const indicatorSchema = z.strictObject({
  ...heading,
  ...contribution,
  ...publishing,
  tags,
  published: date(),
  /** What is measured, precisely enough that two analysts compute the same number. */
  definition: nonEmpty(10),
  dataSource: nonEmpty(4),
  /** An example threshold; each unit calibrates its own. */
  threshold: nonEmpty(4),
  /** Who receives the warning first, normally the unit's 预防联络员. */
  receiver: nonEmpty(2),
  /** Graded intervention: what happens at each level and when. */
  responses: z
    .array(
      z.strictObject({
        level: z.enum(Object.keys(INTERVENTION_LEVELS) as [keyof typeof INTERVENTION_LEVELS, ...(keyof typeof INTERVENTION_LEVELS)[]]),
        when: nonEmpty(4),
        action: nonEmpty(4),
      }),
    )
    .min(1),
  riskPoints: z.array(ref('riskPoints')).min(1),
  sectors: z.array(ref('sectors')).default([]),
});

export const selfCheckSchema = z
  .strictObject({
    ...heading,
    ...contribution,
    ...publishing,
    tags,
    published: date(),
    /** The post that checks itself: 财务人员, 采购人员 … */
    post: nonEmpty(2),
    audiences: z.array(ref('audiences')).min(1),
    frequency: nonEmpty(2).default('每月一次'),
    items: z
      .array(
        z.strictObject({
          /** Stable within the list: a person's ticks are stored under it. */
          id: id(),
          text: nonEmpty(8),
          riskPoints: z.array(ref('riskPoints')).min(1),
        }),
      )
      .min(6),
  })
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    s.items.forEach((item, i) => {
      if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: `自查项 id“${item.id}”重复` });
      seen.add(item.id);
    });
  });
