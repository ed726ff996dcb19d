/**
 * The one way page scripts reach Pagefind: loads its runtime on first use (never before a person
 * searches or filters) and merges every index shard written by src/cli/index-search.ts. Cases'
 * narratives are an index of their own (narrative-index.ts), opened by loadNarrative() only when a
 * search needs it: a common query never downloads it.
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

/** The runtime module: the default instance, and separate instances for other bundles. */
interface PagefindModule extends Pagefind {
  createInstance(o: { basePath: string; noWorker?: boolean }): Pagefind;
}

interface ShardManifest {
  shards: string[];
  /** The narrative index's folder (lib/pair-index.ts); absent for a site without one. */
  narrative?: string;
}

/** The manifest as fetched, before it is checked. */
type RawManifest = Partial<Record<keyof ShardManifest, unknown>>;

const readShards = (p: RawManifest): ShardManifest => ({
  shards: Array.isArray(p.shards) ? p.shards.filter((s): s is string => typeof s === 'string') : [],
  // An older member lists Pagefind narrative folders (an array): it has no index this reader reads.
  ...(typeof p.narrative === 'string' ? { narrative: p.narrative } : {}),
});

let manifest: Promise<ShardManifest> | undefined;
const readManifest = () =>
  (manifest ??= fetch('/pagefind/lianjian-shards.json')
    .then((r): Promise<RawManifest> | RawManifest => (r.ok ? (r.json() as Promise<RawManifest>) : {}))
    .then(readShards));

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
 * The narrative index (基本案情 … 讨论题 of every case, components/search/narrative-index.ts), searched
 * only when the main bundle's answer is thin: a common query never downloads it. A member site's
 * narratives (issue 20) are the same object over the member's index, so whatever search() does to a
 * query applies to both. One index covers every case, so a narrative answer is never partial.
 */
export interface NarrativeSearch {
  /** The one way a narrative query is run, for this site's index and every member's alike. */
  search(q: string, o?: PagefindSearchOptions): Promise<PagefindResponse>;
}

/**
 * The narrative index's reader, a chunk of its own: loaded only when a search needs narratives, and
 * never by the pages that use this module for the main bundle alone (the case list's filter).
 */
const narrativeReader = () => import('./narrative-index.ts');

/** This site's narrative index, or undefined for a site without one. */
export function loadNarrative(): Promise<NarrativeSearch | undefined> {
  narrativeLoading ??= readManifest().then(async ({ narrative }) => (narrative ? (await narrativeReader()).openNarrativeIndex(narrative) : undefined));
  return narrativeLoading;
}

/** A member's shard manifest, fetched once for its main and its narrative bundle alike. */
const memberManifests = new Map<string, Promise<ShardManifest>>();
function memberManifest(basePath: string): Promise<ShardManifest> {
  let m = memberManifests.get(basePath);
  if (!m) {
    // A member without the manifest (an older build) has one main bundle and no narrative one.
    m = fetch(new URL('lianjian-shards.json', basePath))
      .then((r): Promise<RawManifest> | RawManifest => (r.ok ? (r.json() as Promise<RawManifest>) : {}))
      .then(readShards);
    memberManifests.set(basePath, m);
    // A failed fetch is not remembered: the member is left out by federation.ts, not this cache.
    m.catch(() => memberManifests.delete(basePath));
  }
  return m;
}

/**
 * Opens instances with `create` only once `warmUp` has settled, and runs `warmUp` once. Pagefind's
 * WebAssembly glue is one per thread, and its init checks whether a module is loaded before
 * awaiting the load: members opened at once each load one, the last to finish replaces the module
 * the others had already set up their index in, and their searches trap (RuntimeError: memory
 * access out of bounds, or unreachable). Measured with ten members of 10,000 cases: two to seven
 * of nine were reported unavailable on each query while every server answered. Loading the glue
 * once first makes every member's init find it loaded.
 */
export function afterWarmUp<T>(warmUp: () => Promise<unknown>, create: (basePath: string) => T | Promise<T>): (basePath: string) => Promise<T> {
  let warm: Promise<unknown> | undefined;
  return async (basePath) => {
    // Settled either way: should this site's own bundle fail, its search fails too, and the members still get their chance.
    await (warm ??= warmUp().catch(() => undefined));
    return create(basePath);
  };
}

/**
 * On the main thread, not in the shared worker the local index runs in: a member's broken or
 * stalled bundle then cannot hold up or disturb the local search's worker. The main thread's glue
 * is loaded from this site's own bundle (same origin, there whenever search is), through an
 * instance whose ranking option waits until its WebAssembly is loaded.
 */
const memberInstance = afterWarmUp(
  async () => {
    const pf = (await loadPagefind()) as PagefindModule;
    await pf.createInstance({ basePath: '/pagefind/', noWorker: true }).options({ ranking: RANKING });
  },
  async (basePath): Promise<Pagefind> => ((await loadPagefind()) as PagefindModule).createInstance({ basePath, noWorker: true }),
);

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
 * A member's narrative index (`basePath` is its main bundle's), opened only when a search on this
 * site needs narratives; the manifest is the one its main bundle already fetched. Its files are
 * fetched cross-origin (the member's CORS headers cover /narrative/, lib/federation.ts).
 * Rejects when the member lists no narrative index: the reader is told its narratives were not searched.
 */
export async function openMemberNarrative(basePath: string): Promise<NarrativeSearch> {
  const { narrative } = await memberManifest(basePath);
  if (!narrative) throw new Error(`${basePath}: no narrative index`);
  return (await narrativeReader()).openNarrativeIndex(new URL(narrative, basePath).href);
}
