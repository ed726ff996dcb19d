/**
 * Editions by construction: an entry that this edition does not publish (a draft, or an internal
 * entry in the public edition) is never handed to Astro at all. Filtering later, in the site
 * model, keeps it off every page but not out of Astro's asset pipeline: its frontmatter images
 * and the images in its body would still be copied into `_astro/`. The full content check
 * (`npm run check`, and the build's check before this runs) still reads and validates every file.
 */
import { relative, sep } from 'node:path';
import { glob, type DataStore, type Loader } from 'astro/loaders';
import type { CollectionName } from '../schemas/fragments.ts';
import { collectionSpecs } from '../schemas/index.ts';
import { listContentFiles } from './content-files.ts';
import type { Edition } from './content-root.ts';
import { parseMarkdown, readContentText } from './frontmatter.ts';
import { publishedFromRaw, rememberedFrontmatter } from './publication.ts';

/**
 * Whether a file is published in an edition, from its raw frontmatter (as the build's check read
 * it, when it did: lib/publication.ts). Anything unreadable or unexpected counts as unpublished:
 * the check reports the file, and nothing ships by accident.
 */
export function publishedInEdition(path: string, edition: Edition): boolean {
  let fields: { visibility?: unknown; draft?: unknown };
  try {
    const text = readContentText(path);
    fields = rememberedFrontmatter(path, text) ?? parseMarkdown(text).data;
  } catch {
    return false;
  }
  return publishedFromRaw(fields, edition);
}

/** The entries of one collection that an edition leaves out, as paths relative to the collection folder. */
export function hiddenEntries(root: string, collection: CollectionName, edition: Edition): string[] {
  const base = `${root}/${collectionSpecs[collection].path}`;
  const files = listContentFiles(root).entries.get(collection) ?? [];
  return files.filter((f) => !publishedInEdition(f, edition)).map((f) => relative(base, f).split(sep).join('/'));
}

/**
 * The glob loader stores each entry's frontmatter twice: validated in `data`, and raw again in
 * `rendered.metadata.frontmatter`, which only `render()`'s `remarkPluginFrontmatter` returns and no
 * page reads. That copy was a quarter of the data store, which a build serialises, bundles and
 * parses whole (src/bench/README.md, “Where the build time goes”), so it is dropped on the way in.
 */
function withoutRawFrontmatter(store: DataStore): DataStore {
  const set: DataStore['set'] = (entry) => {
    if (!entry.rendered?.metadata?.frontmatter) return store.set(entry);
    const metadata = { ...entry.rendered.metadata };
    delete metadata.frontmatter;
    return store.set({ ...entry, rendered: { ...entry.rendered, metadata } });
  };
  // A proxy rather than a list of methods: the glob loader also calls methods its public type
  // leaves out (addAssetImports, for an entry with an image), and each must reach the real store.
  return new Proxy(store, {
    get(target, key) {
      if (key === 'set') return set;
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

const escapeGlob = (path: string) => path.replace(/[*?[\]{}()!+@\\]/g, '\\$&');

/**
 * Astro's glob loader over Markdown entries, minus those this edition does not publish.
 * `retainBody: false` keeps the raw Markdown out of Astro's data store, which otherwise holds
 * every entry's source beside its rendered HTML and is embedded whole in the build's bundle
 * (src/bench/README.md: a third of the store at 20,000 cases); read it with `entryBody`.
 */
export function publishedEntries(root: string, collection: CollectionName, edition: Edition, { retainBody = true }: { retainBody?: boolean } = {}): Loader {
  const base = `${root}/${collectionSpecs[collection].path}`;
  return {
    name: 'lianjian-published-entries',
    load: async (context) => {
      const hidden = hiddenEntries(root, collection, edition).map((f) => `!${escapeGlob(f)}`);
      // Editors write Markdown; MDX (which runs code) is kept for the project's own pages.
      await glob({ pattern: ['**/[^_]*.md', ...hidden], base, retainBody }).load({ ...context, store: withoutRawFrontmatter(context.store) });
    },
  };
}
