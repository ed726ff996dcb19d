/**
 * A result's excerpt, made from the page's indexed text rather than Pagefind's: Pagefind joins blocks
 * with an ASCII ". ", starts mid-title and marks the pieces its segmenter cut a word into (小金 + 库).
 * Here the excerpt opens on the summary when it holds a query word, else on the first sentence that
 * does, in Chinese punctuation, with each whole query word marked.
 */
import { SYNONYM_MARK } from '../../lib/search-mark.ts';
import type { ExcerptPart } from './search-state.ts';

/** Pagefind's stored text: words split by zero-width spaces, blocks joined by ". ". */
export function cleanIndexedText(text: string): string {
  const plain = text.replace(/\u200b/g, '');
  const added = plain.indexOf(SYNONYM_MARK);
  return (added >= 0 ? plain.slice(0, added) : plain)
    .replace(/([\u3400-\u9fff）」”》】0-9])\.\s+/gu, '$1。')
    .replace(/\s*\.\s+/g, ' ')
    .replace(/。{2,}/g, '。')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

const BOUNDARY = /[。；！？]/u;

/** Where a window of `length` characters around `at` should start: after a sentence end when one is near. */
function windowStart(text: string, at: number, length: number): number {
  if (at < length / 3) return 0;
  const from = Math.max(0, at - Math.floor(length / 3));
  for (let i = at - 1; i >= from; i--) if (BOUNDARY.test(text[i] ?? '')) return i + 1;
  return from;
}

/** Marks every occurrence of every term (longest first, never overlapping). */
export function markTerms(text: string, terms: readonly string[]): ExcerptPart[] {
  const words = [...new Set(terms.map((t) => t.replace(/\s+/g, '')).filter((t) => t.length > 0))].sort((a, b) => b.length - a.length);
  const parts: ExcerptPart[] = [];
  let plain = '';
  for (let i = 0; i < text.length; ) {
    const word = words.find((w) => text.startsWith(w, i));
    if (word) {
      if (plain) parts.push({ text: plain, mark: false });
      plain = '';
      parts.push({ text: word, mark: true });
      i += word.length;
    } else {
      plain += text[i];
      i += 1;
    }
  }
  if (plain) parts.push({ text: plain, mark: false });
  return parts;
}

export interface ExcerptSource {
  content?: string;
  meta: Record<string, string | undefined>;
}

export function makeExcerpt(d: ExcerptSource, terms: readonly string[], length = 80): ExcerptPart[] {
  const words = terms.map((t) => t.replace(/\s+/g, '')).filter(Boolean);
  const summary = (d.meta['summary'] ?? '').trim();
  const firstHit = (text: string) => {
    const hits = words.map((w) => text.indexOf(w)).filter((i) => i >= 0);
    return hits.length > 0 ? Math.min(...hits) : -1;
  };
  let text = summary;
  let at = firstHit(summary);
  // Found by its title (《刑法》第三百八十三条): open on what the page says, not on the title again.
  const byTitle = summary && firstHit((d.meta['title'] ?? '').replace(/[\s《》〈〉【】]/g, '')) >= 0;
  if (at < 0 && !byTitle) {
    const content = cleanIndexedText(d.content ?? '');
    const inContent = firstHit(content);
    if (inContent >= 0) {
      text = content;
      at = inContent;
    }
  }
  if (!text) text = cleanIndexedText(d.content ?? '');
  const start = at < 0 ? 0 : windowStart(text, at, length);
  const end = Math.min(text.length, start + length);
  const slice = `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
  return markTerms(slice, words);
}

/** Whether a result's text holds every query word as written (not just some of its characters). */
export function holdsAll(d: ExcerptSource, terms: readonly string[]): boolean {
  const text = `${d.meta['title'] ?? ''}${d.meta['summary'] ?? ''}${(d.content ?? '').replace(/[\u200b\s]/g, '')}`;
  return terms.every((t) => text.includes(t.replace(/\s+/g, '')));
}
