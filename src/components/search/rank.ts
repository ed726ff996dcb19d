/**
 * The order results are shown in, once their text is loaded. Pagefind ranks by how often a word
 * occurs, so a long course page that mentions 诫勉 five times in passing outranks the case whose
 * summary says it was the sanction, and a partial match of two characters can sit above the page
 * holding the whole word. Here the loaded results are ranked again, from the reader's side:
 * pages holding every query word first; then by how many query words the title and the summary
 * hold; then the sort of item asked for (a 格言 page for 「廉洁名言」); Pagefind's order breaks ties.
 * Pure, so the page script and the tests share it.
 */
import { holdsAll, type ExcerptSource } from './excerpt.ts';
import type { UnderstoodQuery } from './query.ts';

type Query = Pick<UnderstoodQuery, 'terms' | 'words' | 'hints'>;

const flat = (s: string | undefined) => (s ?? '').replace(/[\u200b\s《》〈〉]/g, '');

/** How much of the query a text holds: 1 per term held whole, ½ per term only some of whose words it holds. */
const cover = (text: string, query: Query): number => held(text, query) / Math.max(1, query.words.length);

/** The count behind cover(): a page credited by Pagefind with a word it does not hold as written counts ½ for it. */
export function held(text: string, query: Query): number {
  let n = 0;
  query.words.forEach((ws, i) => {
    const term = flat(query.terms[i] ?? ws[0]);
    if (text.includes(term)) n += 1;
    else if (ws.slice(1).some((w) => text.includes(flat(w)))) n += 0.5;
  });
  return n;
}

/**
 * A result's relevance to the query, from its title, summary and indexed text (synonyms added at
 * indexing count: 国企 finds a page that says 国有企业). The parts are weighted so that each
 * outranks what follows: whole match, then coverage, then the sort of item asked for (a label
 * outweighs title and summary together), then title and summary.
 */
export function relevance(d: ExcerptSource, query: Query): number {
  // An article record's title repeats its rule's name and its summary is its whole text: neither is
  // a sign that the article, rather than the rule's own page, is what 「三重一大 决策」 asks for.
  // When the query names the article (第二十八条), its whole title counts.
  const article = d.meta['kind'] === '条款';
  const label = flat((d.meta['title'] ?? '').replace(/《[^》]*》/g, ''));
  // A title or summary that says it in other words (补贴 for 补助) counts: the indexer lists their synonyms' other forms.
  const title = article && cover(label, query) === 0 ? label : `${flat(d.meta['title'])}|${flat(d.meta['titleAliases'])}`;
  const summary = article ? '' : `${flat(d.meta['summary'])}|${flat(d.meta['summaryAliases'])}`;
  const content = flat(d.content);
  const text = `${flat(d.meta['title'])}${flat(d.meta['summary'])}${content}`;
  // A culture item's label (廉洁格言, 历史典故, 家风家教) opens its indexed text.
  const opening = `${title}${summary}${content.slice(0, 12)}`;
  const hint = query.hints.some((h) => opening.includes(h)) ? 1 : 0;
  return (holdsAll(d, query.terms) ? 100 : 0) + cover(text, query) * 10 + cover(title, query) * 2.5 + cover(summary, query) * 1.5 + hint * 7;
}

/**
 * An article the query does not name, whose rule's own page is among the results, only repeats
 * that page's match (「联络员制度」 would list five articles of the rule): it goes after the other
 * results of its tier.
 */
function repeats(d: ExcerptSource & { url: string }, listed: ReadonlySet<string>, query: Query): boolean {
  if (d.meta['kind'] !== '条款') return false;
  const rule = d.url.split('#')[0] ?? '';
  // Named as typed: 第三百八十五条 in the title, or 385 as in its address (#article-385).
  const named = `${(d.meta['title'] ?? '').replace(/《[^》]*》/g, '')}${d.url.split('#article-')[1] ?? ''}`;
  return listed.has(rule) && held(flat(named), query) === 0;
}

/**
 * Results reordered by relevance: `hits` and their loaded `data` (the first data.length hits) in
 * the same order. Hits past the loaded ones keep Pagefind's order after them. A result's place in
 * Pagefind's order counts a little, so equals keep it. `tiers` (per loaded hit), when given, come
 * before relevance: the relaxed search's count of query words found by Pagefind (query.ts mergeRelaxed).
 */
export function rerank<H, D extends ExcerptSource & { url: string }>(hits: readonly H[], data: readonly D[], query: Query, tiers?: readonly number[]): { hits: H[]; data: D[] } {
  const listed = new Set(data.map((d) => d.url));
  const order = data
    .map((d, i) => {
      const tier = Math.min(tiers?.[i] ?? 0, held(`${flat(d.meta['title'])}${flat(d.meta['summary'])}${flat(d.content)}`, query));
      return { i, score: tier * 1000 + relevance(d, query) - (repeats(d, listed, query) ? 50 : 0) - i * 0.12 };
    })
    .sort((a, b) => b.score - a.score)
    .map((o) => o.i);
  return { hits: [...order.map((i) => hits[i] as H), ...hits.slice(data.length)], data: order.map((i) => data[i] as D) };
}

/**
 * The first `whole` results of a strict search (ranked, so its whole matches come first) followed by
 * the relaxed search's results, none listed twice: 「包公 不持一砚」 finds one page holding both
 * words, and the page on 包拯's family instruction, holding 包公 alone, comes next as a partial match
 * instead of pages Pagefind matched on single characters.
 */
export function afterWhole<H extends { id: string }, D>(strict: { hits: readonly H[]; data: readonly D[] }, whole: number, relaxed: { hits: readonly H[]; data: readonly D[] }): { hits: H[]; data: D[] } {
  const listed = new Set(strict.hits.slice(0, whole).map((h) => h.id));
  const keep = relaxed.hits.map((h) => !listed.has(h.id));
  return {
    hits: [...strict.hits.slice(0, whole), ...relaxed.hits.filter((_, i) => keep[i])],
    data: [...strict.data.slice(0, whole), ...relaxed.data.filter((_, i) => keep[i])],
  };
}
