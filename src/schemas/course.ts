import { z } from './messages.ts';
import { articleRef, contribution, date, heading, nonEmpty, publishing, ref, tags } from './fragments.ts';

export const quizQuestionSchema = z
  .strictObject({
    question: nonEmpty(6),
    type: z.enum(['single', 'multiple']),
    options: z.array(nonEmpty()).min(2).max(6),
    /** Indexes into `options`, counted from 0. */
    answer: z.array(z.number().int().nonnegative()).min(1),
    explanation: nonEmpty(6),
  })
  .superRefine((q, ctx) => {
    if (q.answer.some((i) => i >= q.options.length)) {
      ctx.addIssue({ code: 'custom', path: ['answer'], message: `答案序号超出选项范围：共 ${q.options.length} 个选项，序号从 0 起算` });
    }
    if (q.type === 'single' && q.answer.length !== 1) {
      ctx.addIssue({ code: 'custom', path: ['answer'], message: '单选题只能有一个答案' });
    }
    if (new Set(q.answer).size !== q.answer.length) {
      ctx.addIssue({ code: 'custom', path: ['answer'], message: '答案序号重复' });
    }
  });

export const exerciseSchema = z.strictObject({
  title: nonEmpty(2),
  description: nonEmpty(10),
  /** Facilitation notes, as the UNODC modules give them. */
  classSize: nonEmpty(2),
  timing: z.enum(['before-class', 'in-class']),
  minutes: z.number().int().positive(),
  largeGroupVariant: nonEmpty(6),
});

export const courseSchema = z
  .strictObject({
    ...heading,
    ...contribution,
    ...publishing,
    tags,
    published: date(),
    audiences: z.array(ref('audiences')).min(1),
    outcomes: z.array(nonEmpty(6)).min(2),
    durationMinutes: z.number().int().positive(),
    /** 学时 as the unit's training record counts them. */
    creditHours: z.number().positive().multipleOf(0.5),
    prerequisites: z.array(ref('courses')).default([]),
    riskPoints: z.array(ref('riskPoints')).default([]),
    cases: z.array(ref('cases')).default([]),
    articles: z.array(articleRef()).default([]),
    schedule: z
      .array(z.strictObject({ segment: nonEmpty(2), minutes: z.number().int().positive(), activity: nonEmpty(4) }))
      .min(2),
    exercises: z.array(exerciseSchema).min(1),
    readings: z.array(z.strictObject({ title: nonEmpty(2), note: z.string().optional(), ref: articleRef().optional() })).min(1),
    questions: z.array(nonEmpty(6)).min(2),
    quiz: z.array(quizQuestionSchema).min(5).max(10),
  })
  .superRefine((m, ctx) => {
    const total = m.schedule.reduce((sum, s) => sum + s.minutes, 0);
    if (total !== m.durationMinutes) {
      ctx.addIssue({
        code: 'custom',
        path: ['schedule'],
        message: `课堂环节合计 ${total} 分钟，与 durationMinutes 的 ${m.durationMinutes} 分钟不一致`,
      });
    }
  });

export type CourseData = z.infer<typeof courseSchema>;
