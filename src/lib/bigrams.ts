/**
 * The narrative index's words (lib/pair-index.ts): text cut into overlapping character pairs, so no
 * Chinese segmenter is needed. Every Chinese run 并处罚金 becomes the pairs 并处 处罚 罚金 at
 * consecutive positions, so any word of two characters inside it is a word of the index (罚金 inside
 * 并处罚金), and a longer word is its pairs at consecutive positions (容积率 = 容积 at p, 积率 at p+1:
 * a text with 容积 … 积率 apart does not hold it).
 *
 * Other letters and digits (2023, KTV) are words of their own, case and width folded. Where a Han run
 * meets such a word ("2023年底", "在KTV"), the run's first (or last) character is also recorded at the
 * run's first (last) pair's position, so 2023年 is found in 2023年底 and 在KTV in 人在KTV.
 * Punctuation and spaces only separate. The same functions cut the text at build time
 * (src/cli/index-search.ts) and the query in the browser (components/search/narrative-index.ts).
 */

/** A Han run, or a run of other letters and digits; everything else (punctuation, spaces) separates. */
const RUN = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+)/gu;

/** A Han run starting with `c`, right after a word of letters or digits. */
export const head = (c: string) => `${c}>`;
/** A Han run ending with `c`, right before a word of letters or digits. */
export const tail = (c: string) => `<${c}`;

const runs = (text: string) =>
  [...text.normalize('NFKC').toLowerCase().matchAll(RUN)].map((m) => (m[1] ? { han: true, chars: [...m[1]] } : { han: false, chars: [m[2] ?? ''] }));

/**
 * Calls `emit` with each word of the text and its position, in order; returns the number of
 * positions (the text's length in words). A position holds a pair, a one-character run or another
 * word; head and tail marks share the position of the pair they sit on.
 */
export function pairTokens(text: string, emit: (token: string, at: number) => void): number {
  let at = 0;
  let last: { char: string; at: number } | undefined;
  for (const run of runs(text)) {
    if (run.han) {
      const c = run.chars;
      if (last === undefined && at > 0) emit(head(c[0] ?? ''), at);
      if (c.length === 1) emit(c[0] ?? '', at++);
      else for (let i = 0; i + 1 < c.length; i++) emit(`${c[i]}${c[i + 1]}`, at++);
      last = { char: c[c.length - 1] ?? '', at: at - 1 };
    } else {
      if (last) emit(tail(last.char), last.at);
      last = undefined;
      emit(run.chars[0] ?? '', at++);
    }
  }
  return at;
}

/**
 * The words a query word must have at consecutive positions. A one-character Han run is the head
 * of a text's run when it follows a number or Latin word (2023年 in 2023年底), its tail when it
 * precedes one (在KTV), and itself otherwise. Empty for punctuation alone.
 */
export function wordTokens(word: string): string[] {
  const rs = runs(word);
  return rs.flatMap((run, i) => {
    const c = run.chars;
    if (!run.han) return c;
    if (c.length > 1) return c.slice(1).map((x, j) => `${c[j]}${x}`);
    const before = rs[i - 1];
    const after = rs[i + 1];
    if (before && !before.han && !after) return [head(c[0] ?? '')];
    if (after && !after.han && !before) return [tail(c[0] ?? '')];
    return c;
  });
}
