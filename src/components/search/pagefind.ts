/**
 * The one way page scripts reach Pagefind: loads its runtime on first use (never before a person
 * searches or filters) and merges every index shard written by src/cli/index-search.ts. Cases'
 * narratives are a second bundle, loaded by loadNarrative() only when a search needs it, one shard
 * at a time: a common query never downloads it.
 */
import { bigramQuery } from '../../lib/bigrams.ts';

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

/** The runtime module: the default instance, and separate instances for other bundles. */
interface PagefindModule extends Pagefind {
  createInstance(o: { basePath: string; noWorker?: boolean }): Pagefind;
}

interface ShardManifest {
  shards: string[];
  narrative: string[];
  narrativeWords?: 'pairs';
}

let manifest: Promise<ShardManifest> | undefined;
const readManifest = () =>
  (manifest ??= fetch('/pagefind/lianjian-shards.json')
    .then((r): Promise<Partial<ShardManifest>> | Partial<ShardManifest> => (r.ok ? (r.json() as Promise<Partial<ShardManifest>>) : {}))
    .then((m): ShardManifest => ({ shards: m.shards ?? [], narrative: m.narrative ?? [], ...(m.narrativeWords ? { narrativeWords: m.narrativeWords } : {}) })));

/** Pagefind's defaults are pageLength 0.75, termFrequency 1. */
const RANKING = { pageLength: 1, termFrequency: 0.5 };

let loading: Promise<PagefindModule> | undefined;
let narrativeLoading: Promise<NarrativeSearch | undefined> | undefined;

export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    // Written by the indexer after Astro's build, so it is fetched at run time, not bundled.
    const path = '/pagefind/pagefind.js';
    const pf = (await import(/* @vite-ignore */ path)) as PagefindModule;
    // Long pages (courses, rules) mention a word many times in passing; measured on the graded set
    // (npm run search:eval), damping length and repetition ranks the page about it higher.
    await pf.options({ excerptLength: 36, ranking: RANKING });
    for (const shard of (await readManifest()).shards) await pf.mergeIndex(shard);
    return pf;
  })();
  return loading;
}

/**
 * The narrative bundle (基本案情 … 讨论题 of every case), searched shard by shard: each shard a reader
 * waits for costs its metadata and one word chunk per word, so the search page widens it one
 * shard at a time until it has a page of answers (search-page.ts), and a detail told in many cases
 * downloads a quarter of the bundle, not all of it. A member site's narrative bundle (issue 20) is
 * the same object over the member's shards, so whatever search() does to a query applies to both.
 */
export interface NarrativeSearch {
  /** The one way a narrative query is run, for this site's bundle and every member's alike. */
  search(q: string, o?: PagefindSearchOptions): Promise<PagefindResponse>;
  /** Adds the next shard to the search; false when every shard is already in it. */
  widen(): Promise<boolean>;
  /** Shards searched so far, of all there are. */
  readonly searched: number;
  readonly shards: number;
}

/** A narrative bundle's shards as one search: the first opened as `pf`, the rest merged as it widens. */
async function narrativeSearch(pf: Pagefind, rest: readonly string[], words: ShardManifest['narrativeWords']): Promise<NarrativeSearch> {
  await pf.options({ excerptLength: 36, ranking: RANKING });
  const left = [...rest];
  const shards = rest.length + 1;
  return {
    shards,
    get searched() {
      return shards - left.length;
    },
    // A bundle of character pairs is asked in pairs (lib/bigrams.ts); its results are candidates
    // the search page checks against the text as written (holdsAll), as it does for every narrative result.
    search: (q, o) => pf.search(words === 'pairs' ? bigramQuery(q) : q, o),
    async widen() {
      const next = left.shift();
      if (!next) return false;
      await pf.mergeIndex(next);
      return true;
    },
  };
}

/**
 * The narrative bundle as a search of its own, so its results can be listed after those of the
 * main bundle; undefined for a site without one. It runs in the main bundle's runtime and worker,
 * already loaded, and its entry names the main bundle's wasm (index-search.ts), so nothing of the
 * runtime is downloaded twice.
 */
export function loadNarrative(): Promise<NarrativeSearch | undefined> {
  narrativeLoading ??= (async () => {
    const { narrative: bundles, narrativeWords } = await readManifest();
    const [first, ...rest] = bundles;
    if (!first) return undefined;
    const pf = (await loadPagefind()) as PagefindModule;
    return narrativeSearch(pf.createInstance({ basePath: first }), rest, narrativeWords);
  })();
  return narrativeLoading;
}

/** A member's shard manifest, fetched once for its main and its narrative bundle alike. */
const memberManifests = new Map<string, Promise<ShardManifest>>();
function memberManifest(basePath: string): Promise<ShardManifest> {
  let m = memberManifests.get(basePath);
  if (!m) {
    // A member without the manifest (an older build) has one main bundle and no narrative one.
    m = fetch(new URL('lianjian-shards.json', basePath))
      .then((r): Promise<Partial<ShardManifest>> | Partial<ShardManifest> => (r.ok ? (r.json() as Promise<Partial<ShardManifest>>) : {}))
      .then((p): ShardManifest => ({ shards: Array.isArray(p.shards) ? p.shards : [], narrative: Array.isArray(p.narrative) ? p.narrative : [], ...(p.narrativeWords === 'pairs' ? { narrativeWords: 'pairs' as const } : {}) }));
    memberManifests.set(basePath, m);
    // A failed fetch is not remembered: the member is left out by federation.ts, not this cache.
    m.catch(() => memberManifests.delete(basePath));
  }
  return m;
}

/**
 * On the main thread, not in the shared worker the local index runs in: a member's broken or
 * stalled bundle then cannot hold up or disturb the local search's worker.
 */
const memberInstance = async (basePath: string) => ((await loadPagefind()) as PagefindModule).createInstance({ basePath, noWorker: true });

/**
 * Member sites (issue 20): another site's bundle as a separate instance of this site's runtime,
 * for components/search/federation.ts. Its files are fetched (connect-src); none of its scripts run.
 */
export async function openMemberBundle(basePath: string): Promise<Pagefind> {
  const pf = await memberInstance(basePath);
  // A large member is indexed in shards too.
  for (const shard of (await memberManifest(basePath)).shards) await pf.mergeIndex(new URL(shard, basePath).href);
  return pf;
}

/**
 * A member's narrative bundle (`basePath` is its main bundle's), opened only when a search on this
 * site needs narratives; the manifest is the one its main bundle already fetched. Its entry names
 * the member's main wasm, so the runtime is not downloaded again (the repeat is answered by a 304).
 * Rejects when the member lists no narrative bundle: the reader is told its narratives were not searched.
 */
export async function openMemberNarrative(basePath: string): Promise<NarrativeSearch> {
  const [first, ...rest] = (await memberManifest(basePath)).narrative.map((dir) => new URL(dir, basePath).href);
  if (!first) throw new Error(`${basePath}: no narrative bundle`);
  const { narrativeWords } = await memberManifest(basePath);
  return narrativeSearch(await memberInstance(first), rest, narrativeWords);
}
