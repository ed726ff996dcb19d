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
