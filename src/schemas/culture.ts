import { z } from './messages.ts';
import { contribution, date, heading, nonEmpty, publishing, ref, source, tags } from './fragments.ts';

export const CULTURE_CATEGORIES = {
  story: '廉洁故事',
  family: '家风家教',
  history: '历史典故',
  saying: '廉洁格言',
  artwork: '书画作品',
} as const;

/**
 * Culture items carry images through Astro's image pipeline, so the schema takes the image
 * helper from Astro's schema context; tests and `npm run check` pass a plain path checker.
 */
export const cultureSchema = <I extends z.ZodType>(image: () => I) =>
  z
    .strictObject({
      ...heading,
      ...contribution,
      ...publishing,
      tags,
      published: date(),
      category: z.enum(Object.keys(CULTURE_CATEGORIES) as [keyof typeof CULTURE_CATEGORIES, ...(keyof typeof CULTURE_CATEGORIES)[]]),
      audiences: z.array(ref('audiences')).default(['public']),
      /** For a saying: the line itself and where it comes from. */
      saying: z.strictObject({ text: nonEmpty(2), origin: nonEmpty(2) }).optional(),
      /** Where the facts come from; required for history and sayings. */
      sources: z.array(source).default([]),
      images: z.array(z.strictObject({ src: image(), alt: nonEmpty(4), caption: z.string().optional() })).default([]),
      anonymised: z.boolean().default(false),
    })
    .superRefine((c, ctx) => {
      if ((c.category === 'history' || c.category === 'saying') && c.sources.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['sources'], message: '历史典故和廉洁格言必须注明出处（sources）' });
      }
      if (c.category === 'saying' && !c.saying) {
        ctx.addIssue({ code: 'custom', path: ['saying'], message: '廉洁格言须填写 saying.text（原句）和 saying.origin（出处）' });
      }
      if (c.category === 'artwork' && c.images.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['images'], message: '书画作品至少要有一张图片' });
      }
    });


