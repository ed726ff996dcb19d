/**
 * Reads a content folder with plain Node (no Astro) and validates it with the same schemas the
 * build uses: the engine behind `npm run check` and the schema tests. Collects every problem
 * instead of stopping at the first, so an editor fixes a batch in one go.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import type { z } from 'astro/zod';
import { classify, z as zod } from '../schemas/messages.ts';
import { collectionSpecs, type CollectionSpec } from '../schemas/index.ts';
import type { CollectionName } from '../schemas/fragments.ts';
import { contentErrors, type ContentProblem } from './content-errors.ts';
import { listContentFiles } from './content-files.ts';
import { networkProblems } from './federation-files.ts';
import { EncodingError, FrontmatterError, parseMarkdown, parseYaml, readContentText } from './frontmatter.ts';
import { bodyImageProblems, personalDataProblems, rawHtmlProblems, svgProblems } from './publish-checks.ts';
import { rememberFrontmatter } from './publication.ts';
import { buildRefIndex, checkRef, findRefs, UNREADABLE } from './references.ts';
import { checkEntryFile, validateEntries, type ValidatableEntry } from './validate.ts';

/** An entry read from disk: what the whole-site checks take. */
export type LoadedEntry = ValidatableEntry;

export interface LoadResult {
  entries: LoadedEntry[];
  problems: ContentProblem[];
}

export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');
}

export function issuesToProblems(file: string, issues: readonly z.core.$ZodIssue[]): ContentProblem[] {
  return issues.map((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const path = fieldPath(issue.path);
    return {
      file,
      field: keys.length > 0 ? keys.map((k) => (path ? `${path}.${k}` : k)).join('、') : path,
      code: classify(issue)?.code ?? 'invalid',
      message: issue.message,
    };
  });
}

/**
 * An image path in frontmatter must point at a file next to the entry, inside the content folder:
 * only there is it checked (an SVG's safety, personal data in its name) before it ships.
 */
const imageChecker = (entryFile: string, root: string) => () =>
  zod
    .string()
    .refine((p) => existsSync(resolve(dirname(entryFile), p)), { error: '图片文件不存在（路径相对于本条内容所在文件夹）', abort: true })
    .refine((p) => !relative(root, resolve(dirname(entryFile), p)).startsWith('..'), { error: '图片必须放在内容文件夹中，不能用 ../ 指向内容文件夹以外的文件' });

const allowedIn = (data: unknown): string[] => {
  const list = data && typeof data === 'object' ? (data as Record<string, unknown>)['allowPersonalData'] : undefined;
  return Array.isArray(list) ? list.filter((a): a is string => typeof a === 'string') : [];
};

/** Reads a file as strict UTF-8, or records why it cannot be read. */
function readOrReport(full: string, file: string, problems: ContentProblem[]): string | undefined {
  try {
    return readContentText(full);
  } catch (err) {
    if (!(err instanceof EncodingError)) throw err;
    problems.push({ file, field: '', code: 'notUtf8', message: contentErrors.notUtf8.message() });
    return undefined;
  }
}

/** A file that failed its schema, kept so its other checks (file name, references, sections) still run. */
interface FailedEntry {
  entry: ValidatableEntry;
  /** Fields the schema already reported, not to be reported twice. */
  reported: Set<string>;
}

