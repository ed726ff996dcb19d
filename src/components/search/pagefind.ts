/**
 * The one way page scripts reach Pagefind: loads its runtime on first use (never before a person
 * searches or filters) and merges every index shard written by src/cli/index-search.ts.
 */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  /** The page's indexed text, words split by zero-width spaces (see excerpt.ts). */
  content?: string;
  meta: Record<string, string | undefined>;
  filters?: Record<string, string[]>;
  sub_results?: { url: string; title: string; excerpt: string }[];
}

export interface PagefindResponse {
  results: { id: string; score: number; data(): Promise<PagefindResultData> }[];
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}

export interface PagefindSearchOptions {
  filters?: Record<string, string | string[] | { any: string[] }>;
  sort?: Record<string, 'asc' | 'desc'>;
}

export interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  mergeIndex(url: string, o?: Record<string, unknown>): Promise<void>;
  search(q: string | null, o?: PagefindSearchOptions): Promise<PagefindResponse>;
  debouncedSearch(q: string | null, o?: PagefindSearchOptions, ms?: number): Promise<PagefindResponse | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

let loading: Promise<Pagefind> | undefined;

export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    // Written by the indexer after Astro's build, so it is fetched at run time, not bundled.
    const path = '/pagefind/pagefind.js';
    const pf = (await import(/* @vite-ignore */ path)) as Pagefind;
    await pf.options({ excerptLength: 36 });
    const manifest = await fetch('/pagefind/lianjian-shards.json').then((r) => (r.ok ? (r.json() as Promise<{ shards: string[] }>) : { shards: [] }));
    for (const shard of manifest.shards) await pf.mergeIndex(shard);
    return pf;
  })();
  return loading;
}
