/**
 * Reads a content folder with plain Node (no Astro) and validates it with the same schemas the
 * build uses: the engine behind `npm run check` and the schema tests. Collects every problem
 * instead of stopping at the first, so an editor fixes a batch in one go.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { z } from 'astro/zod';
import { classify, z as zod } from '../schemas/messages.ts';
import { collectionSpecs, type CollectionSpec } from '../schemas/index.ts';
import type { CollectionName } from '../schemas/fragments.ts';
import { contentErrors, type ContentProblem } from './content-errors.ts';
import { FrontmatterError, parseMarkdown, parseYaml } from './frontmatter.ts';
import { findPersonalData, PERSONAL_DATA_LABELS } from './personal-data.ts';
import { validateEntries, type ValidatableEntry } from './validate.ts';

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

function listMarkdown(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, item.name);
    if (item.isDirectory()) out.push(...listMarkdown(full));
    else if (item.name.endsWith('.md') && !item.name.startsWith('_')) out.push(full);
  }
  return out.sort();
}

/** An image path in frontmatter must point at a file next to the entry. */
const imageChecker = (entryFile: string) => () =>
  zod.string().refine((p) => existsSync(resolve(dirname(entryFile), p)), { error: '图片文件不存在（路径相对于本条内容所在文件夹）' });

/** Personal data in a file's whole text, frontmatter included, reported by line. */
function personalDataProblems(file: string, text: string, allowed: readonly string[]): ContentProblem[] {
  return findPersonalData(text, allowed).map((f) => ({
    file,
    field: `第 ${f.line} 行`,
    code: 'personalData' as const,
    message: contentErrors.personalData.message(PERSONAL_DATA_LABELS[f.kind], f.masked),
  }));
}

/** Loads and parses content; `only` limits it to the collections a caller needs (the indexer needs two of ten thousand files). */
export function loadContent(root: string, cwd = process.cwd(), only?: readonly CollectionName[]): LoadResult {
  const entries: LoadedEntry[] = [];
  const problems: ContentProblem[] = [];
  const unparsed: { collection: CollectionName; id: string }[] = [];
  const rel = (f: string) => relative(cwd, f);

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
      const text = readFileSync(base, 'utf8');
      problems.push(...personalDataProblems(file, text, []));
      try {
        list = parseYaml(text);
      } catch (err) {
        problems.push({ file, field: '', code: 'yamlSyntax', message: contentErrors.yamlSyntax.message((err as Error).message) });
        continue;
      }
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
    for (const full of listMarkdown(base)) {
      const file = rel(full);
      const id = relative(base, full).replace(/\.md$/, '');
      let parsed;
      const text = readFileSync(full, 'utf8');
      try {
        parsed = parseMarkdown(text);
      } catch (err) {
        if (!(err instanceof FrontmatterError)) throw err;
        problems.push({ file, field: '', code: 'yamlSyntax', message: contentErrors.yamlSyntax.message(err.message) });
        unparsed.push({ collection: name, id });
        continue;
      }
      // Personal data is looked for even when the entry has other problems: every problem at once.
      const allowed = parsed.data['allowPersonalData'];
      problems.push(...personalDataProblems(file, text, Array.isArray(allowed) ? allowed.filter((a): a is string => typeof a === 'string') : []));
      const result = spec.schema(imageChecker(full)).safeParse(parsed.data, { reportInput: true });
      if (!result.success) {
        problems.push(...issuesToProblems(file, result.error.issues));
        unparsed.push({ collection: name, id });
        continue;
      }
      const data = result.data as Record<string, unknown>;
      entries.push({ collection: name, id, file, data, body: parsed.body });
    }
  }
  problems.push(...validateEntries(entries, unparsed));
  return { entries, problems };
}
