/**
 * Runs the graded query set through the real search page in Chromium and reads the result list as
 * the reader sees it: each result's link target and whether it is labelled 部分匹配. Shared by
 * `npm run search:eval` and tests/browser/search-graded.test.ts.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';
import { parseGradedSet, scoreQuery, type Floors, type GradedQuery, type Persona, type QueryScore, type ShownResult } from '../lib/search-metrics.ts';

export const GRADED_FILE = 'tests/search/graded.yaml';
export const FLOORS_FILE = 'tests/search/floors.json';

export const loadGraded = (file = GRADED_FILE): GradedQuery[] => parseGradedSet(parse(readFileSync(file, 'utf8')), file);

/**
 * tests/search/floors.json: the floors the site achieves now (rounded down), overall and per
 * persona, and the targets of issue 14. A ratchet: raise a floor when the site beats it, never lower it.
 */
export type FloorFile = Record<Persona | 'overall', Floors> & { targets: Partial<Floors> };
export const loadFloors = (file = FLOORS_FILE): FloorFile => JSON.parse(readFileSync(file, 'utf8')) as FloorFile;

/** Types the query into the open search page, submits it and waits until the page is done. */
export async function shownFor(page: Page, q: string): Promise<ShownResult[]> {
  const input = page.locator('search-page input[name="q"]');
  await input.fill(q);
  await input.press('Enter');
  await page.waitForFunction(
    (typed) => {
      const el = document.querySelector('search-page');
      return !!el && !el.hasAttribute('aria-busy') && new URLSearchParams(location.search).get('q') === typed;
    },
    q,
    { timeout: 20_000 },
  );
  return page.$$eval('[data-results] > li', (items) =>
    items.map((li) => ({
      target: li.querySelector('h2 a')?.getAttribute('data-target') ?? '',
      partial: [...li.querySelectorAll('h2 .badge')].some((b) => b.textContent?.trim() === '部分匹配'),
    })),
  );
}

/** Every query, one after another on one page (Pagefind stays loaded, as for a reader). */
export async function evaluate(page: Page, queries: readonly GradedQuery[]): Promise<QueryScore[]> {
  const scores: QueryScore[] = [];
  for (const query of queries) scores.push(scoreQuery(query, await shownFor(page, query.q)));
  return scores;
}
