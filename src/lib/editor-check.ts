/**
 * The content check for one entry the web editor is about to save: the same rules as
 * `npm run check` and the build (schema and catalogue messages, file name, case sections,
 * references, versions in force, legal consistency, personal data), run over the content folder
 * with the proposed text standing in for the file. Only problems of that file are returned; the
 * editor shows them and refuses to save while there are any.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { collectionSpecs } from '../schemas/index.ts';
import type { CollectionName } from '../schemas/fragments.ts';
import { collectionNames } from '../schemas/fragments.ts';
import type { ContentProblem } from './content-errors.ts';
import { loadContent } from './load-content.ts';
import { cmsConfig, EDITED_COLLECTIONS, type CmsConfig, type RemoteBackend, type Term } from './cms-config.ts';
import { parseMarkdown } from './frontmatter.ts';
import { articleLabel } from './cn-numerals.ts';

export interface ProposedEntry {
  collection: string;
  /** The file name without `.md`; a new entry not yet named is checked as `new-entry`. */
  slug: string;
  /** The whole file as the editor would write it. */
  text: string;
}

export interface EditorCheckResult {
  problems: ContentProblem[];
}

/** A slug Decap may send for an entry it has not named yet. */
const PLACEHOLDER_SLUG = 'new-entry';
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function isEdited(name: string): name is CollectionName {
  return (EDITED_COLLECTIONS as readonly string[]).includes(name);
}

/**
 * Checks a proposed entry against a content folder. The folder is copied to a scratch folder
 * (content is text, a few MB), the entry written into it, and the ordinary check run there, so
 * there is no second implementation of the rules to drift from the first.
 */
export function checkProposedEntry(contentDir: string, entry: ProposedEntry): EditorCheckResult {
  if (!isEdited(entry.collection)) {
    return { problems: [{ file: entry.collection, field: '', code: 'invalid', message: `不认识的内容类别“${entry.collection}”` }] };
  }
  const slug = entry.slug && SLUG.test(entry.slug) ? entry.slug : PLACEHOLDER_SLUG;
  const scratch = mkdtempSync(join(tmpdir(), 'lianjian-editor-check-'));
  try {
    const root = join(scratch, 'content');
    cpSync(resolve(contentDir), root, { recursive: true });
    const file = join(root, collectionSpecs[entry.collection].path, `${slug}.md`);
    writeFileSync(file, entry.text);
    const { problems } = loadContent(root, scratch);
    const wanted = relative(scratch, file);
    const shown = `${collectionSpecs[entry.collection].path}/${slug}.md`;
    return { problems: problems.filter((p) => p.file === wanted).map((p) => ({ ...p, file: shown })) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Reads what the editor's configuration needs from a content folder: term names and document articles. */
export function editorInputs(contentDir: string): { terms: Partial<Record<CollectionName, Term[]>>; articles: { value: string; label: string }[] } {
  const { entries } = loadContent(contentDir, process.cwd());
  const terms: Partial<Record<CollectionName, Term[]>> = {};
  for (const e of entries) {
    if (collectionSpecs[e.collection].kind !== 'terms') continue;
    const name = typeof e.data['name'] === 'string' ? e.data['name'] : e.id;
    (terms[e.collection] ??= []).push({ id: e.id, name });
  }
  const articles: { value: string; label: string }[] = [];
  for (const e of entries) {
    if (e.collection !== 'documents') continue;
    const short = String(e.data['shortTitle'] ?? e.data['title']);
    const version = typeof e.data['versionLabel'] === 'string' ? `（${e.data['versionLabel']}）` : '';
    articles.push({ value: e.id, label: `${short}${version} 全文 · ${e.id}` });
    const list = Array.isArray(e.data['articles']) ? (e.data['articles'] as { n: string; title?: string }[]) : [];
    for (const a of list) articles.push({ value: `${e.id}#${a.n}`, label: `${short}${version} ${articleLabel(String(a.n))}${a.title ? ` ${a.title}` : ''} · ${e.id}#${a.n}` });
  }
  return { terms, articles };
}

/** The whole configuration for a content folder inside a repository. */
export function editorConfig(repoDir: string, contentDir: string, branch: string, proxyUrl: string, remote?: RemoteBackend): CmsConfig {
  const { terms, articles } = editorInputs(contentDir);
  const contentFolder = relative(resolve(repoDir), resolve(contentDir)) || '.';
  return cmsConfig({ terms, articles, contentFolder, branch, proxyUrl, ...(remote ? { remote } : {}) });
}

/**
 * LIANJIAN_EDITOR_BACKEND: a JSON object naming an intranet GitLab or Forgejo/Gitea repository,
 * e.g. {"name":"gitlab","repo":"jiwei/lianjian","api_root":"https://git.example/api/v4", …}.
 */
export function remoteBackend(json: string | undefined, branch: string): RemoteBackend | undefined {
  if (!json) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Error('LIANJIAN_EDITOR_BACKEND 不是有效的 JSON');
  }
  const o = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  if (o['name'] !== 'gitlab' && o['name'] !== 'forgejo') throw new Error('LIANJIAN_EDITOR_BACKEND 的 name 只能是 gitlab 或 forgejo（Gitea 用 forgejo：Decap 的 gitea 后端不支持审核流程）');
  if (typeof o['repo'] !== 'string' || typeof o['api_root'] !== 'string') throw new Error('LIANJIAN_EDITOR_BACKEND 须写明 repo（如 jiwei/lianjian）和 api_root（如 https://git.单位.cn/api/v4）');
  const out: RemoteBackend = { name: o['name'], repo: o['repo'], api_root: o['api_root'], branch: typeof o['branch'] === 'string' ? o['branch'] : branch };
  if (typeof o['base_url'] === 'string') out.base_url = o['base_url'];
  if (o['auth_type'] === 'pkce' || o['auth_type'] === 'implicit') out.auth_type = o['auth_type'];
  if (typeof o['app_id'] === 'string') out.app_id = o['app_id'];
  return out;
}

/** Parses the proposed text far enough to name what the check is about, for the log. */
export function describeProposed(entry: ProposedEntry): string {
  try {
    const title = parseMarkdown(entry.text).data['title'];
    return `${collectionNames[entry.collection as CollectionName] ?? entry.collection}“${typeof title === 'string' ? title : entry.slug}”`;
  } catch {
    return entry.slug;
  }
}
