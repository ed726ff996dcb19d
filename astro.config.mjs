// @ts-check
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import contentCheck from './src/integrations/content-check.ts';
import dataStoreFile from './src/integrations/data-store-file.ts';
import outputSweep from './src/integrations/output-sweep.ts';
import { markdownSafety } from './src/lib/markdown-safety.ts';
import { memberOrigins, networkDirectives } from './src/lib/federation.ts';
import { readNetwork } from './src/lib/federation-files.ts';

const contentRoot = process.env.LIANJIAN_CONTENT ?? './content';
/** @param {string} root */
const cacheKey = (root) => createHash('sha256').update(resolve(root)).digest('hex').slice(0, 12);
const edition = process.env.LIANJIAN_EDITION === 'internal' ? 'internal' : 'public';

export default defineConfig({
  // The public address; an intranet deployment sets its own with LIANJIAN_SITE.
  site: process.env.LIANJIAN_SITE ?? 'https://lianjian.example.cn',
  // Each edition builds to its own folder, so an internal build can never overwrite the public one.
  outDir: process.env.LIANJIAN_OUT ?? (edition === 'internal' ? './dist-internal' : './dist'),
  // Each content folder keeps its own content cache, so a fixture or benchmark build never mixes
  // its entries into the sample site's (the cache key would otherwise ignore LIANJIAN_CONTENT); and
  // each edition its own, as the store holds only that edition's entries and the prerenderer reads
  // it from this folder (data-store-file.ts): a public build running beside an internal one of the
  // same folder must never read the internal store.
  cacheDir: `./node_modules/.astro/${cacheKey(contentRoot)}-${edition}`,
  trailingSlash: 'always',
  integrations: [
    contentCheck(),
    // The prerenderer reads the content data store from its file instead of a bundled string.
    dataStoreFile(),
    mdx(),
    // Pages a search engine has no use for stay out; the internal edition is never crawled.
    sitemap({ filter: (page) => edition === 'public' && !/\/(search|builder|study|404)\/?$/.test(new URL(page).pathname) }),
    // Last, so it sees every file the others wrote: no asset of an unpublished entry ships.
    outputSweep(),
  ],
  build: { format: 'directory' },
  // Scoped styles marked by a class (.astro-x) rather than an attribute ([data-astro-cid-x]): the same
  // specificity, about 1 KB less on a case page, whose HTML+CSS budget is 40 KB.
  scopedStyleStrategy: 'class',
  // Raw HTML in editors' Markdown is shown as text, never run (src/lib/markdown-safety.ts).
  // No code in this content, and Shiki's inline styles would break the CSP below.
  markdown: { syntaxHighlight: false, processor: satteri({ hastPlugins: [markdownSafety] }) },
  security: {
    csp: {
      // Member sites (issue 20): connect-src admits exactly the origins in network/sites.yaml, whose
      // search bundles this site's search reads (src/lib/federation.ts).
      directives: networkDirectives([
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        // Pagefind runs its search in a worker it creates from a blob.
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ], memberOrigins(readNetwork(contentRoot).config)),
      // Pagefind compiles its WebAssembly search engine in the page.
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
});
