/**
 * The benchmark's proof that the build scales linearly (issue 21): the cost per case of each step
 * at each size, and a check that fails the run when the cost per case at the largest size measured
 * exceeds 1.3× the cost at 10,000 cases. 1,000 cases is not the reference: there the fixed cost
 * (starting Astro and Vite, bundling scripts and styles) is most of the time, so any larger size
 * looks cheaper per case. A step compared with itself at 10,000 and 20,000 (or 50,000) shows a
 * quadratic step as a ratio near 2 (or 5), far above timing noise.
 */
import type { SizeResult, Step } from './run.ts';

export const LINEARITY = {
  /** The size every larger one is compared with. */
  referenceCases: 10_000,
  /** Largest allowed ratio of cost per case, largest size over reference. */
  maxRatio: 1.3,
} as const;

export const LINEAR_STEPS = ['build', 'index', 'total'] as const;
export type LinearStep = (typeof LINEAR_STEPS)[number];
export const STEP_LABELS: Record<LinearStep, string> = { build: 'astro build', index: '搜索索引（主索引 + 案情全文）', total: '构建 + 索引' };

const okSeconds = (step: Step | undefined) => (step?.status === 'ok' ? step.seconds : undefined);

/** Milliseconds per case of each step; a step that failed or was not run has none. */
export function perCaseMs(s: SizeResult): Partial<Record<LinearStep, number>> {
  const build = okSeconds(s.build);
  const index = okSeconds(s.index);
  const per = (seconds: number | undefined) => (seconds === undefined ? undefined : (seconds * 1000) / s.cases);
  const out: Partial<Record<LinearStep, number>> = {};
  const b = per(build);
  const i = per(index);
  const t = build === undefined || index === undefined ? undefined : per(build + index);
  if (b !== undefined) out.build = b;
  if (i !== undefined) out.index = i;
  if (t !== undefined) out.total = t;
  return out;
}

export interface StepRatio {
  step: LinearStep;
  referenceMs: number;
  largestMs: number;
  ratio: number;
  pass: boolean;
}

export interface LinearityVerdict {
  /** Undefined when the run holds no size to compare (no 10,000, or nothing larger). */
  pass: boolean | undefined;
  reference?: number;
  largest?: number;
  steps: StepRatio[];
  /** Why the check could not be made, or which step failed, in the words the report prints. */
  message: string;
}

const n = (x: number) => x.toLocaleString('en-US');

export function checkLinearity(sizes: readonly SizeResult[]): LinearityVerdict {
  const reference = sizes.find((s) => s.cases === LINEARITY.referenceCases);
  const largest = [...sizes].sort((a, b) => b.cases - a.cases)[0];
  if (!reference || !largest || largest.cases <= reference.cases) {
    return { pass: undefined, steps: [], message: `未检查：线性检查比较最大规模与 ${n(LINEARITY.referenceCases)} 个案例的每案例用时，本次没有同时测量这两个规模。` };
  }
  const a = perCaseMs(reference);
  const b = perCaseMs(largest);
  const steps: StepRatio[] = [];
  const missing: string[] = [];
  for (const step of LINEAR_STEPS) {
    const ra = a[step];
    const rb = b[step];
    if (ra === undefined || rb === undefined) {
      missing.push(STEP_LABELS[step]);
      continue;
    }
    const ratio = rb / ra;
    steps.push({ step, referenceMs: ra, largestMs: rb, ratio, pass: ratio <= LINEARITY.maxRatio });
  }
  const base = { reference: reference.cases, largest: largest.cases, steps };
  if (missing.length > 0) {
    return { ...base, pass: false, message: `线性检查失败：${missing.join('、')}在 ${n(reference.cases)} 或 ${n(largest.cases)} 个案例时没有完成，无法比较每案例用时。` };
  }
  const failed = steps.filter((s) => !s.pass);
  const describe = (s: StepRatio) =>
    `${STEP_LABELS[s.step]}每案例 ${s.largestMs.toFixed(2)} 毫秒（${n(largest.cases)} 个案例）是 ${n(reference.cases)} 个案例时 ${s.referenceMs.toFixed(2)} 毫秒的 ${s.ratio.toFixed(2)} 倍`;
  if (failed.length > 0) {
    return {
      ...base,
      pass: false,
      message: `线性检查失败：${failed.map(describe).join('；')}，超过允许的 ${LINEARITY.maxRatio} 倍。有一步的用时增长快于案例数，用 node --cpu-prof 剖析这一规模的构建找出它（src/bench/README.md）。`,
    };
  }
  return { ...base, pass: true, message: `线性检查通过：${steps.map(describe).join('；')}，均不超过 ${LINEARITY.maxRatio} 倍。` };
}
