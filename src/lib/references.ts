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

export function checkRef(ref: FoundRef, index: RefIndex): Omit<ContentProblem, 'file'> | undefined {
  if (index.ids.get(ref.collection)?.has(UNREADABLE)) return undefined;
  if (ref.collection === 'documents') {
    const m = ARTICLE_REF_PATTERN.exec(ref.value);
    if (!m) return undefined; // the schema already reported the format
    const [, docId = '', article] = m;
    if (!index.ids.get('documents')?.has(docId)) {
      return { field: ref.field, code: 'missingReference', message: contentErrors.missingReference.message(collectionNames.documents, docId) };
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
    return { field: ref.field, code: 'missingReference', message: contentErrors.missingReference.message(collectionNames[ref.collection], ref.value) };
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
