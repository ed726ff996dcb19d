/**
 * The build's sweep of its own output: an asset nothing published refers to is named, wherever
 * it hides; assets reached through a page, a stylesheet or a script are not.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findOrphans } from '../../src/lib/output-sweep.ts';

function site(files: Record<string, string>): { out: string; pub: string } {
  const root = mkdtempSync(join(tmpdir(), 'lianjian-sweep-'));
  const out = join(root, 'dist');
  const pub = join(root, 'public');
  mkdirSync(pub, { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    const full = path.startsWith('public/') ? join(pub, path.slice(7)) : join(out, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return { out, pub };
}

const PUBLISHED = {
  'index.html': '<link rel="stylesheet" href="/_astro/site.A1b2.css"><img src="/_astro/ink-stone.Qx9__Z1c.svg" alt=""><script type="module" src="/_astro/page.K3j4.js"></script>',
  'culture/ink-stone/index.html': '<meta property="og:image" content="https://lianjian.example.cn/og-card.png"><img srcset="/_astro/seal.Zz1.png 1x, /_astro/seal.Zz2.png 2x">',
  '_astro/site.A1b2.css': '@font-face{src:url(./kai.F00d.woff2)}',
  '_astro/kai.F00d.woff2': 'font',
  '_astro/page.K3j4.js': 'import "./chunk.C5d6.js";',
  '_astro/chunk.C5d6.js': 'export {}',
  '_astro/ink-stone.Qx9_.svg': '<svg/>',
  '_astro/ink-stone.Qx9__Z1c.svg': '<svg/>',
  '_astro/seal.Zz1.png': 'png',
  '_astro/seal.Zz2.png': 'png',
  'og-card.png': 'png',
  'text-size/large.css': 'html{font-size:125%}',
  'favicon.svg': '<svg/>',
  'public/favicon.svg': '<svg/>',
};

describe('the output sweep', () => {
  it('accepts a build whose every asset a published page reaches', () => {
    const { out, pub } = site(PUBLISHED);
    expect(findOrphans(out, pub)).toEqual([]);
  });

  it('names the image of an internal entry that Astro copied although no page shows it', () => {
    const { out, pub } = site({ ...PUBLISHED, '_astro/internal-artwork.DEhskrt2.svg': '<svg><text>SENTINEL</text></svg>', '_astro/draft-case-figure.PaJplAXg.svg': '<svg/>' });
    expect(findOrphans(out, pub)).toEqual(['_astro/draft-case-figure.PaJplAXg.svg', '_astro/internal-artwork.DEhskrt2.svg']);
  });

  it('does not count a reference from an orphan, nor a file name merely mentioned in text', () => {
    const { out, pub } = site({
      ...PUBLISHED,
      '_astro/hidden.Aa1.js': 'import "./hidden-chunk.Bb2.js";',
      '_astro/hidden-chunk.Bb2.js': 'export {}',
      'cases/x/index.html': '<p>示意图 internal-figure.Cc3.svg 已删除</p>',
      '_astro/internal-figure.Cc3.svg': '<svg/>',
    });
    expect(findOrphans(out, pub)).toEqual(['_astro/hidden-chunk.Bb2.js', '_astro/hidden.Aa1.js', '_astro/internal-figure.Cc3.svg']);
  });
});
