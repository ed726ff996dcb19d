/**
 * Astro writes into every page's CSP <meta> the hash of every inline style and script of the whole
 * site (39 hashes, 2.35 KB on a case page that has one inline <style> and no script). A hash lets in
 * only the inline block it was computed from, so a page needs just the hashes of its own inline
 * blocks; the rest are bytes every reader downloads on every page, and the page-weight budget
 * (40 KB HTML+CSS for the largest case page) pays for them. The server header (deploy.ts) stays the
 * union of what pages allow, so it still covers every page.
 */
import { createHash } from 'node:crypto';

const META = /(<meta http-equiv="content-security-policy" content=")([^"]+)(")/;
const INLINE = /<(script|style)\b([^>]*)>([\s\S]*?)<\/\1>/gi;
const HASH = /^'sha(?:256|384|512)-[A-Za-z0-9+/=]+'$/;

type Algorithm = 'sha256' | 'sha384' | 'sha512';

/** The CSP hash sources of a page's own inline scripts and styles, in the given algorithms (Astro's is SHA-256 unless configured). */
export function inlineHashes(html: string, algorithms: readonly Algorithm[] = ['sha256']): Set<string> {
  const out = new Set<string>();
  for (const m of html.matchAll(INLINE)) {
    const [, , attrs = '', body = ''] = m;
    // An external script is allowed by 'self' and needs no hash.
    if (/\bsrc=/.test(attrs)) continue;
    for (const alg of algorithms) out.add(`'${alg}-${createHash(alg).update(body, 'utf8').digest('base64')}'`);
  }
  return out;
}

/**
 * The page with its CSP <meta> keeping, in script-src and style-src, only the hashes of inline
 * blocks the page holds; every other directive and source is left exactly as written. A page
 * without the <meta> is returned unchanged.
 */
export function pruneCspHashes(html: string): string {
  const m = META.exec(html);
  if (!m?.[2]) return html;
  const algorithms = [...new Set([...m[2].matchAll(/'(sha256|sha384|sha512)-/g)].map((a) => a[1] as Algorithm))];
  if (algorithms.length === 0) return html;
  const own = inlineHashes(html, algorithms);
  const content = m[2]
    .split(';')
    .map((part) => {
      const name = part.trim().split(/\s+/)[0];
      if (name !== 'script-src' && name !== 'style-src') return part;
      const lead = /^\s*/.exec(part)?.[0] ?? '';
      return lead + part.trim().split(/\s+/).filter((s) => !HASH.test(s) || own.has(s)).join(' ');
    })
    .join(';');
  return html.replace(META, (_, open: string, _old: string, close: string) => `${open}${content}${close}`);
}
