/**
 * `node src/cli/index-search.ts [siteDir]`: builds the search indexes after `astro build`.
 * Content pages carry their own search data (data-pagefind-body, filters, meta, sort); this script
 * decides what the indexer sees (lib/search-index.ts): synonyms added, one record per article, and
 * pages split into shards of LIANJIAN_SHARD_PAGES (default 11,000) indexed one after another, so
 * peak memory is that of one shard however large the library grows. The browser merges the shards;
 * each shard costs a search one more index chunk per word, so 10,000 cases stay in one.
 * Cases' narratives (基本案情 … 讨论题, two thirds of the text) form an index of their own (narrative/,
 * lib/pair-index.ts): overlapping character pairs with their positions, written by a small writer
 * of ours in one pass (lib/narrative-writer.ts), not by Pagefind. Pagefind indexed them at about
 * 24 ms of CPU a case, three quarters of this step (src/bench/README.md); the writer takes a small
 * fraction of that, and the browser downloads a bucket per pair of the query, searched only when
 * the main bundle answers thinly.
 * Each part runs in a child process of this script (`--job=main:0`, `--job=narrative`): the main
 * bundle's shards one at a time (one Pagefind process keeps about one core busy), the narrative
 * index beside them on the machine's second core.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { contentRoot, edition } from '../lib/content-root.ts';
import { loadContent } from '../lib/load-content.ts';
import { compactFragmentNames } from '../lib/pagefind-meta.ts';
import { isPublished, type Publishable } from '../lib/publish.ts';
import { NarrativeIndexWriter } from '../lib/narrative-writer.ts';
import { articleRecords, INDEX_EXCLUDE, isContentPage, NARRATIVE_DIR, narrativeRecord, pageForIndex, SHARD_MANIFEST, shardCount, shardDir, shardOf, type ShardManifest, type SynonymGroup } from '../lib/search-index.ts';
import { DOCUMENT_STATUSES, type DocumentData } from '../schemas/document.ts';
import { urls } from '../lib/urls.ts';

const job = process.argv.find((a) => a.startsWith('--job='))?.slice('--job='.length);
const site = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'dist';
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
// The jobs read the parent's list rather than each reading every page again.
const isContent = (file: string) => isContentPage(readFileSync(file, 'utf8'));
const pagesFile = process.env['LIANJIAN_INDEX_PAGES'];
const pages: string[] =
  job && pagesFile
    ? (JSON.parse(readFileSync(pagesFile, 'utf8')) as string[])
    : htmlFiles(site)
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

// Folders of earlier layouts (pagefind-narrative*) go too, so a site indexed again holds only what the manifest names.
if (!job) for (const old of readdirSync(site).filter((d) => /^pagefind(-narrative)?(-\d+)?$|^narrative$/.test(d))) rmSync(join(site, old), { recursive: true, force: true });

type IndexRecord = { sourcePath: string; content: string } | { url: string; content: string };

/** Pagefind's compressed files: gzip of a signature and the data. */
const SIGNATURE = 'pagefind_dcd';
const unpackBytes = (content: Uint8Array) => gunzipSync(content).subarray(SIGNATURE.length);
const pack = (data: string | Uint8Array) => gzipSync(Buffer.concat([Buffer.from(SIGNATURE), Buffer.from(data)]), { level: 9 });

/**
 * Indexes one shard's records into its folder, in a job process of its own so memory is one
 * shard's. Pagefind writes its files itself (holding them in this process too would add to the
 * peak); then fragments are renamed to short sequential names (pagefind-meta.ts), which shrinks
 * the metadata every search downloads first.
 */
async function writeShard(outputPath: string, records: Iterable<IndexRecord>): Promise<void> {
  const shardStarted = performance.now();
  const { errors, index } = await pagefind.createIndex({ forceLanguage: 'zh-cn', excludeSelectors: [...INDEX_EXCLUDE] });
  if (!index) throw new Error(`Pagefind 无法创建索引：${errors.join('；')}`);
  for (const record of records) {
    const added = await index.addHTMLFile(record);
    if (added.errors.length > 0) throw new Error(`Pagefind 无法索引 ${'url' in record ? record.url : record.sourcePath}：${added.errors.join('；')}`);
  }
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new Error(`Pagefind 写入索引出错：${written.errors.join('；')}`);
  // Free this shard's memory before the next one starts.
  await index.deleteIndex();
  await pagefind.close();
  console.log(`${relative(site, outputPath)}：Pagefind 用时 ${((performance.now() - shardStarted) / 1000).toFixed(1)} 秒`);
  for (const name of readdirSync(outputPath)) {
    const hash = /^pagefind\.[^_]+_([0-9a-f]+)\.pf_meta$/.exec(name)?.[1];
    if (!hash) continue;
    const compact = compactFragmentNames(unpackBytes(readFileSync(join(outputPath, name))), `${hash.slice(0, 6)}_`);
    for (const [from, to] of compact.renamed) renameSync(join(outputPath, 'fragment', `${from}.pf_fragment`), join(outputPath, 'fragment', `${to}.pf_fragment`));
    writeFileSync(join(outputPath, name), pack(compact.meta));
  }
}

