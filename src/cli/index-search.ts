/**
 * `node src/cli/index-search.ts [siteDir]`: builds the Pagefind search index after `astro build`.
 * Content pages carry their own search data (data-pagefind-body, filters, meta, sort); this script
 * decides what the indexer sees (lib/search-index.ts): synonyms added, one record per article, and
 * pages split into shards of LIANJIAN_SHARD_PAGES (default 11,000) indexed one after another, so
 * peak memory is that of one shard however large the library grows. The browser merges the shards;
 * each shard costs a search one more index chunk per word, so 10,000 cases stay in one.
 * Cases' narratives form a second bundle of their own (pagefind-narrative*), searched only when the
 * main one answers thinly: whole text searchable, common queries as small as before.
 * Each shard is indexed by a child process of this script (`--job=main:0`, `--job=narrative:3`),
 * the main bundle's alone, then the narrative shards LIANJIAN_INDEX_PARALLEL (default 2) at a time:
 * one Pagefind process keeps about one core busy, so two use the machine's second core, and memory
 * is two narrative shards' (src/bench/README.md).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { contentRoot, edition } from '../lib/content-root.ts';
import { loadContent } from '../lib/load-content.ts';
import { compactFragmentNames } from '../lib/pagefind-meta.ts';
import { isPublished, type Publishable } from '../lib/publish.ts';
import { bigramText } from '../lib/bigrams.ts';
import { articleRecords, INDEX_EXCLUDE, isContentPage, narrativeDir, narrativeRecord, pageForIndex, SHARD_MANIFEST, shardCount, shardDir, shardOf, sharedWasmEntry, slimNarrativeFragment, wasmName, type ShardManifest, type SynonymGroup } from '../lib/search-index.ts';
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

if (!job) for (const old of readdirSync(site).filter((d) => /^pagefind(-narrative)?(-\d+)?$/.test(d))) rmSync(join(site, old), { recursive: true, force: true });

type IndexRecord = { sourcePath: string; content: string } | { url: string; content: string };

/** What a bundle keeps of Pagefind's output: a file as written, changed, or removed (undefined). */
type FileFilter = (path: string, content: Uint8Array) => Uint8Array | undefined;

/** Pagefind's compressed files: gzip of a signature and the data. */
const SIGNATURE = 'pagefind_dcd';
const unpackBytes = (content: Uint8Array) => gunzipSync(content).subarray(SIGNATURE.length);
const unpack = (content: Uint8Array) => Buffer.from(unpackBytes(content)).toString('utf8');
const pack = (data: string | Uint8Array) => gzipSync(Buffer.concat([Buffer.from(SIGNATURE), Buffer.from(data)]), { level: 9 });

/**
 * Indexes one shard's records into its folder, in a job process of its own so memory is one
 * shard's. Pagefind writes its files itself (holding them in this process too would add to the
 * peak); then fragments are renamed to short sequential names (pagefind-meta.ts), which shrinks
 * the metadata every search downloads first, and `keep` changes or removes a bundle's other files.
 */
