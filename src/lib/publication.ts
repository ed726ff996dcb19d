/**
 * Whether an entry is published in an edition, from its raw frontmatter, and a memo of what the
 * build's content check read so the edition filter need not parse every file's YAML a second time.
 *
 * The check (integrations/content-check.ts) runs in Astro's own module graph and the edition
 * loader in Vite's, each with its own copy of this module, so the memo lives on globalThis. It is
 * keyed by a SHA-1 of the file's exact text: a file changed after the check is parsed again. It
 * keeps two fields per file, not the data, so it costs a few MB at 20,000 cases.
 */
import { createHash } from 'node:crypto';
import type { Edition } from './content-root.ts';

interface Fields {
  digest: string;
  visibility: unknown;
  draft: unknown;
}

const KEY = Symbol.for('lianjian.publication-fields');
const memo = ((globalThis as { [KEY]?: Map<string, Fields> })[KEY] ??= new Map<string, Fields>());

const digestOf = (text: string) => createHash('sha1').update(text).digest('base64');

/**
 * publish.ts's isPublished for raw, unvalidated frontmatter: anything unexpected counts as
 * unpublished (the check reports the file), so nothing ships by accident.
 */
export function publishedFromRaw(data: { visibility?: unknown; draft?: unknown }, edition: Edition): boolean {
  const visibility = data.visibility ?? 'public';
  const draft = data.draft ?? false;
  if (draft !== false) return false;
  return visibility === 'public' || (visibility === 'internal' && edition === 'internal');
}

/** Records the frontmatter the check parsed from `text`, the whole content of the file at `path`. */
export function rememberFrontmatter(path: string, text: string, data: Record<string, unknown>): void {
  memo.set(path, { digest: digestOf(text), visibility: data['visibility'], draft: data['draft'] });
}

/** The fields recorded for this exact text of the file, if the check read it. */
export function rememberedFrontmatter(path: string, text: string): { visibility: unknown; draft: unknown } | undefined {
  const hit = memo.get(path);
  return hit && hit.digest === digestOf(text) ? hit : undefined;
}
