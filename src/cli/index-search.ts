/**
 * `node src/cli/index-search.ts [siteDir]`: builds the Pagefind search index after `astro build`.
 * Content pages carry their own search data (data-pagefind-body, filters, meta, sort); this script
 * decides what the indexer sees (lib/search-index.ts): synonyms added, one record per article, and
 * pages split into shards of LIANJIAN_SHARD_PAGES (default 11,000) indexed one after another, so
 * peak memory is that of one shard however large the library grows. The browser merges the shards;
 * each shard costs a search one more index chunk per word, so 10,000 cases stay in one.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as pagefind from 'pagefind';
import { contentRoot, edition } from '../lib/content-root.ts';
import { loadContent } from '../lib/load-content.ts';
import { isPublished, type Publishable } from '../lib/publish.ts';
import { articleRecords, INDEX_EXCLUDE, isContentPage, pageForIndex, SHARD_MANIFEST, shardCount, shardDir, shardOf, type SynonymGroup } from '../lib/search-index.ts';
import { DOCUMENT_STATUSES, type DocumentData } from '../schemas/document.ts';
import { urls } from '../lib/urls.ts';

const site = process.argv[2] ?? 'dist';
if (!existsSync(join(site, 'index.html'))) {
  console.error(`找不到已构建的站点“${site}”，请先运行 astro build。`);
  process.exit(1);
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = join(dir, d.name);
    if (d.isDirectory()) return d.name.startsWith('pagefind') ? [] : htmlFiles(full);
    return d.name.endsWith('.html') ? [full] : [];
  });
}

const started = performance.now();
const { entries } = loadContent(contentRoot(), process.cwd(), ['synonyms', 'documents']);
const groups = entries.filter((e) => e.collection === 'synonyms').map((e) => e.data as unknown as SynonymGroup);
const docs = entries.filter((e) => e.collection === 'documents' && isPublished(e.data as unknown as Publishable, edition()));

// Only paths are kept: each page is read again when its shard is indexed, so this script's own
// memory stays small beside Pagefind's, however many pages there are.
const isContent = (file: string) => isContentPage(readFileSync(file, 'utf8'));
const pages = htmlFiles(site)
  .filter(isContent)
  .map((file) => relative(site, file));
// A rule's article records go to the shard of the rule's own page: every shard ranks by its own
// word statistics, and a page must compete with its articles on the same ones (联席会议 should
// rank the rule above its articles), while no shard is skewed by holding all articles.
const articles = docs.flatMap((d) => {
  const data = d.data as unknown as DocumentData;
  const page = relative(site, join(site, urls.document(d.id), 'index.html'));
  return articleRecords(d.id, data, DOCUMENT_STATUSES[data.status]).map((record) => ({ record, page }));
});
const shards = shardCount(pages.length + articles.length, Number(process.env['LIANJIAN_SHARD_PAGES'] ?? 11000));

for (const old of readdirSync(site).filter((d) => /^pagefind(-\d+)?$/.test(d))) rmSync(join(site, old), { recursive: true, force: true });

for (let shard = 0; shard < shards; shard++) {
  const { errors, index } = await pagefind.createIndex({ forceLanguage: 'zh-cn', excludeSelectors: [...INDEX_EXCLUDE] });
  if (!index) throw new Error(`Pagefind 无法创建索引：${errors.join('；')}`);
  for (const path of pages) {
    if (shardOf(path, shards) !== shard) continue;
    const content = pageForIndex(readFileSync(join(site, path), 'utf8'), groups);
    if (!content) throw new Error(`${path} 在建索引期间被改动，已不再是内容页面（<main> 上没有 data-pagefind-body）`);
    const added = await index.addHTMLFile({ sourcePath: path, content });
    if (added.errors.length > 0) throw new Error(`Pagefind 无法索引 ${path}：${added.errors.join('；')}`);
  }
  for (const { record, page } of articles) {
    if (shardOf(page, shards) !== shard) continue;
    const added = await index.addHTMLFile(record);
    if (added.errors.length > 0) throw new Error(`Pagefind 无法索引 ${record.url}：${added.errors.join('；')}`);
  }
  const written = await index.writeFiles({ outputPath: join(site, shardDir(shard)) });
  if (written.errors.length > 0) throw new Error(`Pagefind 写入索引出错：${written.errors.join('；')}`);
  // Free this shard's memory before the next one starts.
  await index.deleteIndex();
  await pagefind.close();
}

writeFileSync(join(site, SHARD_MANIFEST), JSON.stringify({ shards: Array.from({ length: shards - 1 }, (_, i) => `/${shardDir(i + 1)}/`) }));
console.log(`搜索索引完成：${pages.length} 个页面、${articles.length} 个条款记录，分 ${shards} 个分片，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒。`);
