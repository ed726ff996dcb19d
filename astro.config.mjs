// @ts-check
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import contentCheck from './src/integrations/content-check.ts';

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
  // its entries into the sample site's (the cache key would otherwise ignore LIANJIAN_CONTENT).
  cacheDir: `./node_modules/.astro/${cacheKey(contentRoot)}`,
  trailingSlash: 'always',
  integrations: [contentCheck(), mdx()],
  build: { format: 'directory' },
});
