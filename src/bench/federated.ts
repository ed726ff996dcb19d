/**
 * `npm run bench:federated [-- --sites 10 --cases 10000] [--timeout-minutes 30] [--keep]` (issue 20):
 * one synthetic corpus of sites × cases, split into member sites built one after another (as ten
 * machines would build them in parallel), the first of them also the portal whose search spans
 * the others, and one site over all the same cases to compare with. Measures each member's build
 * and index time and peak memory (the per-machine cost), the portal's downloads and latency per
 * query in headless Chromium (all origins counted, at the servers, narrative bundles apart), and how
 * the portal's top ten compare with the single index's for a fixed query list. Writes
 * tests/bench/federated.json and federated.md (federated-<name>.* with --name). Both sites' first
 * results are judged by search-quality.ts's rule (success@1, success@5, P@10). Meant to run
 * unattended: a member whose build or index fails (or passes --timeout-minutes) is reported with
 * where it stopped (build-stop.ts) and left out of the portal, a query that fails is reported, and
 * the run exits non-zero after writing the report. `--single-limit N` builds the one-index comparison
 * up to N cases in all (SINGLE_LIMIT by default); `--single-only` builds only that one site over
 * every case, however many, to report whether it fits or where it stops (federated-single-<cases>.*).
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { CHROMIUM, CHROMIUM_ARGS } from '../lib/chromium.ts';
import { parseMarkdown, parseYaml } from '../lib/frontmatter.ts';
import { freePort } from '../lib/serve-site.ts';
import { NARRATIVE_PATH } from '../lib/search-index.ts';
import { serveStatic } from '../lib/static-server.ts';
import { describeStop, readBuildStop, type BuildStop } from './build-stop.ts';
import { generateCorpus } from './generate.ts';
import { DETAIL_QUERIES, SEARCH_QUERIES, stepPeak, timed, type BenchResults, type Step } from './run.ts';
import { corpusPages, judge, type QualityRow } from './search-quality.ts';
import { countServedBytes, type ServedBytes, type ServedFile } from './served-bytes.ts';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Where a run writes: tests/bench/federated.{json,md} by default, federated-<name>.* with --name, so a
 * comparison run at a scale one index fits (--name quality) leaves the full-scale report alone.
 */
