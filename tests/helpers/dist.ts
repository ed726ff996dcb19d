import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Where `npm test` builds the real site: its own folder, so the tests never replace the dist/ that
 * `npm start` may be serving at the same time.
 */
export const DIST = 'dist-test';

export function distFile(path: string): string {
  return readFileSync(join(DIST, path), 'utf8');
}

export function pageExists(urlPath: string): boolean {
  return existsSync(join(DIST, urlPath, 'index.html'));
}

/** Every file under the test build, as paths relative to it. */
export function allFiles(dir = DIST): string[] {
  const out: string[] = [];
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, item.name);
    if (item.isDirectory()) out.push(...allFiles(full));
    else out.push(relative(DIST, full));
  }
  return out;
}

export const htmlPages = () => allFiles().filter((f) => f.endsWith('.html'));

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/**
 * The words a reader sees in a page's `<main>` (or in the part of it from an element's id up to
 * the next `<h2`): tags, styles, scripts and SVG titles stripped, entities decoded, spacing collapsed.
 */
export function visibleText(html: string, fromId?: string): string {
  let part = html.slice(html.indexOf('<main'), html.lastIndexOf('</main>'));
  if (fromId) {
    const at = part.indexOf(`id="${fromId}"`);
    if (at < 0) return '';
    const start = part.lastIndexOf('<', at);
    const end = part.indexOf('<h2', start + 1);
    part = part.slice(start, end < 0 ? undefined : end);
  }
  return part
    .replace(/<(style|script|svg)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<\/?(?:p|div|li|dt|dd|td|th|tr|h[1-6]|br|section|caption|summary|figcaption|table)\b[^>]*>/g, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#?\w+);/g, (m, e: string) => ENTITIES[e] ?? (e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : m))
    .replace(/\s+/g, ' ')
    .trim();
}
