/**
 * The proof behind editions by construction. Everything outside `_astro/` is the site's own: a
 * page or endpoint of `src/pages` (pages, feeds, sitemap, text-size stylesheets) or a file copied
 * from `public/`. Everything in `_astro/` came through Astro's asset pipeline and must be referenced,
 * directly or through a stylesheet or script, by one of those. An asset nothing published refers
 * to (the image of an internal entry, say) is an orphan that was never meant to ship, and is named.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

const ASSETS = '_astro/';
const TEXT = /\.(?:html|css|js|mjs|json|xml|txt|svg|webmanifest|xsl)$/i;
/** Absolute (`/x`, `https://host/x`) and relative (`./x`, `../x`) addresses inside a text file. */
const ADDRESS = /(?:https?:\/\/[^/\s"'<>()\\]+)?(?:\.{1,2}\/|\/)[^\s"'<>(),;\\`]*/g;

function walk(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(join(dir, d.name), `${prefix}${d.name}/`) : [`${prefix}${d.name}`],
  );
}

/**
 * The output files a text file refers to. Every file outside `_astro/` is reached from the start,
 * so from such a file only an address that can lead into `_astro/` matters: one naming the folder,
 * or one with a %-escape that might decode to it. Skipping the rest (every page's links to other
 * pages) keeps the sweep from resolving hundreds of thousands of page links at 10,000 cases.
 */
function referencesOf(file: string, text: string, files: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const onlyAssets = !file.startsWith(ASSETS);
  if (onlyAssets && !text.includes('_astro') && !text.includes('%')) return out;
  for (const m of text.matchAll(ADDRESS)) {
    if (onlyAssets && !m[0].includes('_astro') && !m[0].includes('%')) continue;
    let address = m[0].replace(/^https?:\/\/[^/]+/, '').replace(/[?#].*$/, '');
    try {
      address = decodeURIComponent(address);
    } catch {
      // keep it as written
    }
    const path = address.startsWith('/') ? address.slice(1) : posix.normalize(posix.join(posix.dirname(file), address));
    for (const candidate of [path, posix.join(path, 'index.html')]) if (files.has(candidate)) out.push(candidate);
  }
  return out;
}

/**
 * Astro writes an image it resized or re-encoded (`ink-stone.fgyVDmo__Z1Cuh3a.svg`) beside the
 * source it was made from (`ink-stone.fgyVDmo_.svg`): the source ships with the published image.
 */
function sourceImages(file: string, files: ReadonlySet<string>): string[] {
  const ext = posix.extname(file);
  const stem = file.slice(0, file.length - ext.length);
  const out: string[] = [];
  for (let i = stem.indexOf('_', ASSETS.length); i > 0; i = stem.indexOf('_', i + 1)) {
    const source = `${stem.slice(0, i)}${ext}`;
    if (files.has(source)) out.push(source);
  }
  return out;
}

/** Output files (relative to `outDir`) that nothing published refers to; empty for a clean build. */
export function findOrphans(outDir: string, publicDir: string): string[] {
  const list = walk(outDir);
  const files = new Set(list);
  const reached = new Set<string>();
  const queue = list.filter((f) => !f.startsWith(ASSETS) || existsSync(join(publicDir, f)));
  for (const f of queue) reached.add(f);
  const reach = (ref: string) => {
    if (reached.has(ref)) return;
    reached.add(ref);
    queue.push(ref);
  };
  while (queue.length > 0) {
    const file = queue.pop() ?? '';
    if (file.startsWith(ASSETS)) for (const source of sourceImages(file, files)) reach(source);
    if (TEXT.test(file)) for (const ref of referencesOf(file, readFileSync(join(outDir, file), 'utf8'), files)) reach(ref);
  }
  return list.filter((f) => !reached.has(f)).sort();
}

/** The build's report for orphans, in the words an editor or maintainer needs. */
export function orphanReport(orphans: readonly string[], outDir: string): string {
  return `构建产物中有 ${orphans.length} 个文件没有被任何已发布的页面引用，可能来自未发布的条目，已停止：\n${orphans.map((f) => `  ${join(outDir, f)}`).join('\n')}\n请检查引用这些文件的内容是否为内部条目或草稿；确属站点自己的文件，请放到 public/ 中。`;
}
