/**
 * Which files of a content folder are content, walked the same way for `npm run check`, the build's
 * check and the edition-aware loaders. Anything an editor put there that the site would not read
 * (a `.MD` or `.markdown` file, a misspelt folder such as `content/case/`, a symlink) is reported
 * instead of being skipped silently: the check must never say 通过 while a file is ignored.
 *
 * Symlinks are rejected rather than followed: Astro's glob follows them and Node's directory walk
 * does not, so following them would let the check and the build see different files; and a link
 * can point outside the content folder at files never meant to be published.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { collectionSpecs, type CollectionSpec } from '../schemas/index.ts';
import type { CollectionName } from '../schemas/fragments.ts';
import { NETWORK_FILES } from './federation.ts';
import { contentErrors, type ContentProblem } from './content-errors.ts';

/** Files that may sit beside entries: images referenced from frontmatter or a Markdown body. */
export const IMAGE_EXTENSIONS = ['.svg', '.png', '.jpg', '.jpeg', '.webp', '.avif', '.gif'] as const;

export interface ContentFiles {
  /** Absolute paths of the Markdown entries of each entry collection, sorted. */
  entries: Map<CollectionName, string[]>;
  /** Absolute paths of the image files among them. */
  images: string[];
  problems: ContentProblem[];
}

/** Notes about the folder itself, kept at its top level. */
const FOLDER_NOTES = new Set(['README.md']);

/** Hidden files (.DS_Store, .gitkeep) and `_draft-notes.md` style files are not content by design. */
const ignored = (name: string) => name.startsWith('.') || name.startsWith('_');

const entrySpecs = () => (Object.entries(collectionSpecs) as [CollectionName, CollectionSpec][]).filter(([, s]) => s.kind === 'entries');

/**
 * Walks the content root once; `cwd` decides how file names appear in problems. The build's own
 * output folder (LIANJIAN_OUT) is not content even when it sits inside the root, as the
 * benchmark's does.
 */
export function listContentFiles(root: string, cwd = process.cwd(), env: Record<string, string | undefined> = process.env): ContentFiles {
  const base = resolve(cwd, root);
  const output = env['LIANJIAN_OUT'] ? resolve(cwd, env['LIANJIAN_OUT']) : undefined;
  const rel = (f: string) => relative(cwd, f);
  const problems: ContentProblem[] = [];
  const entries = new Map<CollectionName, string[]>();
  const images: string[] = [];
  const entryFolders = new Map(entrySpecs().map(([name, s]) => [s.path, name]));
  const termFiles = new Set((Object.values(collectionSpecs) as CollectionSpec[]).filter((s) => s.kind === 'terms').map((s) => s.path));
  const termFolders = new Set([...termFiles].map((p) => p.split('/')[0] ?? ''));
  const report = (full: string, code: 'unknownFile' | 'unknownFolder' | 'symlink') =>
    problems.push({ file: rel(full), field: '', code, message: contentErrors[code].message() });

  const walkEntries = (dir: string, out: string[]) => {
    for (const item of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      // Astro's glob (`**/[^_]*.md`) skips `_` files but not `_` folders: neither may we.
      if (ignored(item.name) && !(item.isDirectory() && item.name.startsWith('_'))) continue;
      const full = join(dir, item.name);
      if (item.isSymbolicLink()) report(full, 'symlink');
      else if (item.isDirectory()) walkEntries(full, out);
      else if (item.name.endsWith('.md')) out.push(full);
      else if (IMAGE_EXTENSIONS.some((ext) => item.name.toLowerCase().endsWith(ext))) images.push(full);
      else report(full, 'unknownFile');
    }
  };

  if (!existsSync(base)) return { entries, images, problems };
  for (const item of readdirSync(base, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (ignored(item.name)) continue;
    const full = join(base, item.name);
    const collection = entryFolders.get(item.name);
    if ((item.isFile() && FOLDER_NOTES.has(item.name)) || full === output) continue;
    if (item.isSymbolicLink()) report(full, 'symlink');
    else if (collection) {
      const list: string[] = [];
      if (item.isDirectory()) walkEntries(full, list);
      entries.set(collection, list);
    } else if (item.isDirectory() && termFolders.has(item.name)) {
      for (const sub of readdirSync(full, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        if (ignored(sub.name)) continue;
        const subFull = join(full, sub.name);
        if (sub.isSymbolicLink()) report(subFull, 'symlink');
        else if (isNetworkFile(`${item.name}/${sub.name}`, subFull, sub.isDirectory())) continue;
        else if (!termFiles.has(`${item.name}/${sub.name}`)) report(subFull, sub.isDirectory() ? 'unknownFolder' : 'unknownFile');
      }
    } else report(full, item.isDirectory() ? 'unknownFolder' : 'unknownFile');
  }
  return { entries, images, problems };
}

/**
 * Member sites (issue 20): network/sites.yaml and the members' data copies network/exports/*.json
 * are read by federation-files.ts, not as collections; anything else in exports/ is reported.
 */
function isNetworkFile(path: string, full: string, isDirectory: boolean): boolean {
  if (path === NETWORK_FILES.sites) return !isDirectory;
  if (path !== NETWORK_FILES.exports || !isDirectory) return false;
  return readdirSync(full, { withFileTypes: true }).every((f) => ignored(f.name) || (f.isFile() && f.name.endsWith('.json')));
}
