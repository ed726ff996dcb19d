/**
 * The committed query set (tests/search/queries.yaml) and a search that runs it in the page, through
 * every index shard merged as the search page merges them (src/components/search/pagefind.ts).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';

export interface Query {
  q: string;
  /** Every listed URL must be among the first five results. */
  top5?: string[];
  /** Must find nothing. */
  none?: boolean;
}

export const queries = parse(readFileSync('tests/search/queries.yaml', 'utf8')) as Query[];

export interface Outcome {
  /** Every result, in rank order. */
  urls: string[];
  /** Results whose indexed text holds the whole query, as typed (quotes aside), sorted. */
  whole: string[];
}

/** Runs every query on the site the page is open on. */
export async function searchAll(page: Page, qs: readonly string[]): Promise<Record<string, Outcome>> {
  // A string, not a function: vitest would rewrite a function's dynamic import() for Node.
  return (await page.evaluate(`(async (qs) => {
    const pf = await import('/pagefind/pagefind.js');
    const manifest = await fetch('/pagefind/lianjian-shards.json').then((r) => r.json());
    for (const s of manifest.shards) await pf.mergeIndex(s);
    const out = {};
    for (const q of qs) {
      const data = await Promise.all((await pf.search(q)).results.map((r) => r.data()));
      const words = q.replaceAll('"', '');
      out[q] = { urls: data.map((d) => d.url), whole: data.filter((d) => d.content.includes(words)).map((d) => d.url).sort() };
    }
    return out;
  })(${JSON.stringify(qs)})`)) as Record<string, Outcome>;
}
