/**
 * The benchmark's linearity check (issue 21), from the side of whoever runs `npm run bench`: a
 * library whose build time per case stays flat passes; one whose largest size costs more per case
 * than 1.3× the 10,000-case figure fails, and the message names the step and both figures.
 */
import { describe, expect, it } from 'vitest';
import { checkLinearity, perCaseMs } from '../../src/bench/linearity.ts';
import type { SizeResult, Step } from '../../src/bench/run.ts';

const step = (seconds: number, status: Step['status'] = 'ok'): Step => ({ status, exitCode: status === 'ok' ? 0 : 1, seconds, peakMemoryBytes: 1e9, sampled: { processBytes: 1e9, totalBytes: 1e9 }, loadAverage: 1 });

const size = (cases: number, build: number, index: number, indexStatus: Step['status'] = 'ok'): SizeResult => ({
  cases,
  status: 'ok',
  problems: [],
  corpus: { cases, courses: 0, culture: 0, generateSeconds: 0 },
  build: step(build),
  index: step(index, indexStatus),
});

describe('the benchmark proves the build linear', () => {
  it('reports milliseconds per case for build, index and both', () => {
    expect(perCaseMs(size(10_000, 67, 33))).toEqual({ build: 6.7, index: 3.3, total: 10 });
  });

  it('passes when 20,000 cases cost about as much per case as 10,000 (1,000 carries the fixed start-up cost)', () => {
    const v = checkLinearity([size(1_000, 12, 5), size(10_000, 67, 33), size(20_000, 150, 70)]);
    expect(v.pass).toBe(true);
    expect(v.largest).toBe(20_000);
    expect(v.message).toMatch(/线性检查通过/);
  });

  it('fails when the build at 20,000 costs more than 1.3× per case, naming the step and both figures', () => {
    // 492 s at 20,000 against 67 s at 10,000: the quadratic previous/next lookup issue 21 found.
    const v = checkLinearity([size(1_000, 12, 5), size(10_000, 67, 33), size(20_000, 492, 70)]);
    expect(v.pass).toBe(false);
    expect(v.message).toContain('astro build每案例 24.60 毫秒（20,000 个案例）是 10,000 个案例时 6.70 毫秒的 3.67 倍');
    expect(v.message).toContain('超过允许的 1.3 倍');
    expect(v.message).not.toContain('搜索索引（主索引 + 案情全文）每案例');
  });

  it('compares the largest size measured, 50,000 when --large was given', () => {
    const v = checkLinearity([size(10_000, 67, 33), size(20_000, 140, 66), size(50_000, 350, 250)]);
    expect(v.largest).toBe(50_000);
    expect(v.pass).toBe(false);
    expect(v.message).toMatch(/搜索索引.*50,000 个案例/);
  });

  it('fails when the largest size did not finish indexing, rather than passing on the build alone', () => {
    const v = checkLinearity([size(10_000, 67, 33), size(20_000, 140, 900, 'timeout')]);
    expect(v.pass).toBe(false);
    expect(v.message).toMatch(/搜索索引.*没有完成/);
  });

  it('says it was not checked when only one size, or nothing above 10,000, was measured', () => {
    expect(checkLinearity([size(20_000, 140, 66)]).pass).toBeUndefined();
    const v = checkLinearity([size(1_000, 12, 5), size(10_000, 67, 33)]);
    expect(v.pass).toBeUndefined();
    expect(v.message).toMatch(/未检查/);
  });
});
