import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { findOrphans, orphanReport } from '../lib/output-sweep.ts';

/**
 * After every build, proves that nothing unpublished reached the output: every asset Astro
 * emitted must be referenced by a published page (src/lib/output-sweep.ts). Registered last, so
 * it sees the output of every other integration.
 */
export default function outputSweep(): AstroIntegration {
  let publicDir = 'public';
  return {
    name: 'lianjian:output-sweep',
    hooks: {
      'astro:config:done': ({ config }) => {
        publicDir = fileURLToPath(config.publicDir);
      },
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const orphans = findOrphans(out, publicDir);
        if (orphans.length > 0) throw new Error(orphanReport(orphans, out));
        logger.info('产物检查通过：构建产物中的每个资源文件都由已发布的页面引用');
      },
    },
  };
}
