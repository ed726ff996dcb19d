/**
 * The words the search page can suggest (「您是不是要找」) and split long queries by: names of
 * sectors, risk points and violation types, short titles of rules, and the keywords of published
 * entries. Built from the site model, so an internal entry's keywords never reach the public file.
 */
export interface VocabularySource {
  terms: readonly { data: { name: string } }[];
  shortTitles: readonly string[];
  tags: readonly (readonly string[])[];
}

export function searchVocabulary(src: VocabularySource): string[] {
  const words = new Set<string>();
  const add = (w: string) => {
    const t = w.trim();
    if (t.length >= 2 && t.length <= 12) words.add(t);
  };
  for (const t of src.terms) add(t.data.name);
  for (const s of src.shortTitles) add(s);
  for (const list of src.tags) for (const t of list) add(t);
  return [...words].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}
