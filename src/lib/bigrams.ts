/**
 * The narrative bundle's words: text cut into overlapping character pairs before Pagefind sees it,
 * so Pagefind runs no Chinese segmenter on it (measured in src/bench/README.md: about half the
 * indexing time, nearly the same memory and downloads). Every Chinese run 并处罚金 becomes the pairs 并处 处罚 罚金, so any
 * word of two characters inside it is a word of the index (罚金 inside 并处罚金), and a longer word
 * is found as all its pairs (容积率 = 容积 + 积率, Pagefind ANDs the terms).
 *
 * Each Han character is written as four lowercase ASCII letters (its code point in base 26), a pair as
 * eight. Pagefind's runtime segments a query with Intl.Segmenter when the page is Chinese, and that
 * would cut a raw pair it does not know (积率 → 积 率); a run of ASCII letters stays one word in every
 * segmenter, and Pagefind neither stems nor splits it (the bundle is indexed as a language without a
 * stemmer, and the shared wasm has none). Other letters and digits (2023, KTV) are kept as words with
 * a leading 0, so they never share a prefix with a Han code: a query 2023 does not match pairs.
 * Prefix matching stays meaningful: one character's code is the prefix of every pair it starts.
 *
 * The same functions cut the text at build time (src/cli/index-search.ts) and the query in the
 * browser (search/pagefind.ts), so both sides always agree.
 */

/** A Han run, or a run of other letters and digits; everything else (punctuation, spaces) separates. */
const RUN = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+)/gu;
const A = 'a'.charCodeAt(0);

/** A Han character as four letters a–z: 26⁴ covers every code point up to U+6F90F. */
export function hanCode(char: string): string {
  let n = char.codePointAt(0) ?? 0;
  let out = '';
  for (let i = 0; i < 4; i++) {
    out = String.fromCharCode(A + (n % 26)) + out;
    n = Math.floor(n / 26);
  }
  return out;
}

/**
 * The words the index holds for a text, in order: the overlapping pairs of each Han run (a run of one
 * character is that character), each other word with its leading 0. Full-width letters and digits are
 * folded to ASCII and case to lower, as on both sides.
 */
export function bigramWords(text: string): string[] {
  const words: string[] = [];
  for (const m of text.normalize('NFKC').toLowerCase().matchAll(RUN)) {
    if (m[1]) {
      const chars = [...m[1]].map(hanCode);
      if (chars.length === 1) words.push(chars[0] ?? '');
      for (let i = 0; i + 1 < chars.length; i++) words.push(`${chars[i]}${chars[i + 1]}`);
    } else if (m[2]) words.push(`0${m[2]}`);
  }
  return words;
}

/** A text as the index sees it: its words separated by spaces. */
export const bigramText = (text: string): string => bigramWords(text).join(' ');

/**
 * A reader's query for the narrative bundle: every word of it cut the same way, so Pagefind's AND of
 * the terms finds the texts holding every pair. Pairs that are present but not side by side (容积 …
 * 积率) are possible for words of three characters or more: the search page keeps only results whose
 * text holds each query word as written (holdsAll in excerpt.ts). Quotes and punctuation only
 * separate; a query of punctuation alone gives the empty string.
 */
export const bigramQuery = (query: string): string => [...new Set(bigramWords(query))].join(' ');

