/**
 * The browser's reader of the narrative index (format: lib/pair-index.ts), as the NarrativeSearch of
 * pagefind.ts, for this site's index and members' alike. A query downloads the manifest once, one
 * bucket per distinct word of its pairs (cached for the page's life), a filter's file only when the
 * reader filters by it, and a case's file only when its result is shown (data()). Results are
 * shaped as Pagefind's, as far as search-page.ts and federation.ts read them.
 */
import { wordTokens } from '../../lib/bigrams.ts';
import { bucketFile, bucketOf, decodePostings, docFile, filterFile, hotFile, MANIFEST_FILE, matchWord, parseBucket, scoreMatches, type Entry, type NarrativeManifest, type Postings, type Scored } from '../../lib/pair-index.ts';
import type { NarrativeSearch, PagefindResponse, PagefindResultData, PagefindSearchOptions } from './pagefind.ts';

export type Load = (url: string) => Promise<Response>;

const ok = async (load: Load, url: string): Promise<Response> => {
  const r = await load(url);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return r;
};

/** A gzipped index file's bytes. */
async function gunzip(r: Response): Promise<Uint8Array> {
  if (!r.body) throw new Error(`${r.url}: 空响应`);
  return new Uint8Array(await new Response(r.body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
}

type FilterSpec = NonNullable<PagefindSearchOptions['filters']>[string];

/** Cases allowed by one filter (Pagefind's semantics: a value, all of an array, any of `any`). */
function allowed(byValue: Record<string, number[]>, spec: FilterSpec): Set<number> | undefined {
  const ids = (v: string) => {
    let id = 0;
    return (byValue[v] ?? []).map((d) => (id += d));
  };
  if (typeof spec === 'string') return new Set(ids(spec));
  if (Array.isArray(spec)) {
    if (spec.length === 0) return undefined;
    const [first, ...rest] = spec.map((v) => new Set(ids(v)));
    return new Set([...(first ?? [])].filter((d) => rest.every((s) => s.has(d))));
  }
  if (spec.any.length === 0) return undefined;
  return new Set(spec.any.flatMap(ids));
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Pagefind's excerpt: escaped text around the first query word, words in <mark>. */
export function excerptOf(text: string, words: readonly string[], length = 36): string {
  const hits = words.map((w) => text.indexOf(w)).filter((i) => i >= 0);
  const at = hits.length > 0 ? Math.min(...hits) : 0;
  const start = Math.max(0, at - Math.floor(length / 3));
  const slice = text.slice(start, start + length);
  const sorted = [...words].filter(Boolean).sort((a, b) => b.length - a.length);
  let out = '';
  for (let i = 0; i < slice.length; ) {
    const w = sorted.find((x) => slice.startsWith(x, i));
    if (w) {
      out += `<mark>${escapeHtml(w)}</mark>`;
      i += w.length;
    } else out += escapeHtml(slice[i++] ?? '');
  }
  return out;
}

/** The narrative index at `base` (a folder URL ending in /): one search covers every case. */
export function openNarrativeIndex(base: string, load: Load = (url) => fetch(url)): NarrativeSearch {
  const url = (path: string) => new URL(path, new URL(base, globalThis.location?.href ?? 'http://localhost/')).href;
  let manifest: Promise<NarrativeManifest> | undefined;
  const buckets = new Map<number, Promise<{ bytes: Uint8Array; words: Map<string, Entry> }>>();
  const postings = new Map<string, Promise<Postings | undefined>>();
  const filters = new Map<string, Promise<Record<string, number[]>>>();

  const readManifest = () => {
    manifest ??= ok(load, url(MANIFEST_FILE))
      .then((r) => r.json() as Promise<NarrativeManifest>)
      .then((m) => {
        if (m.format !== 1 || !(m.buckets > 0) || (m.buckets & (m.buckets - 1)) !== 0) throw new Error(`${url(MANIFEST_FILE)}: 不是可读的案情索引`);
        return m;
      });
    // A failed download is tried again by the next search, not remembered.
    manifest.catch(() => (manifest = undefined));
    return manifest;
  };

  const bucket = (b: number) => {
    let p = buckets.get(b);
    if (!p) {
      p = ok(load, url(bucketFile(b)))
        .then(gunzip)
        .then((bytes) => ({ bytes, words: parseBucket(bytes) }));
      buckets.set(b, p);
      p.catch(() => buckets.delete(b));
    }
    return p;
  };

  const wordPostings = (word: string, m: NarrativeManifest) => {
    let p = postings.get(word);
    if (!p) {
      p = bucket(bucketOf(word, m.buckets)).then(async ({ bytes, words }) => {
        const e = words.get(word);
        if (!e) return undefined;
        if (e.hot === undefined) return decodePostings(bytes, e.df, e.start, e.end);
        return decodePostings(await gunzip(await ok(load, url(hotFile(e.hot)))), e.df);
      });
      postings.set(word, p);
      p.catch(() => postings.delete(word));
    }
    return p;
  };

  const filter = (key: string) => {
    let p = filters.get(key);
    if (!p) {
      p = ok(load, url(filterFile(key))).then((r) => r.json() as Promise<Record<string, number[]>>);
      filters.set(key, p);
      p.catch(() => filters.delete(key));
    }
    return p;
  };

  const result = (s: Scored, words: readonly string[]): PagefindResponse['results'][number] => {
    let data: Promise<PagefindResultData> | undefined;
    return {
      id: `narrative:${s.doc}`,
      score: s.score,
      data: () =>
        (data ??= ok(load, url(docFile(s.doc)))
          .then((r) => r.json() as Promise<{ url: string; title: string; kind?: string; content: string }>)
          .then((d) => ({ url: d.url, content: d.content, excerpt: excerptOf(d.content, words), meta: { title: d.title, ...(d.kind ? { kind: d.kind } : {}) }, filters: {} }))),
    };
  };

  return {
    async search(q, o = {}) {
      const words = [...new Set(q.split(/\s+/).filter((w) => wordTokens(w).length > 0))];
      const empty: PagefindResponse = { results: [], filters: {}, totalFilters: {} };
      if (words.length === 0) return empty;
      const m = await readManifest();
      const keys = Object.entries(o.filters ?? {});
      const [lists, allowedSets] = await Promise.all([
        Promise.all(words.map((w) => Promise.all(wordTokens(w).map((t) => wordPostings(t, m))))),
        Promise.all(keys.map(async ([key, spec]) => (m.filters.includes(key) ? allowed(await filter(key), spec) : allowed({}, spec)))),
      ]);
      if (lists.some((l) => l.some((p) => p === undefined))) return empty;
      let scored = scoreMatches(
        lists.map((l) => matchWord(l as Postings[])),
        m.docs,
        m.avgLength,
      );
      for (const set of allowedSets) if (set) scored = scored.filter((s) => set.has(s.doc));
      const year = o.sort?.['year'];
      scored.sort((a, b) => (year ? (year === 'asc' ? a.year - b.year : b.year - a.year) : 0) || b.score - a.score || a.doc - b.doc);
      return { results: scored.map((s) => result(s, words)), filters: {}, totalFilters: {} };
    },
  };
}
