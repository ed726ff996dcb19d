/**
 * Search state as it lives in the URL: `/search/?q=招标`. Kept pure so the page script and the
 * tests share it.
 */
export interface SearchState {
  q: string;
}

export function readState(search: string): SearchState {
  const params = new URLSearchParams(search);
  return { q: (params.get('q') ?? '').trim() };
}

export function writeState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  const s = params.toString();
  return s ? `?${s}` : '';
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
