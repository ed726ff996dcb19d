/**
 * Searching member sites with this one (issue 20). Each member's Pagefind bundle is opened as a
 * separate instance of this site's own runtime (no member script runs here), searched beside the
 * local index, and the results merged by score as Pagefind's own mergeIndex does. Separate
 * instances, not mergeIndex: Pagefind 1.6 searches merged indexes with one Promise.all, so one
 * member down or serving a broken bundle would fail every search. Here a member that errors or
 * does not answer within MEMBER_TIMEOUT_MS of the local answer is left out for the rest of the page's life, and the
 * status region names it; the local results and the other members answer as usual.
 *
 * Every result carries its source (meta.source, the 来源单位 label) and the `source` facet counts
 * results per source; the reader's choice of sources filters the merged list.
 */
import type { Pagefind, PagefindResponse, PagefindResultData, PagefindSearchOptions } from './pagefind.ts';

/** What search.astro writes into `data-network` (src/data/network.ts). */
export interface ClientNetwork {
  self: string;
  /** sites.yaml timeoutSeconds; MEMBER_TIMEOUT_MS when absent. */
  timeoutMs?: number;
  members: { name: string; url: string; include?: string[] }[];
}

export const SOURCE_KEY = 'source';
/**
 * How long members may take once this site's own answer is ready (sites.yaml timeoutSeconds,
 * 4 by default): a member slower than that is left out, so the local answer is never held up longer. Counted from the local answer, not from
 * the keystroke, so a busy reader's machine (slow for every source alike) does not lose members.
 */
export const MEMBER_TIMEOUT_MS = 4000;

type Hit = PagefindResponse['results'][number];
type Filters = NonNullable<PagefindSearchOptions['filters']>;

