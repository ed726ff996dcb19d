/**
 * The federated benchmark (issue 20) before the lead leaves it running unattended: what it says a
 * run will take, and how it counts a query's bytes across every member's server.
 */
import { describe, expect, it } from 'vitest';
import { estimateMinutes, FEDERATED_QUERIES, queryBytes, SINGLE_LIMIT } from '../../src/bench/federated.ts';
import { DETAIL_QUERIES } from '../../src/bench/run.ts';

describe('npm run bench:federated', () => {
  it('asks the portal the detail queries told only in narratives', () => {
    for (const q of DETAIL_QUERIES) expect(FEDERATED_QUERIES).toContain(q);
  });

  it('counts a query at every server, with the narrative indexes apart', () => {
    const served = [
      { path: '/search/', bytes: 18_000 },
      { path: '/pagefind/pagefind.js', bytes: 12_000 },
      { path: '/narrative/index.json', bytes: 200 },
      { path: '/narrative/p/1234.bin', bytes: 20_000 },
      // The search page asked again: a 304, no body.
      { path: '/search/', bytes: 0 },
      { path: '/pagefind-1/pf_meta', bytes: 5_000 },
    ];
    expect(queryBytes(served)).toEqual({ bytes: 55_200, narrativeBytes: 20_200, requests: 6 });
  });

  it('estimates 10 sites × 10,000 cases from the committed single-site figure, with no single site past the limit', () => {
    // 10,000 cases built and indexed in 680 s (tests/bench/results.json, 2026-11-29, load 4–6).
    const reference = { cases: 10_000, seconds: 680 };
    const full = estimateMinutes(10, 10_000, reference);
    expect(10 * 10_000).toBeGreaterThan(SINGLE_LIMIT);
    // Ten members one after another (113 min), the corpus (3 min) and the portal's queries (5 min).
    expect(full).toBeGreaterThanOrEqual(115);
    expect(full).toBeLessThanOrEqual(125);
    // A smoke run also builds the single site of all its cases.
    expect(estimateMinutes(3, 500, reference)).toBe(Math.ceil((1_500 * 0.068 * 2 + 1_500 * 0.0016 + FEDERATED_QUERIES.length * 40) / 60));
  });
});
