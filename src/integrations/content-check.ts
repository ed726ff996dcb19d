import type { AstroIntegration } from 'astro';
import { ContentError } from '../lib/content-errors.ts';
import { contentRoot } from '../lib/content-root.ts';
import { loadContent } from '../lib/load-content.ts';

/**
 * Runs the editor's check (`npm run check`) before every build, so the build and the check
 * report the same problems in the same words, all at once. It also catches what Astro's own
 * frontmatter parser lets through, such as 2025-02-30 silently becoming 2 March.
 */
export default function contentCheck(): AstroIntegration {
  return {
    name: 'lianjian:content-check',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command !== 'build') return;
        const root = contentRoot();
        const { entries, problems } = loadContent(root);
        if (problems.length > 0) throw new ContentError(problems);
        logger.info(`内容检查通过：${root} 中共 ${entries.length} 条内容`);
      },
    },
  };
}
