import type { AstroIntegration } from 'astro';
import { checkReport } from '../lib/check-report.ts';
import { contentRoot } from '../lib/content-root.ts';
import { loadContent } from '../lib/load-content.ts';

/**
 * Runs the editor's check (`npm run check`) before every build, so the build and the check
 * report the same problems in the same words, all at once. It also catches what Astro's own
 * frontmatter parser lets through, such as 2025-02-30 silently becoming 2 March.
 *
 * A build stops with the check's Chinese report and nothing else: a thrown error would be wrapped
 * in Astro's English banner and a stack trace pointing into this file, which tells an editor
 * nothing. `npm run build` runs the check itself first and sets LIANJIAN_CONTENT_CHECKED, so the
 * content is not read twice. Under `astro dev` problems are shown and the server keeps running.
 */
export default function contentCheck(): AstroIntegration {
  return {
    name: 'lianjian:content-check',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        if (command === 'build' && process.env['LIANJIAN_CONTENT_CHECKED'] === '1') return;
        const root = contentRoot();
        const { entries, problems } = loadContent(root);
        if (problems.length === 0) {
          logger.info(`内容检查通过：${root} 中共 ${entries.length} 条内容`);
          return;
        }
        if (command === 'dev') {
          logger.error(`${checkReport(problems)}\n改正后保存，开发预览会自动刷新；构建（npm run build）会在改正前停止。`);
          return;
        }
        console.error(checkReport(problems));
        process.exit(1);
      },
    },
  };
}
