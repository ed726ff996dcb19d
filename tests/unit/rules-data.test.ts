/** Deadlines as a reader sees them: 「3个工作日内」 for a limit, 「1个月后」 for a wait such as 回头看. */
import { describe, expect, it } from 'vitest';
import { stepLimit, timelineSteps } from '../../src/lib/rules-data.ts';
import type { DocumentData } from '../../src/schemas/document.ts';

type Step = DocumentData['timeline'][number];
const step = (over: Partial<Step>): Step => ({ step: '某一步', actor: '某单位', within: 3, unit: 'working-days', relation: 'within', ...over });

describe('a timeline step', () => {
  it('says 内 for a limit and 后 for a wait', () => {
    expect(stepLimit(step({}))).toBe('3个工作日内');
    expect(stepLimit(step({ within: 1, unit: 'months', relation: 'after' }))).toBe('1个月后');
    expect(stepLimit(step({ within: 0 }))).toBe('即时');
  });

  it('names the event it counts from', () => {
    expect(stepLimit(step({ within: 1, unit: 'months', relation: 'after', from: '处置完毕' }))).toBe('处置完毕1个月后');
    expect(stepLimit(step({ within: 5, from: '回头看结束' }))).toBe('回头看结束后5个工作日内');
  });
});

describe('the whole timeline', () => {
  it('adds up a chain of limits, and stops adding at a step that waits', () => {
    const steps = timelineSteps([
      step({ within: 0 }),
      step({ within: 3 }),
      step({ within: 15 }),
      step({ within: 1, unit: 'months', relation: 'after', from: '线索处置完毕' }),
      step({ within: 5 }),
    ]);
    expect(steps.map((s) => [s.limit, s.cumulative])).toEqual([
      ['即时', undefined],
      ['3个工作日内', '自发现起最迟第 3 个工作日'],
      ['15个工作日内', '自发现起最迟第 18 个工作日'],
      ['线索处置完毕1个月后', undefined],
      ['5个工作日内', undefined],
    ]);
  });
});
