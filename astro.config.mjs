// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

const edition = process.env.LIANJIAN_EDITION === 'internal' ? 'internal' : 'public';

export default defineConfig({
  // The public address; an intranet deployment sets its own with LIANJIAN_SITE.
  site: process.env.LIANJIAN_SITE ?? 'https://lianjian.example.cn',
  // Each edition builds to its own folder, so an internal build can never overwrite the public one.
  outDir: process.env.LIANJIAN_OUT ?? (edition === 'internal' ? './dist-internal' : './dist'),
  // Fixture builds in the tests keep their own cache so they never mix with the real site's.
  cacheDir: process.env.LIANJIAN_CACHE ?? './node_modules/.astro',
  trailingSlash: 'always',
  integrations: [mdx()],
  build: { format: 'directory' },
});