/** Reads and checks `data-network`; anything malformed means no federation, never a broken page. */
export function readNetwork(attr: string | undefined): ClientNetwork | undefined {
  if (!attr) return undefined;
  try {
    const n = JSON.parse(attr) as Partial<ClientNetwork>;
    if (typeof n.self !== 'string' || !Array.isArray(n.members)) return undefined;
    const members = n.members.filter((m) => typeof m?.name === 'string' && typeof m.url === 'string' && /^https?:\/\//.test(m.url));
    return members.length > 0 ? { self: n.self, members, ...(typeof n.timeoutMs === 'number' && n.timeoutMs > 0 ? { timeoutMs: n.timeoutMs } : {}) } : undefined;
  } catch {
    return undefined;
  }
}

/** Results of several sources in one list, best score first; ties keep the sources' order. */
export function mergeByScore<T extends { score: number }>(lists: readonly (readonly T[])[]): T[] {
  return lists
    .flatMap((list, s) => list.map((item, i) => ({ item, s, i })))
    .sort((a, b) => b.item.score - a.item.score || a.s - b.s || a.i - b.i)
    .map((x) => x.item);
}

/** Facet counts of several responses added up, as Pagefind's mergeFilters does. */
export function mergeCounts(all: readonly Record<string, Record<string, number>>[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const filters of all) {
    for (const [key, values] of Object.entries(filters)) {
      const into = (out[key] ??= {});
      for (const [v, n] of Object.entries(values)) into[v] = (into[v] ?? 0) + n;
    }
  }
  return out;
}

/**
 * A member's filters: the reader's, narrowed to the kinds the member contributes. Undefined when
 * the reader's kind filter and the member's kinds have nothing in common: the member is not asked.
 */
export function memberFilters(filters: Filters, include: readonly string[] | undefined): Filters | undefined {
  if (!include) return filters;
  const kind = filters['kind'];
  const wanted = kind === undefined ? undefined : typeof kind === 'string' ? [kind] : Array.isArray(kind) ? kind : kind.any;
  const kinds = wanted ? include.filter((k) => wanted.includes(k)) : [...include];
  return kinds.length > 0 ? { ...filters, kind: { any: kinds } } : undefined;
}

/** A member's result with addresses on the member's site and its source named. */
export function relabel(d: PagefindResultData, source: string, base?: string): PagefindResultData {
  const abs = (u: string) => (base ? new URL(u, base).href : u);
  return { ...d, url: abs(d.url), meta: { ...d.meta, source }, ...(d.sub_results ? { sub_results: d.sub_results.map((s) => ({ ...s, url: abs(s.url) })) } : {}) };
}

/** The status region's sentence for the sources left out. */
export function unavailableNote(names: readonly string[]): string {
  return names.length === 0 ? '' : `${names.join('、')}的站点暂时无法访问，本次结果不含其内容（稍后刷新页面再试）。`;
}

/** `p`, or a rejection `ms` after `start` settles (immediately counting when no start is given). */
function within<T>(p: Promise<T>, ms: number, start: Promise<unknown> = Promise.resolve()): Promise<T> {
  return new Promise((resolve, reject) => {
    let t: ReturnType<typeof setTimeout> | undefined;
    let settled = false;
    const arm = () => {
      if (!settled) t = setTimeout(() => reject(new Error('timeout')), ms);
    };
    start.then(arm, arm);
    p.then(
      (v) => {
        settled = true;
        clearTimeout(t);
        resolve(v);
      },
      (e: unknown) => {
        settled = true;
        clearTimeout(t);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

interface Member {
  name: string;
  url: string;
  include?: string[] | undefined;
  instance?: Promise<Pagefind>;
}

/**
 * The local Pagefind and the members' behind the one interface search-page.ts already uses.
 * `open` makes an instance of this site's runtime for a member's bundle (pagefind.ts);
 * `selected` is the reader's choice of sources (undefined: all).
 */
export class FederatedSearch implements Pagefind {
  readonly unavailable = new Set<string>();
  readonly network: ClientNetwork;
  readonly #members: Member[];
  readonly #local: Pagefind;
  readonly #open: (basePath: string) => Promise<Pagefind>;
  readonly #selected: () => readonly string[] | undefined;
  readonly #timeout: number;

  constructor(local: Pagefind, network: ClientNetwork, open: (basePath: string) => Promise<Pagefind>, selected: () => readonly string[] | undefined, timeout = network.timeoutMs ?? MEMBER_TIMEOUT_MS) {
    this.#local = local;
    this.network = network;
    this.#open = open;
    this.#selected = selected;
    this.#timeout = timeout;
    this.#members = network.members.map((m) => ({ ...m }));
  }

  /** Whether the reader's source filter lets this site's own results through. */
  allowsSelf(): boolean {
    const s = this.#selected();
    return !s || s.includes(this.network.self);
  }

  options(o: Record<string, unknown>): Promise<void> {
    return this.#local.options(o);
  }

  mergeIndex(url: string, o?: Record<string, unknown>): Promise<void> {
    return this.#local.mergeIndex(url, o);
  }

  filters(): Promise<Record<string, Record<string, number>>> {
    return this.#local.filters();
  }

  async debouncedSearch(q: string | null, o?: PagefindSearchOptions, ms = 300): Promise<PagefindResponse | null> {
    await new Promise((r) => setTimeout(r, ms));
    return this.search(q, o);
  }

  /** The member's bundle, opened once (with its extra shards: pagefind.ts openMemberBundle). */
  #instance(m: Member): Promise<Pagefind> {
    m.instance ??= this.#open(new URL('pagefind/', m.url).href).then(async (pf) => {
      await pf.options({ excerptLength: 36 });
      return pf;
    });
    return m.instance;
  }

  async #memberSearch(m: Member, q: string | null, o: PagefindSearchOptions, local: Promise<unknown>): Promise<PagefindResponse | undefined> {
    const filters = memberFilters(o.filters ?? {}, m.include);
    if (!filters || this.unavailable.has(m.name)) return undefined;
    try {
      const response = await within(
        (async () => {
          const r = await (await this.#instance(m)).search(q, { ...o, filters });
          // The first page's data is read now, within the time allowed: a member that answers the
          // search but not its fragments is found out here, not when its results are drawn.
          await Promise.all(r.results.slice(0, 10).map((h) => h.data()));
          return r;
        })(),
        this.#timeout,
        local,
      );
      return response;
    } catch {
      this.unavailable.add(m.name);
      return undefined;
    }
  }

  #wrap(h: Hit, source: string, base: string | undefined, q: string | null): Hit {
    let data: Promise<PagefindResultData> | undefined;
    const fallback = (): PagefindResultData => ({ url: new URL(`search/?q=${encodeURIComponent(q ?? '')}`, base).href, excerpt: '', meta: { title: `在${source}的站点上查看这一结果`, source } });
    return {
      id: `${source}\u0000${h.id}`,
      score: h.score,
      data: () =>
        (data ??= base
          ? within(h.data(), this.#timeout).then(
              (d) => relabel(d, source, base),
              () => {
                this.unavailable.add(source);
                return fallback();
              },
            )
          : h.data().then((d) => relabel(d, source))),
    };
  }

  async search(q: string | null, o: PagefindSearchOptions = {}): Promise<PagefindResponse> {
    const asked = this.#local.search(q, o);
    const [local, ...members] = await Promise.all([asked, ...this.#members.map((m) => this.#memberSearch(m, q, o, asked))]);
    const sources: { name: string; base?: string; response: PagefindResponse }[] = [{ name: this.network.self, response: local }];
    this.#members.forEach((m, i) => {
      const response = members[i];
      if (response) sources.push({ name: m.name, base: m.url, response });
    });
    const counts = Object.fromEntries(sources.map((s) => [s.name, s.response.results.length]));
    const chosen = this.#selected();
    const shown = sources.filter((s) => !chosen || chosen.includes(s.name));
    const results = mergeByScore(shown.map((s) => s.response.results.map((h) => this.#wrap(h, s.name, s.base, q))));
    return {
      results,
      filters: { ...mergeCounts(shown.map((s) => s.response.filters)), [SOURCE_KEY]: counts },
      totalFilters: mergeCounts(sources.map((s) => s.response.totalFilters)),
    };
  }
}