export function outputFiles(name?: string): { json: string; md: string } {
  if (name !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new Error(`--name 应是小写英文字母、数字和连字符，例如 quality，而不是“${name}”`);
  const base = join(REPO, 'tests/bench', name ? `federated-${name}` : 'federated');
  return { json: `${base}.json`, md: `${base}.md` };
}
/**
 * Typical and detail queries of the single-site benchmark, and a few more a cadre would type. The
 * detail queries (DETAIL_QUERIES) are words the generator writes only into narratives: the portal
 * searches the members' narrative bundles for them when the combined main answer is thin.
 */
export const FEDERATED_QUERIES = [...SEARCH_QUERIES, ...DETAIL_QUERIES, '工程款', '虚报冒领', '违规发放津贴补贴'] as const;
const DETAIL: ReadonlySet<string> = new Set(DETAIL_QUERIES);

/** Past this many cases in all, no single site is built to compare with (100,000 does not fit one machine's budget). */
export const SINGLE_LIMIT = 20_000;

export interface SiteBuild {
  name: string;
  cases: number;
  build: Step;
  /** Absent when the build failed: the index step did not run. */
  index?: Step;
  /** Why the site is missing from the portal: a failed or timed-out step, where it stopped, and its log. */
  failure?: string;
  /** Where the failed step stopped (build-stop.ts): Astro's phase and routes reached, and why. */
  stop?: BuildStop & { step: 'build' | 'index' };
}

export interface QueryFigures {
  query: string;
  /** A detail told only in narratives (DETAIL_QUERIES). */
  detail?: boolean;
  /** Body bytes served by every origin for this query, on a first visit (empty cache), page included. */
  portalBytes: number;
  /** Of which from narrative indexes (narrative/), of any origin. */
  portalNarrativeBytes?: number;
  portalRequests: number;
  portalMs: number;
  portalTop: number;
  /** The portal's status line as the reader saw it (counts, and members named as unavailable). */
  portalStatus?: string;
  /** Why the query has no figures: it failed or timed out on the portal. */
  error?: string;
  single?: {
    bytes: number;
    narrativeBytes?: number;
    ms: number;
    /** Share of the single index's top ten (by case) that the portal's top ten also lists. */
    overlapAt10: number;
    top: number;
  };
  /** Both result lists judged by search-quality.ts's rule: a page is relevant when its source holds the word. */
  quality?: {
    /** Pages (by path, each counted once however many members serve it) whose source holds the word. */
    relevant: number;
    portal: Judged;
    single?: Judged;
    /** Results on the portal's first page that repeat a page already listed from another member. */
    portalDuplicates?: number;
    /** The first ten results on each side, as judged (absolute for members, relative on one site). */
    portalTop10?: string[];
    singleTop10?: string[];
  };
}

export type Judged = Pick<QualityRow, 'success1' | 'success5' | 'precision10'>;

export interface FederatedResults {
  date: string;
  /** Wall clock of the whole run, and what was estimated for it at the start. */
  minutes?: number;
  estimatedMinutes?: number;
  machine: { cpus: number; totalMemoryBytes: number; loadAverageAtStart: number; loadAverageAtEnd: number };
  sites: number;
  casesPerSite: number;
  /** --search-again: the sites were built by an earlier run (its date and load), searched again now. */
  built?: { date: string; loadAverageAtStart: number; loadAverageAtEnd: number };
  /** --single-only: no members or portal, only the one site over every case, to see where it stops. */
  singleOnly?: boolean;
  members: SiteBuild[];
  /** The run's --single-limit (SINGLE_LIMIT unless raised on purpose). */
  singleLimit?: number;
  /** Absent past the single limit: the one-index comparison is then left out, not attempted. */
  single?: SiteBuild;
  queries: QueryFigures[];
}

/** Top-ten overlap by page path, whatever site serves it: the same case has the same path on both. */
export function overlapAt10(single: readonly string[], portal: readonly string[]): number {
  const a = single.slice(0, 10).map((u) => new URL(u, 'http://x').pathname);
  if (a.length === 0) return portal.length === 0 ? 1 : 0;
  const b = new Set(portal.slice(0, 10).map((u) => new URL(u, 'http://x').pathname));
  return a.filter((p) => b.has(p)).length / a.length;
}

/**
 * The source text of every page each site serves, keyed by absolute URL (origin + path): each member
 * serves its own slice of the cases, and shared pages (documents, risk points) from its own copy.
 */
export function pagesByUrl(sites: readonly { origin: string; pages: ReadonlyMap<string, string> }[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const { origin, pages } of sites) for (const [path, text] of pages) out.set(`${origin}${path}`, text);
  return out;
}

/**
 * A result list judged as the single-site bench judges one (judge()): each result, relative (the
 * page's own site) or absolute (a member's), is looked up by origin and path, so a member's case is
 * relevant only as that member serves it. `relevant` counts pages by path, once however many sites serve them.
 */
export function judgeResults(query: string, urls: readonly string[], origin: string, pages: ReadonlyMap<string, string>): Judged & { relevant: number; duplicates: number } {
  // The same page from a second member (a shared document, a risk point) tells the reader nothing
  // new: it counts as not relevant, as it would in one index that lists each page once.
  const seen = new Set<string>();
  let duplicates = 0;
  const absolute = urls.map((u) => {
    const url = new URL(u, `${origin}/`);
    const path = decodeURIComponent(url.pathname);
    // Two articles of one rule are two results (their anchors differ); the same article from two members is one.
    const result = `${path}${url.hash}`;
    if (seen.has(result)) {
      duplicates++;
      return `duplicate:${result}`;
    }
    seen.add(result);
    // Relevance is the page's: its source file holds the query or not.
    return `${url.origin}${path}`;
  });
  const { success1, success5, precision10 } = judge(query, absolute, pages);
  const paths = new Set<string>();
  for (const [url, text] of pages) if (text.includes(query)) paths.add(new URL(url).pathname);
  return { relevant: paths.size, duplicates, success1, success5, precision10 };
}

/** success@1 and success@5 as shares of the queries judged, and the mean P@10. */
export function meanQuality(rows: readonly Judged[]): { success1: number; success5: number; precision10: number; queries: number } {
  const n = Math.max(1, rows.length);
  return {
    success1: rows.filter((r) => r.success1).length / n,
    success5: rows.filter((r) => r.success5).length / n,
    precision10: rows.reduce((a, r) => a + r.precision10, 0) / n,
    queries: rows.length,
  };
}

/** What one query downloaded, summed over every origin's server: all bodies, and the narrative indexes' part (NARRATIVE_PATH, any site's /narrative/). */
export function queryBytes(served: readonly ServedFile[]): { bytes: number; narrativeBytes: number; requests: number } {
  return {
    bytes: served.reduce((a, f) => a + f.bytes, 0),
    narrativeBytes: served.filter((f) => NARRATIVE_PATH.test(f.path)).reduce((a, f) => a + f.bytes, 0),
    requests: served.length,
  };
}

/**
 * Minutes the run should take on an idle machine, from the committed single-site results (build +
 * index seconds per case at the largest size measured): every member built one after another, the
 * single site when it is built, generating and copying the corpus (about 1.6 s per 1,000 cases), and
 * the searches (about 30 s a query on the portal, 10 s on the single site, the browser included).
 */
export function estimateMinutes(sites: number, perSite: number, reference: { cases: number; seconds: number }, queries = FEDERATED_QUERIES.length, singleLimit = SINGLE_LIMIT): number {
  const perCase = reference.seconds / reference.cases;
  const total = sites * perSite;
  const single = total <= singleLimit ? total * perCase + queries * 10 : 0;
  return Math.ceil((total * perCase + single + total * 0.0016 + queries * 30) / 60);
}

/** The largest committed single-site run: its build + index seconds (and the load they were measured under), for estimateMinutes. */
function referenceRun(): { cases: number; seconds: number; load: number } | undefined {
  try {
    const r = JSON.parse(readFileSync(join(REPO, 'tests/bench/results.json'), 'utf8')) as BenchResults;
    const ok = r.sizes.filter((s) => s.build.status === 'ok' && s.index?.status === 'ok').sort((a, b) => b.cases - a.cases)[0];
    return ok?.build && ok.index ? { cases: ok.cases, seconds: round(ok.build.seconds + ok.index.seconds, 0), load: Math.max(ok.build.loadAverage, ok.index.loadAverage) } : undefined;
  } catch {
    return undefined;
  }
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const gb = (b: number) => `${(b / 1e9).toFixed(2)} GB`;
const kb = (b: number) => `${Math.round(b / 1000)} KB`;

/**
 * A member's content: the corpus's shared folders (taxonomies, documents …) and its share of the
 * cases, modules and culture entries, each module's case references narrowed to the member's own
 * cases (a module may only cite cases of its own site). Every member gets modules: a site without
 * any fails the build's output sweep (the quiz script would ship unreferenced).
 */
function memberContent(corpus: string, site: string, share: { cases: readonly string[]; courses: readonly string[]; culture: readonly string[] }): void {
  // Content sits in its own folder: the site's folder also holds logs and the node_modules link,
  // which the content check would rightly report.
  const dir = join(site, 'content');
  for (const item of readdirSync(corpus, { withFileTypes: true })) {
    if (item.isDirectory() && !['cases', 'courses', 'culture', 'dist'].includes(item.name)) cpSync(join(corpus, item.name), join(dir, item.name), { recursive: true });
  }
  for (const folder of ['cases', 'courses', 'culture']) mkdirSync(join(dir, folder), { recursive: true });
  for (const f of share.cases) cpSync(join(corpus, 'cases', f), join(dir, 'cases', f));
  for (const f of share.culture) cpSync(join(corpus, 'culture', f), join(dir, 'culture', f));
  const own = new Set(share.cases.map((f) => f.replace(/\.md$/, '')));
  for (const f of share.courses) {
    const { data, body } = parseMarkdown(readFileSync(join(corpus, 'courses', f), 'utf8'));
    if (Array.isArray(data['cases'])) data['cases'] = (data['cases'] as string[]).filter((id) => own.has(id));
    writeFileSync(join(dir, 'courses', f), `---\n${stringify(data, { lineWidth: 0 })}---\n${body}`);
  }
}

/** Every n-th file from the i-th: modules and culture dealt out like cards. */
const dealt = (files: readonly string[], i: number, n: number) => files.filter((_, k) => k % n === i);

async function buildSite(name: string, dir: string, cases: number, timeoutMs: number): Promise<SiteBuild> {
  const dist = join(dir, 'dist');
  const env = { LIANJIAN_CONTENT: join(dir, 'content'), LIANJIAN_OUT: dist };
  // As run.ts does: Astro runs from the site's folder, which sees the project's packages through a link.
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
  console.log(`[${name}] astro build（${cases} 个案例）…`);
  const build = await timed(['npx', 'astro', 'build', '--root', REPO], dir, env, join(dir, 'build.log'), timeoutMs);
  // A failed or timed-out step is reported with where it stopped and its log, and the run goes on without the site.
  const failed = (step: 'build' | 'index', s: Step, log: string) => {
    const stop = readBuildStop(log);
    const where = describeStop(stop, stepPeak(s), { astro: step === 'build', ...(s.status === 'timeout' ? { timedOutAfterMinutes: timeoutMs / 60_000 } : {}) });
    const failure = `${step === 'build' ? 'astro build ' : '搜索索引'}${s.status === 'timeout' ? '超时' : `失败（退出码 ${s.exitCode}）`}：${where}。日志 ${log}`;
    console.error(`[${name}] ${failure}\n${tailOf(log)}`);
    return { failure, stop: { step, ...stop } };
  };
  if (build.status !== 'ok') return { name, cases, build, ...failed('build', build, join(dir, 'build.log')) };
  const index = await timed(['npx', 'node', 'src/cli/index-search.ts', dist], REPO, env, join(dir, 'index.log'), timeoutMs);
  if (index.status !== 'ok') return { name, cases, build, index, ...failed('index', index, join(dir, 'index.log')) };
  console.log(`[${name}] 构建 ${build.seconds} 秒 / 峰值 ${gb(stepPeak(build))}，索引 ${index.seconds} 秒 / 峰值 ${gb(stepPeak(index))}`);
  return { name, cases, build, index };
}

/** The last lines of a log, for the console when a step fails. */
function tailOf(file: string, lines = 12): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

async function listen(server: Server, port = 0): Promise<number> {
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

interface PageRun {
  urls: string[];
  bytes: number;
  narrativeBytes: number;
  requests: number;
  ms: number;
  status: string;
  error?: string;
}

/**
 * Runs every query on a site's search page as a reader would, each in a fresh context (empty
 * cache). Bytes are counted at every origin's server (`counters`): Chromium reports nothing for
 * what a worker loads, and the portal's own index is searched in a worker. A query that fails or
 * passes its time limit is recorded with its error and the next one runs.
 */
async function searchPage(origin: string, queries: readonly string[], counters: readonly ServedBytes[]): Promise<Map<string, PageRun>> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const out = new Map<string, PageRun>();
  const take = () => counters.flatMap((c) => c.take());
  try {
    for (const q of queries) {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        page.setDefaultTimeout(120_000);
        take();
        await page.goto(`${origin}/search/`);
        const started = performance.now();
        await page.fill('input[name="q"]', q);
        await page.press('input[name="q"]', 'Enter');
        await page.waitForFunction(() => {
          const s = document.querySelector('[data-status]')?.textContent ?? '';
          return !document.querySelector('search-page')?.hasAttribute('aria-busy') && s !== '' && !s.includes('正在搜索');
        }, undefined, { timeout: 120_000 });
        const ms = performance.now() - started;
        // Fragments of the first page are still arriving after the status is drawn.
        await page.waitForLoadState('networkidle', { timeout: 60_000 }).catch(() => undefined);
        // With their anchors: 第三百八十五条 and 第三百八十六条 are two results on one rule's page.
        const urls = await page.$$eval('[data-results] li h2 a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
        const status = (await page.textContent('[data-status]')) ?? '';
        out.set(q, { urls, ...queryBytes(take()), ms: Math.round(ms), status });
      } catch (e) {
        const error = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
        console.error(`查询“${q}”（${origin}）失败：${error}`);
        out.set(q, { urls: [], ...queryBytes(take()), ms: 0, status: '', error });
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  return out;
}

/** Members the portal's status line names as unavailable (「甲、乙的站点暂时无法访问」). */
export function unavailable(status: string): string[] {
  const named = /([^。！？]*?)的站点暂时无法访问/.exec(status)?.[1];
  return named ? named.split('、').map((n) => n.trim()).filter(Boolean) : [];
}

/** A --single-only run: one site over every case, and where it stopped if it did. */
export function singleOnlyMarkdown(r: FederatedResults): string {
  const s = r.single;
  const total = (r.sites * r.casesPerSite).toLocaleString('en');
  const step = (x: Step | undefined, what: string) => (x ? `${what} ${x.seconds} 秒（${x.status === 'ok' ? '完成' : x.status === 'timeout' ? '超时' : `失败，退出码 ${x.exitCode}`}），峰值内存 ${gb(stepPeak(x))}，结束时负载 ${x.loadAverage}` : `${what}没有运行`);
  return `# 单一站点能建到多大（议题 20）

由 \`npm run bench:federated -- --single-only\` 生成，${r.date.slice(0, 10)}：一个站点包含全部 ${total} 个案例（联网方案中这些案例分给 ${r.sites} 个成员站点，每站 ${r.casesPerSite.toLocaleString('en')} 个），有意越过单一站点对照的上限构建，看它能否建成、停在哪里。机器：${r.machine.cpus} 核，内存 ${gb(r.machine.totalMemoryBytes)}，开始时负载 ${r.machine.loadAverageAtStart}，结束时 ${r.machine.loadAverageAtEnd}。${r.minutes !== undefined ? `全程 ${r.minutes} 分钟${r.estimatedMinutes ? `（按已提交的单站结果线性推算约 ${r.estimatedMinutes} 分钟）` : ''}。` : ''}

- ${step(s?.build, 'astro build')}
- ${step(s?.index, '搜索索引')}

${s?.failure ? `**没有建成**：${s.failure}` : s ? '**建成**：构建和索引都完成了。' : ''}
`;
}

const yes = (b: boolean) => (b ? '是' : '否');
const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The portal's and the single index's first results judged side by side, with their means. */
function qualitySection(r: FederatedResults): string {
  const judged = r.queries.filter((x) => x.quality);
  if (judged.length === 0) return '';
  const missing = (x: QueryFigures) => {
    const n = unavailable(x.portalStatus ?? '').length;
    const dup = x.quality?.portalDuplicates ?? 0;
    return `${n > 0 ? `（缺 ${n} 站）` : ''}${dup > 0 ? `（重复 ${dup} 条）` : ''}`;
  };
  const cells = (j: Judged | undefined) => (j ? `${yes(j.success1)} | ${yes(j.success5)} | ${j.precision10.toFixed(2)}` : '— | — | —');
  const both = judged.filter((x) => x.quality?.single);
  const portalMean = meanQuality(both.map((x) => x.quality?.portal).filter((j): j is Judged => j !== undefined));
  const singleMean = meanQuality(both.map((x) => x.quality?.single).filter((j): j is Judged => j !== undefined));
  const meanCells = (m: ReturnType<typeof meanQuality>) => `${pct(m.success1)} | ${pct(m.success5)} | ${m.precision10.toFixed(2)}`;
  const overlap = both.reduce((a, x) => a + (x.single?.overlapAt10 ?? 0), 0) / Math.max(1, both.length);
  return `
## 结果质量：门户与单一索引

两边的结果按单站基准（\`src/bench/search-quality.ts\` 的 \`judge()\`）同一规则评判：页面的源文件含有查询词即为相关。门户的结果按来源站点和页面路径对到该站自己的内容（每个成员只发布自己那一份案例），单一站点的结果对到全部内容。“相关页面”按页面路径计数，多个站点都发布的同一页面（制度文件、风险点）只算一次。success@1、success@5 为前 1、5 名中是否有相关页面，P@10 为第一页前十条中相关页面的比例。评判本身只看结果列表，不受机器负载影响；但负载高时成员站点可能来不及应答，门户这一行就只有其余站点的结果（下表标“缺 N 站”）。

| 查询 | 相关页面 | 门户 success@1 | 门户 success@5 | 门户 P@10 | 单一 success@1 | 单一 success@5 | 单一 P@10 | 前十重合 |
|---|---:|---:|---:|---:|---:|---:|---:|---:|
${judged.map((x) => `| ${x.query}${x.detail ? '（细节）' : ''} | ${x.quality?.relevant ?? '—'} | ${cells(x.quality?.portal)}${missing(x)} | ${cells(x.quality?.single)} | ${x.single ? pct(x.single.overlapAt10) : '—'} |`).join('\n')}
${both.length > 0 ? `| **平均（${both.length} 个查询）** | | ${meanCells(portalMean)} | ${meanCells(singleMean)} | ${pct(overlap)} |` : ''}

${both.length > 0 ? `平均一行中 success@1、success@5 是命中的查询所占比例，P@10 是各查询的平均值；只计两边都测得的查询。` : '没有单一站点对照，只列门户的评判。'}${judged.some((x) => missing(x)) ? `“缺 N 站”：这次查询中门户的状态栏点名 N 个成员站点暂时无法访问——没有在门户自己的结果出来后的等待时间（\`sites.yaml\` 的 \`timeoutSeconds\`，默认 4 秒）内应答，或者检索它的索引时出错；门户按设计不等它们（见上表的状态栏）。这一行门户的结果只来自其余站点，评判的也是这些结果。` : ''}${judged.some((x) => (x.quality?.portalDuplicates ?? 0) > 0) ? `“重复 N 条”：门户前十条中有 N 条是另一个成员已列出的同一页面（各站都发布的制度文件、风险点），算作不相关，如同一个索引每页只列一次。` : ''}
`;
}

export function markdown(r: FederatedResults): string {
  if (r.singleOnly) return singleOnlyMarkdown(r);
  const step = (x: Step | undefined) => (x ? `${x.seconds}${x.status === 'ok' ? '' : `（${x.status === 'timeout' ? '超时' : '失败'}）`}` : '—');
  const peak = (x: Step | undefined) => (x?.status === 'ok' ? gb(stepPeak(x)) : '—');
  const rows = [
    '| 站点 | 案例 | 构建（秒） | 构建峰值内存 | 索引（秒） | 索引峰值内存 |',
    '|---|---:|---:|---:|---:|---:|',
    ...[...r.members, ...(r.single ? [r.single] : [])].map((s) => `| ${s.name} | ${s.cases.toLocaleString('en')} | ${step(s.build)} | ${peak(s.build)} | ${step(s.index)} | ${peak(s.index)} |`),
  ];
  const failures = [...r.members, ...(r.single ? [r.single] : [])].filter((s) => s.failure);
  const narrative = (n: number | undefined) => (n ? kb(n) : '0');
  const q = [
    '| 查询 | 门户下载（其中案情索引） | 门户请求数 | 门户用时 | 门户状态栏 | 单一索引下载（其中案情索引） | 单一索引用时 | 前十重合 | 门户 / 单一前十条数 |',
    '|---|---:|---:|---:|---|---:|---:|---:|---:|',
    ...r.queries.map((x) => {
      const name = `${x.query}${x.detail ? '（细节）' : ''}`;
      if (x.error) return `| ${name} | 未测得：${x.error.replaceAll('|', '／')} | — | — | — | — | — | — | — |`;
      const single = x.single ? `${kb(x.single.bytes)}（${narrative(x.single.narrativeBytes)}） | ${x.single.ms} ms | ${Math.round(x.single.overlapAt10 * 100)}% | ${x.portalTop} / ${x.single.top}` : `— | — | — | ${x.portalTop} / —`;
      return `| ${name} | ${kb(x.portalBytes)}（${narrative(x.portalNarrativeBytes)}） | ${x.portalRequests} | ${x.portalMs} ms | ${(x.portalStatus ?? '').replaceAll('|', '／')} | ${single} |`;
    }),
  ];
  // A query the portal failed on has no top ten to compare: it is left out of the mean, not counted as 0.
  const compared = r.queries.filter((x) => x.single && !x.error);
  const mean = compared.reduce((a, x) => a + (x.single?.overlapAt10 ?? 0), 0) / Math.max(1, compared.length);
  const quality = qualitySection(r);
  const built = r.members.filter((m) => !m.failure && m.index);
  const slowest = Math.max(0, ...built.map((m) => m.build.seconds + (m.index?.seconds ?? 0)));
  return `# 联网检索基准（议题 20）

由 \`npm run bench:federated\` 生成，${r.date.slice(0, 10)}：${r.sites} 个成员站点 × 每站 ${r.casesPerSite.toLocaleString('en')} 个案例，依次构建（十台机器可同时构建，每台的代价即下表一行），第一个成员站点同时是门户，其搜索页联网检索其他成员；${r.single ? `另建一个包含全部 ${(r.sites * r.casesPerSite).toLocaleString('en')} 个案例的单一站点作对照。` : ''}机器：${r.machine.cpus} 核，内存 ${gb(r.machine.totalMemoryBytes)}，开始时负载 ${r.machine.loadAverageAtStart}，结束时 ${r.machine.loadAverageAtEnd}（负载高于核数时，其他任务同时占用机器，用时偏长）。${r.built ? `各站点由 ${r.built.date.slice(0, 16).replace('T', ' ')} UTC 的一次运行构建（开始时负载 ${r.built.loadAverageAtStart}，结束时 ${r.built.loadAverageAtEnd}；下表的构建数字取自那次），搜索是用 \`--search-again\` 在上述时间和负载下重测的。` : ''}${r.minutes !== undefined ? `全程 ${r.minutes} 分钟${r.estimatedMinutes ? `（开始时按已提交的单站结果估计约 ${r.estimatedMinutes} 分钟）` : ''}。` : ''}
${failures.length > 0 ? `\n**有站点没有建成，门户的搜索不含它们**：${failures.map((f) => `${f.name}：${f.failure}`).join('；')}。\n` : ''}
## 每个站点的构建

${rows.join('\n')}

各成员并行构建时，全网更新一次的用时约为最慢的一站：${round(slowest, 1)} 秒。

## 门户的搜索（无头 Chromium，每个查询都是空缓存的首次访问）

下载量是各来源服务器发出的应答正文之和（压缩后的字节数，含搜索页本身、搜索脚本和 Pagefind 的 worker 加载的文件；重复请求得到 304 时不计字节），括号内是其中案情全文索引（\`narrative/\`）的部分。“细节”查询的词只写在合成案例的案情叙述里：合计的主索引结果不足 50 个时，门户和单一站点一样也查各站的案情索引。状态栏照录读者看到的一句，成员站点超时或出错时它会点名。

${q.join('\n')}

${r.single ? `前十重合的平均值：${Math.round(mean * 100)}%。` : `共 ${(r.sites * r.casesPerSite).toLocaleString('en')} 个案例，超过 ${(r.singleLimit ?? SINGLE_LIMIT).toLocaleString('en')}，没有构建单一站点对照（超过 \`--single-limit\`；全部案例放进一个站点能否建成，由 \`--single-only\` 另行测量，见 \`federated-single-${r.sites * r.casesPerSite}.md\`），前十重合一栏空缺。`}“前十重合”指单一索引前十条结果中，门户前十条也列出的比例（按页面路径比较）。门户把各站的结果按 Pagefind 的分数合并，而每站的分数按自己的词频统计，所以同一批页面在两边的名次不同，前十名会有出入；前十重合只说两边是否列出同一批页面，结果好坏见下一节。
${quality}`;
}

const USAGE = '用法：npm run bench:federated -- --sites 3 --cases 1000 [--timeout-minutes 30] [--single-limit 20000 | --single-only] [--name quality] [--keep] [--report] [--search-again <kept work folder>]';
/** The single site's results are relative links; judged as if served from here (any origin would do). */
const SINGLE_ORIGIN = 'http://single.invalid';

/**
 * A kept run's sites (--keep, or any run that failed), to search again without building: the build
 * figures come from that run's report, the members' ports from the portal's sites.yaml (its CSP
 * admits exactly those origins).
 */
function searchAgain(dir: string, json: string, sites: number, perSite: number): { dir: string; members: SiteBuild[]; single?: SiteBuild; memberPorts: number[]; built: NonNullable<FederatedResults['built']> } {
  const previous = JSON.parse(readFileSync(json, 'utf8')) as FederatedResults;
  if (previous.sites !== sites || previous.casesPerSite !== perSite) throw new Error(`${json} 是 ${previous.sites} 个站点 × ${previous.casesPerSite} 个案例的结果，与 --sites ${sites} --cases ${perSite} 不符`);
  const yaml = parseYaml(readFileSync(join(dir, 'site-1/content/network/sites.yaml'), 'utf8')) as { members?: { id: string; url: string }[] };
  const port = (id: string) => Number(new URL(yaml.members?.find((m) => m.id === id)?.url ?? 'http://127.0.0.1:0/').port);
  return {
    dir,
    members: previous.members,
    ...(previous.single ? { single: previous.single } : {}),
    memberPorts: Array.from({ length: sites - 1 }, (_, i) => port(`site-${i + 2}`)),
    built: previous.built ?? { date: previous.date, loadAverageAtStart: previous.machine.loadAverageAtStart, loadAverageAtEnd: previous.machine.loadAverageAtEnd },
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const value = (flag: string, fallback: number) => {
    const i = args.indexOf(flag);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const sites = value('--sites', 10);
  const perSite = value('--cases', 10_000);
  const timeoutMs = value('--timeout-minutes', 30) * 60_000;
  const singleLimit = value('--single-limit', SINGLE_LIMIT);
  const keep = args.includes('--keep');
  const singleOnly = args.includes('--single-only');
  const nameAt = args.indexOf('--name');
  // A single-only run never writes over the federated report: it has a name of its own by default.
  const out = outputFiles(nameAt >= 0 ? (args[nameAt + 1] ?? '') : singleOnly ? `single-${sites * perSite}` : undefined);
  if (args.includes('--report')) {
    // Only re-render the Markdown from the run's JSON (after a change to how it is rendered).
    writeFileSync(out.md, markdown(JSON.parse(readFileSync(out.json, 'utf8')) as FederatedResults));
    console.log(`已根据 ${out.json} 重写 ${out.md}`);
    return;
  }
  if (!(sites >= 2 && perSite >= 1 && timeoutMs > 0 && singleLimit >= 0)) throw new Error(`${USAGE}（至少 2 个站点）`);
  const started = performance.now();
  const loadAverageAtStart = round(os.loadavg()[0] ?? 0);
  const reference = referenceRun();
  const againAt = args.indexOf('--search-again');
  const again = againAt >= 0 ? searchAgain(args[againAt + 1] ?? '', out.json, sites, perSite) : undefined;
  // The estimate is of building; a run that only searches again builds nothing.
  const estimatedMinutes = reference && !again ? (singleOnly ? Math.ceil((sites * perSite * (reference.seconds / reference.cases + 0.0016)) / 60) : estimateMinutes(sites, perSite, reference, FEDERATED_QUERIES.length, singleLimit)) : undefined;
  const work = again?.dir ?? mkdtempSync(join(os.tmpdir(), 'lianjian-federated-'));
  console.log(`联网检索基准：${sites} 个站点 × ${perSite} 个案例，工作目录 ${work}，当前负载 ${loadAverageAtStart}`);
  if (reference && estimatedMinutes) console.log(`预计约 ${estimatedMinutes} 分钟（按 tests/bench/results.json 中 ${reference.cases} 个案例构建 + 索引 ${reference.seconds} 秒推算，那次测量时负载约 ${reference.load}）；每一步最长 ${timeoutMs / 60_000} 分钟，超时或失败的站点记入报告，其余照常进行。`);
  const servers: Server[] = [];
  let finished = false;
  let failed = false;
  /** Writes the run's report (JSON and Markdown) with the machine as it is now. */
  const write = (figures: Pick<FederatedResults, 'members' | 'queries'> & Partial<FederatedResults>) => {
    const results: FederatedResults = {
      date: new Date().toISOString(),
      minutes: round((performance.now() - started) / 60_000, 1),
      ...(estimatedMinutes ? { estimatedMinutes } : {}),
      machine: { cpus: os.cpus().length, totalMemoryBytes: os.totalmem(), loadAverageAtStart, loadAverageAtEnd: round(os.loadavg()[0] ?? 0) },
      sites,
      casesPerSite: perSite,
      ...figures,
    };
    mkdirSync(join(REPO, 'tests/bench'), { recursive: true });
    writeFileSync(out.json, `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync(out.md, markdown(results));
    console.log(markdown(results));
    finished = true;
  };
  try {
    const singleDir = join(work, 'single');
    const members: SiteBuild[] = [];
    let single: SiteBuild | undefined;
    let ports: number[] = [];
    const origin = (i: number) => `http://127.0.0.1:${ports[i]}`;
    const siteName = (i: number) => (i === 0 ? '门户（成员站点1）' : `成员站点${i + 1}`);
    if (again) {
      // Search a kept run again: the sites as built, the members on the ports the portal was built with.
      members.push(...again.members);
      single = again.single;
      ports = [await freePort(), ...again.memberPorts];
    } else {
      const corpus = generateCorpus({ cases: sites * perSite, dir: join(work, 'corpus') }).dir;
      const caseFiles = readdirSync(join(corpus, 'cases')).sort();
      const courseFiles = readdirSync(join(corpus, 'courses')).sort();
      const cultureFiles = readdirSync(join(corpus, 'culture')).filter((f) => f.endsWith('.md')).sort();
      if (singleOnly) {
        // One site over every case, past the limit on purpose: built and indexed, not searched.
        const singleDir = join(work, 'single');
        mkdirSync(singleDir);
        memberContent(corpus, singleDir, { cases: caseFiles, courses: courseFiles, culture: cultureFiles });
        const single = await buildSite('单一站点', singleDir, sites * perSite, timeoutMs);
        failed = single.failure !== undefined;
        write({ singleOnly: true, members: [], single, queries: [] });
        if (failed) process.exitCode = 1;
        return;
      }
      if (courseFiles.length < sites) throw new Error(`语料只有 ${courseFiles.length} 个培训模块，不够分给 ${sites} 个站点：请增加每站案例数`);
      ports = await Promise.all(Array.from({ length: sites }, () => freePort()));
      // Members 2…N first: the portal (member 1) reads their exports when it is built, and lists
      // only those that were built.
      for (let i = sites - 1; i >= 0; i--) {
        const dir = join(work, `site-${i + 1}`);
        mkdirSync(dir);
        memberContent(corpus, dir, { cases: caseFiles.slice(i * perSite, (i + 1) * perSite), courses: dealt(courseFiles, i, sites), culture: dealt(cultureFiles, i, sites) });
        const ready = i === 0 ? members.map((m, k) => ({ m, k: sites - members.length + k })).filter(({ m }) => !m.failure) : [];
        const list = ready.map(({ k }) => ({ id: `site-${k + 1}`, name: siteName(k), level: '市', url: `${origin(k)}/` }));
        writeFileSync(join(dir, 'content/network/sites.yaml'), stringify({ self: { id: `site-${i + 1}`, name: siteName(i), level: i === 0 ? '省' : '市' }, members: list }));
        if (i === 0) {
          mkdirSync(join(dir, 'content/network/exports'), { recursive: true });
          for (const { k } of ready) cpSync(join(work, `site-${k + 1}`, 'dist/network/export.json'), join(dir, `content/network/exports/site-${k + 1}.json`));
        }
        members.unshift(await buildSite(siteName(i), dir, perSite, timeoutMs));
      }
      failed = members.some((m) => m.failure);
      if (sites * perSite <= singleLimit) {
        mkdirSync(singleDir);
        memberContent(corpus, singleDir, { cases: caseFiles, courses: [], culture: cultureFiles });
        // The single site holds every member's modules as they are there (case references narrowed alike).
        for (let k = 1; k <= sites; k++) cpSync(join(work, `site-${k}`, 'content/courses'), join(singleDir, 'content/courses'), { recursive: true });
        single = await buildSite('单一站点（对照）', singleDir, sites * perSite, timeoutMs);
        if (single.failure) failed = true;
      }
    }

    let portal = new Map<string, PageRun>();
    let one: Map<string, PageRun> | undefined;
    if (members[0]?.failure) {
      console.error('门户没有建成，不测搜索。');
    } else {
      const counters: ServedBytes[] = [];
      for (let i = sites - 1; i >= 0; i--) {
        if (members[i]?.failure) continue;
        const server = serveStatic(join(work, `site-${i + 1}`, 'dist'), { cors: [origin(0)] });
        counters.push(countServedBytes(server));
        servers.push(server);
        await listen(server, ports[i]);
      }
      console.log('在门户上搜索 …');
      portal = await searchPage(origin(0), FEDERATED_QUERIES, counters);
      if (single && !single.failure) {
        const singleServer = serveStatic(join(singleDir, 'dist'));
        const counter = countServedBytes(singleServer);
        servers.push(singleServer);
        console.log('在单一站点上搜索 …');
        one = await searchPage(`http://127.0.0.1:${await listen(singleServer)}`, FEDERATED_QUERIES, [counter]);
      }
    }
    // What each site serves, from its own content folder: relevance is judged where the result comes from.
    const memberPages = pagesByUrl(members.flatMap((m, i) => (m.failure ? [] : [{ origin: origin(i), pages: corpusPages(join(work, `site-${i + 1}`, 'content')) }])));
    const singlePages = one ? pagesByUrl([{ origin: SINGLE_ORIGIN, pages: corpusPages(join(singleDir, 'content')) }]) : undefined;
    const queries: QueryFigures[] = FEDERATED_QUERIES.map((q) => {
      const p = portal.get(q) ?? { urls: [], bytes: 0, narrativeBytes: 0, requests: 0, ms: 0, status: '', error: '门户没有建成' };
      const s = one?.get(q);
      if (p.error) failed = true;
      const portalJudged = p.error ? undefined : judgeResults(q, p.urls, origin(0), memberPages);
      const singleJudged = s && !s.error && singlePages ? judgeResults(q, s.urls, SINGLE_ORIGIN, singlePages) : undefined;
      const relevant = singleJudged?.relevant ?? portalJudged?.relevant ?? 0;
      const bare = (j: Judged) => ({ success1: j.success1, success5: j.success5, precision10: round(j.precision10) });
      return {
        query: q,
        ...(DETAIL.has(q) ? { detail: true } : {}),
        portalBytes: p.bytes,
        portalNarrativeBytes: p.narrativeBytes,
        portalRequests: p.requests,
        portalMs: p.ms,
        portalTop: Math.min(10, p.urls.length),
        portalStatus: p.status,
        ...(p.error ? { error: p.error } : {}),
        ...(s && !s.error ? { single: { bytes: s.bytes, narrativeBytes: s.narrativeBytes, ms: s.ms, overlapAt10: round(overlapAt10(s.urls, p.urls)), top: Math.min(10, s.urls.length) } } : {}),
        ...(portalJudged
          ? { quality: { relevant, portal: bare(portalJudged), ...(singleJudged ? { single: bare(singleJudged) } : {}), portalDuplicates: portalJudged.duplicates, portalTop10: p.urls.slice(0, 10), ...(s ? { singleTop10: s.urls.slice(0, 10) } : {}) } }
          : {}),
      };
    });
    write({ members, singleLimit, ...(again ? { built: again.built } : {}), ...(single ? { single } : {}), queries });
  } finally {
    await Promise.all(servers.map((s) => new Promise((r) => {
      s.close(r);
      s.closeAllConnections();
    })));
    // A failed run keeps its folder: the build logs name what went wrong.
    if (!keep && !again && finished && !failed) rmSync(work, { recursive: true, force: true });
    else console.log(`工作目录保留在 ${work}`);
  }
  if (failed) {
    console.error(`有站点或查询失败，见上面的报告（${out.md}）。`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