/** Loads and parses content; `only` limits it to the collections a caller needs (the indexer needs two of ten thousand files). */
export function loadContent(root: string, cwd = process.cwd(), only?: readonly CollectionName[]): LoadResult {
  const entries: LoadedEntry[] = [];
  const problems: ContentProblem[] = [];
  const unparsed: { collection: CollectionName; id: string }[] = [];
  const partial: FailedEntry[] = [];
  const rel = (f: string) => relative(cwd, f);
  const files = listContentFiles(root, cwd);
  if (!only) {
    problems.push(...files.problems);
    for (const full of files.images) {
      // An image's name is published too, as part of its address in _astro/.
      problems.push(...personalDataProblems({ file: rel(full), text: '', id: basename(full).replace(/\.[^.]+$/, ''), allowed: [] }));
      if (!full.toLowerCase().endsWith('.svg')) continue;
      const svg = readOrReport(full, rel(full), problems);
      if (svg !== undefined) problems.push(...svgProblems(rel(full), svg));
    }
  }

  for (const [name, spec] of Object.entries(collectionSpecs) as [CollectionName, CollectionSpec][]) {
    if (only && !only.includes(name)) continue;
    const base = resolve(cwd, root, spec.path);
    if (spec.kind === 'terms') {
      const file = rel(base);
      if (!existsSync(base)) {
        problems.push({ file, field: '', code: 'invalid', message: '缺少分类数据文件' });
        continue;
      }
      let list: unknown;
      const text = readOrReport(base, file, problems);
      if (text === undefined) {
        unparsed.push({ collection: name, id: UNREADABLE });
        continue;
      }
      try {
        list = parseYaml(text);
      } catch (err) {
        if (!(err instanceof FrontmatterError)) throw err;
        problems.push(...personalDataProblems({ file, text, allowed: [] }));
        problems.push({ file, field: '', code: 'yamlSyntax', message: contentErrors.yamlSyntax.message(err.message) });
        unparsed.push({ collection: name, id: UNREADABLE });
        continue;
      }
      problems.push(...personalDataProblems({ file, text, data: list, yamlLines: text.split('\n').length, allowed: [] }));
      if (!Array.isArray(list)) {
        problems.push({ file, field: '', code: 'invalid', message: '分类数据文件应是以“- id: …”开头的列表' });
        continue;
      }
      const seen = new Set<string>();
      list.forEach((item: unknown, i) => {
        const result = spec.schema(() => zod.string()).safeParse(item, { reportInput: true });
        if (!result.success) {
          problems.push(...issuesToProblems(file, result.error.issues).map((p) => ({ ...p, field: `[${i}]${p.field ? `.${p.field}` : ''}` })));
          const rawId = (item as { id?: unknown } | null)?.id;
          if (typeof rawId === 'string') unparsed.push({ collection: name, id: rawId });
          return;
        }
        const data = result.data as Record<string, unknown>;
        const id = String(data['id']);
        if (seen.has(id)) problems.push({ file, field: `[${i}].id`, code: 'duplicateId', message: contentErrors.duplicateId.message(id) });
        seen.add(id);
        entries.push({ collection: name, id, file, data, body: '', fieldPrefix: `[${i}]` });
      });
      continue;
    }
    for (const full of files.entries.get(name) ?? []) {
      const file = rel(full);
      const id = relative(base, full).replace(/\.md$/, '');
      const text = readOrReport(full, file, problems);
      if (text === undefined) {
        unparsed.push({ collection: name, id });
        continue;
      }
      let parsed;
      try {
        parsed = parseMarkdown(text);
      } catch (err) {
        if (!(err instanceof FrontmatterError)) throw err;
        // Personal data is looked for even when the entry has other problems: every problem at once.
        problems.push(...personalDataProblems({ file, text, id, allowed: [] }));
        problems.push({ file, field: '', code: 'yamlSyntax', message: contentErrors.yamlSyntax.message(err.message) });
        unparsed.push({ collection: name, id });
        continue;
      }
      rememberFrontmatter(full, text, parsed.data);
      const yamlLines = text.length - parsed.body.length > 0 ? text.slice(0, text.length - parsed.body.length).split('\n').length - 1 : 0;
      problems.push(...personalDataProblems({ file, text, data: parsed.data, yamlLines, id, allowed: allowedIn(parsed.data) }));
      problems.push(...bodyImageProblems(file, full, parsed.body, resolve(cwd, root)));
      problems.push(...rawHtmlProblems(file, parsed.body, yamlLines + 1));
      const result = spec.schema(imageChecker(full, resolve(cwd, root))).safeParse(parsed.data, { reportInput: true });
      if (!result.success) {
        const schemaProblems = issuesToProblems(file, result.error.issues);
        problems.push(...schemaProblems);
        unparsed.push({ collection: name, id });
        partial.push({ entry: { collection: name, id, file, data: parsed.data, body: parsed.body }, reported: new Set(schemaProblems.map((p) => p.field)) });
        continue;
      }
      const data = result.data as Record<string, unknown>;
      entries.push({ collection: name, id, file, data, body: parsed.body });
    }
  }
  problems.push(...validateEntries(entries, unparsed));
  problems.push(...checkPartialEntries(partial, entries, unparsed));
  // Member sites (issue 20): sites.yaml, the members' data copies, and agreement with the parent.
  if (!only) problems.push(...networkProblems(root, entries, cwd));
  return { entries, problems };
}

/**
 * A file that failed its schema still gets the checks that do not need valid data, in the same
 * run: its file name, its case sections and every reference it makes that the schema did not
 * already report.
 */
function checkPartialEntries(partial: readonly FailedEntry[], entries: readonly LoadedEntry[], unparsed: readonly { collection: CollectionName; id: string }[]): ContentProblem[] {
  if (partial.length === 0) return [];
  const index = buildRefIndex(entries, unparsed);
  return partial.flatMap(({ entry, reported }) => {
    const refs = findRefs(collectionSpecs[entry.collection].schema(() => zod.string()), entry.data)
      .filter((r) => !reported.has(r.field))
      .flatMap((r) => {
        const p = checkRef(r, index);
        return p ? [{ file: entry.file, ...p }] : [];
      });
    return [...checkEntryFile(entry), ...refs];
  });
}
