/**
 * `npm run check`: validates every content file (schemas, references, required sections) without
 * building the site, and prints all problems at once, grouped by file, in Chinese.
 */
import { checkReport } from '../lib/check-report.ts';
import { contentRoot } from '../lib/content-root.ts';
import { loadContent } from '../lib/load-content.ts';

const root = contentRoot();
const { entries, problems } = loadContent(root);
if (problems.length > 0) {
  console.error(checkReport(problems));
  process.exit(1);
}
const counts = new Map<string, number>();
for (const e of entries) counts.set(e.collection, (counts.get(e.collection) ?? 0) + 1);
console.log(`内容检查通过（${root}）：${[...counts].map(([k, v]) => `${k} ${v}`).join('，')}`);
// Drafts are not problems, but an editor should see what will not be published.
const drafts = entries.filter((e) => e.data['draft'] === true);
const internal = entries.filter((e) => e.data['visibility'] === 'internal' && e.data['draft'] !== true);
if (drafts.length > 0) console.log(`\n草稿 ${drafts.length} 篇，任何版本都不会发布：\n${drafts.map((e) => `  ${e.file}`).join('\n')}`);
if (internal.length > 0) console.log(`\n内部条目 ${internal.length} 篇，只在内部版中发布：\n${internal.map((e) => `  ${e.file}`).join('\n')}`);
