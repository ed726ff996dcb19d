/**
 * Traditional → simplified conversion (貪污 → 贪污) with OpenCC's tables. About 50 KB compressed,
 * so it is fetched only when a Chinese query has found nothing whole, never with the page.
 */
type Convert = (text: string) => string;

let loading: Promise<Convert> | undefined;

export function toSimplified(text: string): Promise<string> {
  loading ??= import('opencc-js/t2cn').then((m) => m.Converter({ from: 't', to: 'cn' }));
  return loading.then((convert) => convert(text));
}

let vocabulary: Promise<string[]> | undefined;

/** Known terms for 「您是不是要找」, built with the site (src/pages/search/vocabulary.json.ts). */
export function loadVocabulary(): Promise<string[]> {
  vocabulary ??= fetch('/search/vocabulary.json')
    .then((r) => (r.ok ? (r.json() as Promise<string[]>) : []))
    .catch(() => []);
  return vocabulary;
}
