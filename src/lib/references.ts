/**
 * Cross-entry references. Reference fields are found by walking each entry alongside its schema
 * (fields built with `ref()` / `articleRef()` are registered in `refTargets`), so a new reference
 * field is checked the day it is added to a schema.
 */
import type { z } from 'astro/zod';
import { ARTICLE_REF_PATTERN, collectionNames, refTargets, type CollectionName } from '../schemas/fragments.ts';
import { contentErrors, type ContentProblem } from './content-errors.ts';

export interface FoundRef {
  /** Dotted path of the field, e.g. `disposition.criminal.basis[0]`. */
  field: string;
  collection: CollectionName;
  value: string;
}

type Def = { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; innerType?: z.ZodType; in?: z.ZodType; options?: z.ZodType[] };
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

function join(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
}

export function findRefs(schema: z.ZodType, data: unknown, path = '', out: FoundRef[] = []): FoundRef[] {
  const target = refTargets.get(schema);
  if (target && typeof data === 'string') {
    out.push({ field: path, collection: target.collection, value: data });
    return out;
  }
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      if (data && typeof data === 'object' && def.shape) {
        for (const [key, child] of Object.entries(def.shape)) {
          findRefs(child, (data as Record<string, unknown>)[key], join(path, key), out);
        }
      }
      break;
    case 'array':
      if (Array.isArray(data) && def.element) data.forEach((item, i) => findRefs(def.element as z.ZodType, item, join(path, i), out));
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      if (def.innerType) findRefs(def.innerType, data, path, out);
      break;
    case 'pipe':
      if (def.in) findRefs(def.in, data, path, out);
      break;
  }
  return out;
}

/** What exists, whatever its visibility: a reference to an internal entry is valid, it just is not shown publicly. */
export interface RefIndex {
  ids: Map<CollectionName, Set<string>>;
  /** Article numbers per document id. */
  articles: Map<string, Set<string>>;
}

export interface CheckableEntry {
  collection: CollectionName;
  id: string;
  file: string;
  data: Record<string, unknown>;
  /** Where the entry sits in a file holding many (a taxonomy list item: `[3]`). */
  fieldPrefix?: string;
}

/**
 * Stands for every id of a collection whose file could not be read at all (a taxonomy file with a
 * YAML error): references into it are not reported, the editor already has the real error.
 */
export const UNREADABLE = '*';

/**
 * `unparsed` are entries that exist but failed their schema: references to them are not reported
 * again as missing, since the editor already has the real error for that file.
 */
export function buildRefIndex(entries: readonly CheckableEntry[], unparsed: readonly { collection: CollectionName; id: string }[] = []): RefIndex {
  const ids = new Map<CollectionName, Set<string>>();
  const articles = new Map<string, Set<string>>();
  for (const e of [...entries, ...unparsed]) {
    let set = ids.get(e.collection);
    if (!set) ids.set(e.collection, (set = new Set()));
    set.add(e.id);
  }
  for (const e of entries) {
    if (e.collection !== 'documents') continue;
    const list = (e.data['articles'] as { n: string }[] | undefined) ?? [];
    articles.set(e.id, new Set(list.map((a) => String(a.n))));
  }
  return { ids, articles };
}

/** Edit distance, giving up (returning `limit + 1`) once it must exceed `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const d = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    prev = row;
  }
  return prev[b.length] ?? limit + 1;
}

/**
 * The existing id a misspelt one most likely meant — a letter dropped or swapped, a plural — or
 * nothing when no id is close, or two are equally close (a wrong guess is worse than none).
 * Runs only for references that failed, so the library's size matters little.
 */
export function closestId(value: string, known: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.min(3, Math.floor(value.length / 5)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  let tied = false;
  for (const id of known) {
    if (id === UNREADABLE) continue;
    const d = distance(value, id, limit);
    if (d < bestDistance) [best, bestDistance, tied] = [id, d, false];
    else if (d === bestDistance && d <= limit) tied = true;
  }
  return best !== undefined && !tied ? best : undefined;
}

export function checkRef(ref: FoundRef, index: RefIndex): Omit<ContentProblem, 'file'> | undefined {
  if (index.ids.get(ref.collection)?.has(UNREADABLE)) return undefined;
  if (ref.collection === 'documents') {
    const m = ARTICLE_REF_PATTERN.exec(ref.value);
    if (!m) return undefined; // the schema already reported the format
    const [, docId = '', article] = m;
    if (!index.ids.get('documents')?.has(docId)) {
      const closest = closestId(docId, index.ids.get('documents') ?? []);
      return { field: ref.field, code: 'missingReference', message: contentErrors.missingReference.message(collectionNames.documents, docId, closest) };
    }
    const known = index.articles.get(docId);
    if (article && known && !known.has(article)) {
      return { field: ref.field, code: 'missingArticle', message: contentErrors.missingArticle.message(docId, article) };
    }
    return undefined;
  }
  const known = index.ids.get(ref.collection);
  // A contributing unit is picked from a short closed list, so the error lists it.
  if (ref.collection === 'units' && !known?.has(ref.value)) {
    return { field: ref.field, code: 'unknownUnit', message: contentErrors.unknownUnit.message(ref.value, [...(known ?? [])].sort()) };
  }
  if (!known?.has(ref.value)) {
    const closest = closestId(ref.value, known ?? []);
    return { field: ref.field, code: 'missingReference', message: contentErrors.missingReference.message(collectionNames[ref.collection], ref.value, closest) };
  }
  return undefined;
}

export function checkReferences(
  entries: readonly CheckableEntry[],
  schemaOf: (collection: CollectionName) => z.ZodType,
  unparsed: readonly { collection: CollectionName; id: string }[] = [],
): ContentProblem[] {
  const index = buildRefIndex(entries, unparsed);
  const problems: ContentProblem[] = [];
  for (const e of entries) {
    for (const ref of findRefs(schemaOf(e.collection), e.data)) {
      const problem = checkRef(ref, index);
      if (problem) problems.push({ file: e.file, ...problem, field: e.fieldPrefix ? `${e.fieldPrefix}.${problem.field}` : problem.field });
    }
  }
  return problems;
}
