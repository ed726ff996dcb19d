/**
 * Builds the real site once (astro build + Pagefind) before the build-output and browser tests.
 * LIANJIAN_TEST_REUSE_DIST=1 reuses an existing dist/ while iterating locally.
 */
import { existsSync } from 'node:fs';
import { buildSite } from './build.ts';

export default function setup(): void {
  if (process.env['LIANJIAN_TEST_REUSE_DIST'] === '1' && existsSync('dist/pagefind')) return;
  const result = buildSite({ LIANJIAN_EDITION: 'public', LIANJIAN_OUT: 'dist' }, { pagefind: true });
  if (result.status !== 0) throw new Error(`站点构建失败：\n${result.output.slice(-4000)}`);
}
