/**
 * `node src/cli/index-search.ts [siteDir]`: builds the Pagefind search index for a built site,
 * after `astro build`. Pages carry their own search data (data-pagefind-body on content pages,
 * filters, meta, sort); this script only decides how the index is written.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

const site = process.argv[2] ?? 'dist';
if (!existsSync(join(site, 'index.html'))) {
  console.error(`找不到已构建的站点“${site}”，请先运行 astro build。`);
  process.exit(1);
}

const started = performance.now();
const { errors, index } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
if (!index) throw new Error(`Pagefind 无法创建索引：${errors.join('；')}`);
const added = await index.addDirectory({ path: site });
if (added.errors.length > 0) throw new Error(`Pagefind 索引出错：${added.errors.join('；')}`);
const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
if (written.errors.length > 0) throw new Error(`Pagefind 写入索引出错：${written.errors.join('；')}`);
await pagefind.close();
console.log(`搜索索引完成：${added.page_count} 个页面，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒（${site}/pagefind）。`);
