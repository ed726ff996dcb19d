// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import contentCheck from './src/integrations/content-check.ts';

const edition = process.env.LIANJIAN_EDITION === 'internal' ? 'internal' : 'public';

export default defineConfig({
  // The public address; an intranet deployment sets its own with LIANJIAN_SITE.
  site: process.env.LIANJIAN_SITE ?? 'https://lianjian.example.cn',
  // Each edition builds to its own folder, so an internal build can never overwrite the public one.
  outDir: process.env.LIANJIAN_OUT ?? (edition === 'internal' ? './dist-internal' : './dist'),
  trailingSlash: 'always',
  integrations: [contentCheck(), mdx()],
  build: { format: 'directory' },
});
