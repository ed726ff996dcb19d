import { formatReport, type ContentProblem } from './content-errors.ts';

/**
 * The content check's report as `npm run check` prints it, and as a build that finds a problem
 * prints it before stopping: every problem, grouped by file, then the totals.
 */
export function checkReport(problems: readonly ContentProblem[]): string {
  return `内容检查发现 ${problems.length} 个问题：\n\n${formatReport(problems)}\n\n共发现 ${problems.length} 个问题，涉及 ${new Set(problems.map((p) => p.file)).size} 个文件。`;
}
