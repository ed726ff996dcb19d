import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { pruneCspHashes } from '../lib/csp-prune.ts';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? htmlFiles(join(dir, d.name)) : d.name.endsWith('.html') ? [join(dir, d.name)] : []));
}

/** After the build, each page's CSP <meta> keeps only the hashes of its own inline code (src/lib/csp-prune.ts). */
export default function cspPrune(): AstroIntegration {
  return {
    name: 'lianjian:csp-prune',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        let saved = 0;
        const files = htmlFiles(fileURLToPath(dir));
        for (const file of files) {
          const html = readFileSync(file, 'utf8');
          const pruned = pruneCspHashes(html);
          if (pruned === html) continue;
          writeFileSync(file, pruned);
          saved += Buffer.byteLength(html) - Buffer.byteLength(pruned);
        }
        logger.info(`CSP：${files.length} 个页面只保留本页内联代码的哈希，共省 ${(saved / 1024).toFixed(0)} KB`);
      },
    },
  };
}
