import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { covers, cspHeader, pagePolicy } from '../../src/lib/deploy.ts';
import { pruneCspHashes } from '../../src/lib/csp-prune.ts';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const STYLE = '.pager{display:flex}';
const SCRIPT = 'document.documentElement.dataset.ready="1"';
const OTHER_STYLE = '.builder{display:grid}';
const policy = `default-src 'self';img-src 'self' data:;object-src 'none'; script-src 'self' 'wasm-unsafe-eval' ${hash(SCRIPT)} ${hash('other()')}; style-src 'self' ${hash(STYLE)} ${hash(OTHER_STYLE)};`;
const page = (body: string) => `<!DOCTYPE html><html><head><meta http-equiv="content-security-policy" content="${policy}"><style>${STYLE}</style></head><body>${body}</body></html>`;

describe('each page’s CSP keeps only its own inline hashes', () => {
  it('a reading page keeps the hash of its one <style> and no script hash, and still allows its own style and nothing new', () => {
    const reading = pruneCspHashes(page('<p>案情</p>'));
    const p = pagePolicy(reading);
    expect([...(p.get('style-src') ?? [])]).toEqual(["'self'", hash(STYLE)]);
    expect([...(p.get('script-src') ?? [])]).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    // Every other directive is exactly as Astro wrote it.
    expect(p.get('img-src')).toEqual(new Set(["'self'", 'data:']));
    expect(p.get('object-src')).toEqual(new Set(["'none'"]));
    expect(p.get('default-src')).toEqual(new Set(["'self'"]));
    expect(Buffer.byteLength(reading)).toBeLessThan(Buffer.byteLength(page('<p>案情</p>')));
    // The page is otherwise byte for byte the same.
    expect(reading.replace(/content="[^"]+"/, '')).toBe(page('<p>案情</p>').replace(/content="[^"]+"/, ''));
  });

  it('a page with an inline script keeps that script’s hash; an external script or a JSON block adds none', () => {
    const html = pruneCspHashes(page(`<script type="module">${SCRIPT}</script><script type="module" src="/_astro/x.js"></script><script type="application/json">{"a":1}</script>`));
    expect(pagePolicy(html).get('script-src')).toEqual(new Set(["'self'", "'wasm-unsafe-eval'", hash(SCRIPT)]));
  });

  it('the one server header built from pruned pages still covers every page', () => {
    const pages = [pruneCspHashes(page('<p>案情</p>')), pruneCspHashes(page(`<script>${SCRIPT}</script>`))];
    const header = cspHeader(pages);
    for (const html of pages) expect(covers(header, pagePolicy(html))).toBe(true);
    expect(header).not.toContain(hash(OTHER_STYLE));
  });

  it('a page without a CSP <meta> is left as it is', () => {
    const html = '<!DOCTYPE html><html><head><style>p{}</style></head></html>';
    expect(pruneCspHashes(html)).toBe(html);
  });
});