async function writeShard(outputPath: string, records: Iterable<IndexRecord>, keep?: FileFilter, language = 'zh-cn'): Promise<void> {
  const shardStarted = performance.now();
  const { errors, index } = await pagefind.createIndex({ forceLanguage: language, excludeSelectors: [...INDEX_EXCLUDE] });
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
  if (!keep) return;
  for (const path of readdirSync(outputPath, { recursive: true, encoding: 'utf8' })) {
    const full = join(outputPath, path);
    if (!statSync(full).isFile()) continue;
    const content = keep(path, readFileSync(full));
    if (!content) rmSync(full);
    else writeFileSync(full, content);
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
 * The narrative bundle: every case's 基本案情 … 讨论题, about two thirds of its text, in shards of
 * LIANJIAN_NARRATIVE_SHARD_PAGES (default 2,500) so each Pagefind process stays within the memory
 * budget. The browser searches it only when the main bundle's answer is thin (search/pagefind.ts),
 * so a common query downloads nothing from it.
 */
const narratives = pages.filter((path) => path.startsWith('cases/'));
/*
 * The narrative is cut into overlapping character pairs here (lib/bigrams.ts) and indexed as a
 * language Pagefind neither segments nor stems; the manifest tells the browser to ask in pairs.
 * Measured (src/bench/README.md, "Character pairs"): the narrative shards index in about half the
 * time, with the same answers and downloads; memory hardly changes, so shards stay at 2,500.
 * LIANJIAN_NARRATIVE_WORDS=pagefind keeps Pagefind's own Chinese segmentation (the earlier design).
 */
const pairs = process.env['LIANJIAN_NARRATIVE_WORDS'] !== 'pagefind';
// 1,250 cases a shard: two Pagefind processes at a time stay near 1.3 GB each (src/bench/README.md).
const narrativeShards = shardCount(narratives.length, Number(process.env['LIANJIAN_NARRATIVE_SHARD_PAGES'] ?? 1250));
/** The current shard's texts as written, by URL, for its fragments (pairs are not readable). */
const narrativeTexts = new Map<string, string>();
function* narrativeRecords(shard: number): Generator<IndexRecord> {
  narrativeTexts.clear();
  for (const path of narratives) {
    if (shardOf(path, narrativeShards) !== shard) continue;
    const record = narrativeRecord(readFileSync(join(site, path), 'utf8'), pairs ? bigramText : undefined);
    if (!record) continue;
    if (pairs) narrativeTexts.set(`/${path.replace(/index\.html$/, '')}`, record.text);
    yield { sourcePath: path, content: record.content };
  }
}
/*
 * The narrative bundle reuses the main bundle's runtime: its entry points at the main bundle's wasm
 * (one download, answered from the browser's cache the second time; rewritten once every job is
 * done, below), the search UI files are not needed, and its fragments keep only what the result
 * list shows (slimNarrativeFragment).
 */
const keepNarrative: FileFilter = (path, content) => {
  if (/^wasm\.|^pagefind-(component-|modular-)?ui\.|^pagefind-highlight\./.test(path)) return undefined;
  if (path.endsWith('.pf_fragment')) return pack(slimNarrativeFragment(unpack(content), pairs ? (url) => narrativeTexts.get(url) : undefined));
  return content;
};

if (job) {
  const [kind, n] = job.split(':');
  const shard = Number(n);
  if (kind === 'main' && shard < shards) await writeShard(join(site, shardDir(shard)), mainRecords(shard));
  // "zxx" (no linguistic content): a language code Pagefind has no segmenter or stemmer for.
  else if (kind === 'narrative' && shard < narrativeShards) await writeShard(join(site, narrativeDir(shard)), narrativeRecords(shard), keepNarrative, pairs ? 'zxx' : 'zh-cn');
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

// The main bundle's shard holds up to 11,000 whole pages (about 2.6 GB at 10,000 cases): it runs
// alone, and the narrative shards, half that each, two at a time after it.
await runJobs(Array.from({ length: shards }, (_, i) => `main:${i}`), 1);
await runJobs(Array.from({ length: narrativeShards }, (_, i) => `narrative:${i}`), Number(process.env['LIANJIAN_INDEX_PARALLEL'] ?? 2));
const mainWasm = wasmName(readFileSync(join(site, shardDir(0), 'pagefind-entry.json'), 'utf8'));
for (let shard = 0; shard < narrativeShards; shard++) {
  const entry = join(site, narrativeDir(shard), 'pagefind-entry.json');
  writeFileSync(entry, sharedWasmEntry(readFileSync(entry, 'utf8'), shardDir(0), mainWasm));
}

const manifest: ShardManifest = {
  shards: Array.from({ length: shards - 1 }, (_, i) => `/${shardDir(i + 1)}/`),
  narrative: Array.from({ length: narrativeShards }, (_, i) => `/${narrativeDir(i)}/`),
  ...(pairs ? { narrativeWords: 'pairs' as const } : {}),
};
writeFileSync(join(site, SHARD_MANIFEST), JSON.stringify(manifest));
console.log(`搜索索引完成：${pages.length} 个页面、${articles.length} 个条款记录，分 ${shards} 个分片；${narratives.length} 篇案例的案情全文，分 ${narrativeShards} 个分片；用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒。`);
