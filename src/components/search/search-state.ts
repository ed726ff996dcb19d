/**
 * Search state as it lives in the URL: `/search/?q=招标&kind=案例&sector=工程建设&sort=year`.
 * Filter values are the labels the pages carry (Pagefind filters), so a URL reads as what it finds.
 * Kept pure so the page script and the tests share it.
 */
import type { PagefindResultData } from './pagefind.ts';

// `source` (来源单位, issue 20) is filtered by components/search/federation.ts, not by Pagefind.
export const FILTER_KEYS = ['kind', 'sector', 'risk', 'violation', 'tier', 'stage', 'audience', 'year', 'status', 'unit', 'source'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export const FILTER_LABELS: Record<FilterKey, string> = {
  kind: '类别',
  sector: '重点领域',
  risk: '廉政风险点',
  violation: '违纪违法类型',
  tier: '对象层级',
  stage: '权力运行环节',
  audience: '培训对象',
  year: '年份',
  status: '文件状态',
  unit: '供稿单位',
  source: '来源单位',
};

export interface SearchState {
  q: string;
  filters: Partial<Record<FilterKey, string[]>>;
  sort: 'relevance' | 'year';
}

const MAX = 60;

export function readState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: SearchState['filters'] = {};
  for (const key of FILTER_KEYS) {
    const values = [...new Set(params.getAll(key).map((v) => v.trim().slice(0, MAX)).filter(Boolean))];
    if (values.length > 0) filters[key] = values;
  }
  return { q: (params.get('q') ?? '').trim().slice(0, 200), filters, sort: params.get('sort') === 'year' ? 'year' : 'relevance' };
}

export function writeState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const key of FILTER_KEYS) for (const v of state.filters[key] ?? []) params.append(key, v);
  if (state.sort === 'year') params.set('sort', 'year');
  const s = params.toString();
  return s ? `?${s}` : '';
}

export function toggleFilter(state: SearchState, key: FilterKey, value: string): SearchState {
  const current = state.filters[key] ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  const filters = { ...state.filters };
  if (next.length > 0) filters[key] = next;
  else delete filters[key];
  return { ...state, filters };
}

/** Pagefind filters: values within one facet widen the search (any), facets narrow it (all). */
export function pagefindFilters(state: SearchState): Record<string, { any: string[] }> {
  const out: Record<string, { any: string[] }> = {};
  for (const key of FILTER_KEYS) {
    const values = state.filters[key];
    if (key !== 'source' && values && values.length > 0) out[key] = { any: values };
  }
  return out;
}

export type ExcerptPart = { text: string; mark: boolean };

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };

/**
 * Pagefind's excerpt is escaped text with `<mark>` around matches. Splitting it into parts lets the
 * page build text nodes instead of assigning HTML.
 */
export function parseExcerpt(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  const re = /<mark>([\s\S]*?)<\/mark>/g;
  let last = 0;
  const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (m) => ENTITIES[m] ?? m);
  for (let m = re.exec(excerpt); m; m = re.exec(excerpt)) {
    if (m.index > last) parts.push({ text: decode(excerpt.slice(last, m.index)), mark: false });
    parts.push({ text: decode(m[1] ?? ''), mark: true });
    last = m.index + m[0].length;
  }
  if (last < excerpt.length) parts.push({ text: decode(excerpt.slice(last)), mark: false });
  return parts;
}

/**
 * The result link, with a text fragment (`#:~:text=`) for the first marked words: the browser
 * scrolls to and highlights them on arrival, without any script on the target page.
 */
export function resultHref(url: string, excerpt: string | readonly ExcerptPart[]): string {
  const parts = typeof excerpt === 'string' ? parseExcerpt(excerpt) : excerpt;
  const first = parts.find((p) => p.mark && p.text.trim());
  if (!first) return url;
  const directive = `:~:text=${encodeURIComponent(first.text.trim())}`;
  return url.includes('#') ? `${url}${directive}` : `${url}#${directive}`;
}

/**
 * When the query names a heading with an anchor (第三百八十五条 on the criminal-law page), link to
 * that heading rather than the top of a long page.
 */
export function bestTarget(d: PagefindResultData, query: string): { url: string; excerpt: string; meta: Record<string, string | undefined> } {
  const q = query.replace(/["“”\s]/g, '');
  const sub = q.length >= 2 ? d.sub_results?.find((s) => s.url.includes('#') && s.title.replace(/\s/g, '').includes(q)) : undefined;
  if (!sub) return d;
  return { url: sub.url, excerpt: sub.excerpt, meta: { ...d.meta, title: `${d.meta['title'] ?? ''} · ${sub.title}` } };
}