function* mainRecords(shard: number): Generator<IndexRecord> {
  for (const path of pages) {
    if (shardOf(path, shards) !== shard) continue;
    const content = pageForIndex(readFileSync(join(site, path), 'utf8'), groups);
    if (!content) throw new Error(`${path} 在建索引期间被改动，已不再是内容页面（<main> 上没有 data-pagefind-body）`);
    yield { sourcePath: path, content };
  }
  for (const { record, page } of articles) if (shardOf(page, shards) === shard) yield record;
}


/*
 * The narrative index: every case's 基本案情 … 讨论题 (with its title), as character pairs with their
 * positions (lib/narrative-writer.ts), written in one pass by a job of its own while Pagefind indexes
 * the main bundle. The browser searches it only when the main bundle's answer is thin.
 */
const narratives = pages.filter((path) => path.startsWith('cases/'));

function writeNarrative(): void {
  const dir = join(site, NARRATIVE_DIR);
  rmSync(dir, { recursive: true, force: true });
  for (const sub of ['p', 'h', 'd', 'f']) mkdirSync(join(dir, sub), { recursive: true });
  const writer = new NarrativeIndexWriter((path, data) => writeFileSync(join(dir, path), data));
  for (const path of narratives) {
    const record = narrativeRecord(readFileSync(join(site, path), 'utf8'));
    if (record) writer.add({ url: `/${path.replace(/index\.html$/, '')}`, ...record });
  }
  const written = writer.finish();
  console.log(`${NARRATIVE_DIR}：${written.docs} 篇案情、${written.words} 个字对，${written.buckets} 个分桶（压缩后 ${(written.bytes / 1e6).toFixed(1)} MB），用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒`);
}

if (job) {
  const [kind, n] = job.split(':');
  const shard = Number(n);
  if (kind === 'main' && shard < shards) await writeShard(join(site, shardDir(shard)), mainRecords(shard));
  else if (kind === 'narrative') writeNarrative();
  else throw new Error(`未知的索引任务“${job}”`);
  process.exit(0);
}

/** Runs every job, `parallel` at a time; the first failure stops the others and is thrown with its output. */
async function runJobs(jobs: readonly string[], parallel: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lianjian-index-'));
  const list = join(dir, 'pages.json');
  writeFileSync(list, JSON.stringify(pages));
  const queue = [...jobs];
  const running = new Set<ReturnType<typeof spawn>>();
  const one = (name: string) =>
    new Promise<void>((done, fail) => {
      const child = spawn(process.execPath, [...process.execArgv, import.meta.filename, site, `--job=${name}`], {
        env: { ...process.env, LIANJIAN_INDEX_PAGES: list },
        stdio: ['ignore', 'inherit', 'pipe'],
      });
      running.add(child);
      let stderr = '';
      child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (code) => {
        running.delete(child);
        if (code === 0) done();
        else fail(new Error(`索引任务 ${name} 失败（退出码 ${code}）：\n${stderr}`));
      });
    });
  const lane = async () => {
    for (let name = queue.shift(); name; name = queue.shift()) await one(name);
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(parallel, jobs.length)) }, lane));
  } catch (error) {
    queue.length = 0;
    for (const child of running) child.kill();
    throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The main bundle's shard holds up to 11,000 whole pages (about 2.6 GB at 10,000 cases): its shards
// run one at a time, and the narrative index, a small process of its own, beside them.
await Promise.all([runJobs(Array.from({ length: shards }, (_, i) => `main:${i}`), 1), runJobs(['narrative'], 1)]);

const manifest: ShardManifest = {
  shards: Array.from({ length: shards - 1 }, (_, i) => `/${shardDir(i + 1)}/`),
  ...(narratives.length > 0 ? { narrative: `/${NARRATIVE_DIR}/` } : {}),
};
writeFileSync(join(site, SHARD_MANIFEST), JSON.stringify(manifest));
console.log(`搜索索引完成：${pages.length} 个页面、${articles.length} 个条款记录，分 ${shards} 个分片；${narratives.length} 篇案例的案情全文另建字对索引；用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒。`);
