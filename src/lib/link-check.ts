/**
 * Checks every internal link of a built site: the target page exists and, for `#fragment`
 * links, the target page has an element with that id. Works on the HTML text Astro writes
 * (attributes always quoted), one pass to collect ids, one to check links.
 */
export interface BuiltPage {
  /** Path of the HTML file relative to the site root: `cases/x/index.html`. */
  file: string;
  html: string;
}

export interface BrokenLink {
  page: string;
  href: string;
  reason: 'missing-page' | 'missing-anchor';
}

const ID_RE = /\sid="([^"]+)"/g;
const HREF_RE = /<a\s[^>]*?href="([^"]*)"/g;

/** The URL path a built file answers to: `cases/x/index.html` → `/cases/x/`. */
export function urlOf(file: string): string {
  const path = `/${file}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

function decode(s: string): string {
  return s.replace(/&amp;/g, '&');
}

export function checkLinks(pages: readonly BuiltPage[], otherFiles: readonly string[] = []): BrokenLink[] {
  const ids = new Map<string, Set<string>>();
  for (const p of pages) ids.set(urlOf(p.file), new Set([...p.html.matchAll(ID_RE)].map((m) => decode(m[1] ?? ''))));
  const files = new Set(otherFiles.map((f) => `/${f}`));
  const broken: BrokenLink[] = [];
  for (const p of pages) {
    const base = new URL(urlOf(p.file), 'http://site.invalid');
    for (const m of p.html.matchAll(HREF_RE)) {
      const href = decode(m[1] ?? '');
      if (/^(https?:|mailto:|tel:|data:)/.test(href) || href === '') continue;
      const url = new URL(href, base);
      if (url.origin !== base.origin) continue;
      const path = decodeURIComponent(url.pathname);
      const target = ids.get(path);
      if (!target) {
        if (!files.has(path)) broken.push({ page: p.file, href, reason: 'missing-page' });
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && !target.has(fragment)) broken.push({ page: p.file, href, reason: 'missing-anchor' });
    }
  }
  return broken;
}
