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
 * results per source; the reader's choice of sources filters the merged list. A rule or risk point
 * every member republishes from the parent's export is listed once (shared-pages.ts).
 *
 * Members' narrative bundles (案情全文) are searched the same way, through narrative(): only when
 * search-page.ts would search this site's own (the combined main answer is thin), each source's
 * one narrative index through the same NarrativeSearch.search (pagefind.ts, narrative-index.ts). A member whose narrative
 * bundle fails or is late is named separately: its main results still count.
 */
import type { NarrativeSearch, Pagefind, PagefindResponse, PagefindResultData, PagefindSearchOptions } from './pagefind.ts';
import { collapseShared, SHARED_DEPTH, sharedKey } from './shared-pages.ts';

/** What search.astro writes into `data-network` (src/data/network.ts). */
export interface ClientNetwork {
  self: string;
  /** sites.yaml timeoutSeconds; MEMBER_TIMEOUT_MS when absent. */
  timeoutMs?: number;
  members: { name: string; url: string; include?: string[] }[];
}

export const SOURCE_KEY = 'source';
/** The kind of every record in a narrative bundle. */
const NARRATIVE_KIND = '案例';
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

/**
 * The status region's sentences for the sources left out: whole sites, then sites whose 案情全文
 * alone could not be searched (a site already named as down is not named twice).
 */
export function unavailableNote(names: readonly string[], narrativeNames: readonly string[] = []): string {
  const narrativeOnly = narrativeNames.filter((n) => !names.includes(n));
  return [
    names.length === 0 ? '' : `${names.join('、')}的站点暂时无法访问，本次结果不含其内容（稍后刷新页面再试）。`,
    narrativeOnly.length === 0 ? '' : `${narrativeOnly.join('、')}的案情全文暂时无法检索，本次结果不含只在其案情全文中提到的案例（稍后刷新页面再试）。`,
  ].join('');
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
  narrative?: Promise<NarrativeSearch>;
}

/** A source of the last narrative search: this site's own bundle (no member) or a member's. */
interface NarrativeSource {
  name: string;
  member?: Member;
  search: NarrativeSearch;
}

/**
 * The local Pagefind and the members' behind the one interface search-page.ts already uses.
 * `open` makes an instance of this site's runtime for a member's bundle (pagefind.ts);
 * `selected` is the reader's choice of sources (undefined: all).
 */
export class FederatedSearch implements Pagefind {
  readonly unavailable = new Set<string>();
  /** Members whose narrative bundle failed or was late: left out of narrative searches for the page's life. */
  readonly narrativeUnavailable = new Set<string>();
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
      // Only the search, not its first ten pages' data: ten members would read a hundred fragments
      // for the thirty merged results a reader sees. A member that answers the search but not its
      // fragments is found out when they are read (#wrap), within the same allowance.
      return await within((async () => (await this.#instance(m)).search(q, { ...o, filters }))(), this.#timeout, local);
    } catch {
      this.unavailable.add(m.name);
      return undefined;
    }
  }

  #wrap(h: Hit, source: string, base: string | undefined, q: string | null, unavailable = this.unavailable): Hit {
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
                unavailable.add(source);
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
    const merged = mergeByScore(shown.map((s) => s.response.results.map((h) => ({ score: h.score, item: this.#wrap(h, s.name, s.base, q), source: s.name, base: s.base }))));
    const results = shown.length > 1 ? await this.#collapse(merged) : merged.map((m) => m.item);
    return {
      results,
      filters: { ...mergeCounts(shown.map((s) => s.response.filters)), [SOURCE_KEY]: counts },
      totalFilters: mergeCounts(sources.map((s) => s.response.totalFilters)),
    };
  }

  /**
   * Shared rules and risk points once (shared-pages.ts). The data of the first SHARED_DEPTH is read
   * here, the pages search-page.ts reads next anyway (#wrap keeps each promise, so nothing is
   * fetched twice); a member too slow to answer keeps its copy, labelled and linking to it.
   */
  async #collapse(merged: readonly { item: Hit; source: string; base?: string | undefined }[]): Promise<Hit[]> {
    const head = merged.slice(0, SHARED_DEPTH);
    const data = await Promise.all(head.map((m) => m.item.data().catch(() => undefined)));
    const keyed = merged.map((m, i) => {
      const d = data[i];
      return { item: m.item, source: m.source, key: d ? sharedKey(d, m.base) : undefined };
    });
    return collapseShared(keyed, this.network.self);
  }

  /**
   * This site's narrative bundle and the members', as one NarrativeSearch for search-page.ts:
   * `local` is pagefind.ts loadNarrative, `open` opens a member's narrative bundle from its main
   * bundle's base path (openMemberNarrative). Nothing is opened until the page asks for narratives.
   */
  narrative(local: () => Promise<NarrativeSearch | undefined>, open: (basePath: string) => Promise<NarrativeSearch>): NarrativeSearch {
    return {
      search: async (q, o = {}) => {
        const chosen = this.#selected();
        const mine = this.allowsSelf() ? local().then(async (search) => (search ? { search, response: await search.search(q, o) } : undefined)) : Promise.resolve(undefined);
        const asked = this.#members.filter((m) => !chosen || chosen.includes(m.name));
        const [own, ...theirs] = await Promise.all([mine, ...asked.map((m) => this.#memberNarrative(m, q, o, open, mine))]);
        const answered: (NarrativeSource & { response: PagefindResponse })[] = [...(own ? [{ name: this.network.self, ...own }] : []), ...asked.flatMap((m, i) => (theirs[i] ? [{ name: m.name, member: m, ...theirs[i] }] : []))];
        return {
          results: mergeByScore(answered.map((s) => s.response.results.map((h) => this.#wrap(h, s.name, s.member?.url, q, this.narrativeUnavailable)))),
          filters: mergeCounts(answered.map((s) => s.response.filters)),
          totalFilters: mergeCounts(answered.map((s) => s.response.totalFilters)),
        };
      },
    };
  }

  /** A member's narrative answer, or undefined (and the member named) when it fails or is late. */
  async #memberNarrative(m: Member, q: string, o: PagefindSearchOptions, open: (basePath: string) => Promise<NarrativeSearch>, local: Promise<unknown>): Promise<{ search: NarrativeSearch; response: PagefindResponse } | undefined> {
    // The narrative bundle holds cases only: a member that contributes none is not opened.
    const filters = m.include && !m.include.includes(NARRATIVE_KIND) ? undefined : memberFilters(o.filters ?? {}, m.include);
    if (!filters || this.unavailable.has(m.name) || this.narrativeUnavailable.has(m.name)) return undefined;
    try {
      return await within(
        (async () => {
          const search = await (m.narrative ??= open(new URL('pagefind/', m.url).href));
          const response = await search.search(q, { ...o, filters });
          // As for the main bundle: the first page's fragments are read within the time allowed.
          await Promise.all(response.results.slice(0, 10).map((h) => h.data()));
          return { search, response };
        })(),
        this.#timeout,
        local,
      );
    } catch {
      this.narrativeUnavailable.add(m.name);
      return undefined;
    }
  }
}
