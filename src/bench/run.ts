/**
 * `npm run bench [-- --sizes 1000,10000,20000] [--large] [--merge] [--no-rebuild] [--timeout-minutes 15] [--keep] [--report]`:
 * for each size, generates a synthetic corpus in a temporary folder, builds and indexes it as
 * `npm run build` does, measures time, memory, output and page weights, a search in headless
 * Chromium and a rebuild after one changed case, then writes tests/bench/results.json and
 * results.md and prints the table. It fails when the cost per case at the largest size exceeds
 * 1.3× the cost at 10,000 cases (src/bench/linearity.ts). `--large` adds 50,000 cases (measured and
 * reported, where it stops too); `--sizes 20000 --merge` measures one size and replaces only its
 * entry in the committed results.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stringify } from 'yaml';
import { parseMarkdown } from '../lib/frontmatter.ts';
import { INDEX_PATH, NARRATIVE_PATH } from '../lib/search-index.ts';
import { serveStatic } from '../lib/static-server.ts';
import { describeStop, readBuildStop, type BuildStop } from './build-stop.ts';
import { generateCorpus } from './generate.ts';
import { checkLinearity, LINEARITY, perCaseMs, type LinearityVerdict } from './linearity.ts';
import { benchLighthouse, lighthouseMarkdown, type LighthouseResults } from './lighthouse.ts';
import { countServedBytes } from './served-bytes.ts';
import { evaluateSearch, qualitySection, type QualityRow } from './search-quality.ts';

/**
 * Budgets from issue 10. Page weights are asserted by tests/unit/budgets.test.ts; timing and
 * memory depend on the machine, so they are reported in results.md, not asserted.
 * Sizes are decimal: 1 KB = 1,000 bytes, 1 GB = 10^9 bytes.
 */
export const BUDGETS = {
  casePageBytes: 40_000,
  readingPageJsBytes: 0,
  searchBytes: 300_000,
  buildAndIndexSeconds: 300,
  peakMemoryBytes: 4_000_000_000,
  /** The corpus size the timing, memory and search budgets apply to. */
  atCases: 10_000,
  /** Issue 21: the same time and memory budgets hold at this size too. */
  scaleCases: 20_000,
} as const;

/** Sizes that results.json must hold: the default run (issue 21: 1,000, 10,000 and 20,000). */
export const DEFAULT_SIZES = [1_000, 10_000, 20_000] as const;
/** Added by --large: measured and reported, where it stops too. */
export const LARGE_SIZE = 50_000;
export const SEARCH_QUERIES = ['招标', '村级财务', '受贿'] as const;
/**
 * Details the generator writes only into narratives (违纪违法事实): the main bundle finds none, so the
 * search page also loads the narrative bundle. Reported beside the typical queries, not in their budget.
 */
export const DETAIL_QUERIES = ['存折', '容积率', '赌博'] as const;
export const PAGE_TYPES = ['casePage', 'listPage', 'searchPage', 'selfCheckPage', 'documentPage'] as const;
export type PageType = (typeof PAGE_TYPES)[number];
/** Reading pages must work without JavaScript. */
export const READING_PAGES: readonly PageType[] = ['casePage', 'documentPage'];

export interface Step {
  status: 'ok' | 'failed' | 'timeout';
  exitCode: number | null;
  seconds: number;
  /**
   * "Maximum resident set size" from /usr/bin/time -v: the largest process time saw reaped; null if
   * the step was killed. It misses a process its parent never reaps (the Pagefind binary when the
   * indexing script exits right after closing it), so the sampled figures below are kept too.
   */
  peakMemoryBytes: number | null;
  /**
   * Sampled from /proc every 250 ms over the step's process group: the largest high-water mark of
   * any one process (VmHWM), and the largest sum of resident memory of all its processes at one
   * moment, which is what the machine must have free.
   */
  sampled: { processBytes: number; totalBytes: number };
  /** One-minute load average when the step ended; above the core count, other work shared the machine. */
  loadAverage: number;
}

/** The step's peak for the memory budget: whichever measure saw more. */
export const stepPeak = (step: Step | undefined) => (step ? Math.max(step.peakMemoryBytes ?? 0, step.sampled.processBytes, step.sampled.totalBytes) : 0);

export interface PageWeight {
  path: string;
  htmlBytes: number;
  cssBytes: number;
  totalBytes: number;
}

export const SEARCH_FILE_KINDS = ['code', 'meta', 'index', 'filter', 'fragment'] as const;
export type SearchFileKind = (typeof SEARCH_FILE_KINDS)[number];

export interface SearchDownload {
  query: string;
  /**
   * Bytes of every response from the index folders: /pagefind/ and, once the index is sharded,
   * /pagefind-1/ …, counted at the server as sent (compressed where it compresses), so what the
   * worker loads (its script, which the browser reports as 0 bytes) is counted too.
   */
  bytes: number;
  /** The search page itself before Pagefind: HTML, CSS, its script, the icon. */
  pageBytes?: number;
  requests: number;
  results: number;
  /** Where the bytes go: Pagefind's script and wasm, metadata, word index, filters, result fragments. */
  byKind: Record<SearchFileKind, number>;
}

export interface SizeResult {
  cases: number;
  /** When this size was measured and the one-minute load then: a --merge run replaces one size only. */
  measured?: { date: string; loadAverageAtStart: number };
  status: 'ok' | 'failed';
  problems: string[];
  corpus: { cases: number; courses: number; culture: number; generateSeconds: number };
  htmlPages?: number;
  build: Step;
  index?: Step;
  /** indexBytes and indexFolders count every index folder: pagefind/ and its shards pagefind-N/. */
  output?: { totalBytes: number; files: number; indexBytes: number; indexFolders: number };
  pageWeight?: { casePage: PageWeight; largestCasePage: PageWeight; listPage: PageWeight };
  javascript?: Record<PageType, { path: string; bytes: number }>;
  /** /builder/'s script up front, and what the first .pptx or .docx download loads on top of it. */
  courseware?: { builderPage: number; slides?: number; handout?: number };
  search?: SearchDownload[];
  /** DETAIL_QUERIES: searches that also download the narrative bundle. */
  detailSearch?: SearchDownload[];
  /** search-quality.ts: typical and detail queries judged against the corpus, with bytes and latency. */
  searchQuality?: QualityRow[];
  rebuild?: { changed: string; build: Step; index?: Step; seconds: number; changeVisible: boolean };
  /** Where the first failed step stopped (build-stop.ts): Astro's phase and pages reached, and why. */
  stop?: BuildStop & { step: string };
}

export interface BenchResults {
  date: string;
  machine: {
    os: string;
    cpus: number;
    cpuModel: string;
    totalMemoryBytes: number;
    /** One-minute load average when the run started: other work on the machine skews timings. */
    loadAverageAtStart: number;
    node: string;
    astro: string;
    pagefind: string;
    chromium?: string;
  };
  budgets: typeof BUDGETS;
  sizes: SizeResult[];
  /** Cost per case at the largest size against 10,000 (src/bench/linearity.ts). */
  linearity?: LinearityVerdict;
  /** Lighthouse on the real content site (lighthouse.ts). */
  lighthouse?: LighthouseResults;
}

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const RESULTS_JSON = join(REPO, 'tests/bench/results.json');
const RESULTS_MD = join(REPO, 'tests/bench/results.md');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const EDITED_CASE = 'bench-000001';
/** Filled in by the first search measurement, for the machine record. */
let chromiumVersion: string | undefined;

// ---------------------------------------------------------------------------------------------
// Running a step under /usr/bin/time.

function parseElapsed(text: string): number | undefined {
  const m = /Elapsed \(wall clock\) time \([^)]*\): ([\d:.]+)/.exec(text);
  return m?.[1]?.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
}

function parsePeak(text: string): number | undefined {
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(text);
  return m?.[1] ? Number(m[1]) * 1024 : undefined;
}

/**
 * Runs a command under `/usr/bin/time -v` in its own process group, so a step over its time limit
 * is killed with everything it started (Astro workers, the Pagefind binary).
 */
/** Adds one /proc sample of a process group to the running peaks. */
function sampleGroup(pgid: number, peaks: Step['sampled']): void {
  let total = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name may hold spaces and parentheses; the fields after it are fixed: state ppid pgrp.
      const pgrp = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      if (pgrp !== pgid) continue;
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const bytes = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;
      peaks.processBytes = Math.max(peaks.processBytes, bytes('VmHWM'));
      total += bytes('VmRSS');
    } catch {
      // The process ended between listing and reading.
    }
  }
  peaks.totalBytes = Math.max(peaks.totalBytes, total);
}

export function timed(command: string[], cwd: string, env: Record<string, string>, log: string, timeoutMs: number): Promise<Step> {
  const timeFile = `${log}.time`;
  const fd = openSync(log, 'a');
  const started = performance.now();
  return new Promise((done) => {
    const child = spawn('/usr/bin/time', ['-v', '-o', timeFile, ...command], {
      cwd,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', fd, fd],
      detached: true,
    });
    let timedOut = false;
    const sampled = { processBytes: 0, totalBytes: 0 };
    const sampler = setInterval(() => child.pid && sampleGroup(child.pid, sampled), 250);
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      clearInterval(sampler);
      closeSync(fd);
      const report = existsSync(timeFile) ? readFileSync(timeFile, 'utf8') : '';
      done({
        status: timedOut ? 'timeout' : code === 0 ? 'ok' : 'failed',
        exitCode: code,
        seconds: round(timedOut ? (performance.now() - started) / 1000 : (parseElapsed(report) ?? (performance.now() - started) / 1000), 2),
        peakMemoryBytes: timedOut ? null : (parsePeak(report) ?? null),
        sampled,
        loadAverage: round(os.loadavg()[0] ?? 0, 2),
      });
    });
  });
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

function tail(file: string, lines = 15): string {
  if (!existsSync(file)) return '';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

// ---------------------------------------------------------------------------------------------
// Measuring the built site.

function* files(dir: string): Generator<{ path: string; bytes: number }> {
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, item.name);
    if (item.isDirectory()) yield* files(full);
    else if (item.isFile()) yield { path: full, bytes: statSync(full).size };
  }
}

function folderBytes(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let count = 0;
  for (const f of files(dir)) {
    bytes += f.bytes;
    count++;
  }
  return { bytes, files: count };
}

const attr = (tag: string, name: string) =>
  new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i')
    .exec(tag)
    ?.slice(1)
    .find((v) => v !== undefined);

/** A site-absolute path for a URL found in a page or script, or undefined for another origin. */
function localPath(url: string, from: string): string | undefined {
  const u = new URL(url, new URL(from, 'http://site.invalid'));
  return u.origin === 'http://site.invalid' ? decodeURIComponent(u.pathname) : undefined;
}

const pageFile = (dist: string, urlPath: string) => join(dist, urlPath, 'index.html');

function pageWeight(dist: string, urlPath: string): PageWeight {
  const html = readFileSync(pageFile(dist, urlPath), 'utf8');
  const sheets = new Set<string>();
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attr(m[0], 'rel') ?? '';
    const href = attr(m[0], 'href');
    if (!rel.split(/\s+/).includes('stylesheet') || !href) continue;
    const path = localPath(href, urlPath);
    if (path) sheets.add(path);
  }
  const cssBytes = [...sheets].reduce((sum, p) => sum + statSync(join(dist, p)).size, 0);
  const htmlBytes = Buffer.byteLength(html);
  return { path: urlPath, htmlBytes, cssBytes, totalBytes: htmlBytes + cssBytes };
}

/** Static imports of a module (not `import()`, which loads only when the page asks for it). */
const IMPORT_RE = /\b(?:import|export)\s*(?:[^"'();]*?\bfrom\s*)?["']([^"']+)["']/g;

/**
 * JavaScript a page loads up front: inline and external scripts, module preloads and everything
 * they import statically, each file counted once. JSON data blocks are not scripts.
 */
function scriptBytes(dist: string, urlPath: string, seen = new Set<string>()): number {
  const html = readFileSync(pageFile(dist, urlPath), 'utf8');
  let total = 0;
  const load = (path: string) => {
    total += moduleBytes(dist, path, seen);
  };
  const imports = (code: string, from: string) => {
    for (const m of code.matchAll(IMPORT_RE)) {
      const path = m[1] ? localPath(m[1], from) : undefined;
      if (path) load(path);
    }
  };
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const tag = `<script ${m[1] ?? ''}>`;
    const type = (attr(tag, 'type') ?? '').toLowerCase();
    if (type && !['module', 'text/javascript', 'application/javascript'].includes(type)) continue;
    const src = attr(tag, 'src');
    if (src) {
      const path = localPath(src, urlPath);
      if (path) load(path);
    } else {
      total += Buffer.byteLength(m[2] ?? '');
      imports(m[2] ?? '', urlPath);
    }
  }
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const href = attr(m[0], 'href');
    if ((attr(m[0], 'rel') ?? '').toLowerCase() === 'modulepreload' && href) {
      const path = localPath(href, urlPath);
      if (path) load(path);
    }
  }
  return total;
}

/** A module and everything it imports statically, skipping files already counted in `seen`. */
function moduleBytes(dist: string, path: string, seen: Set<string>): number {
  if (seen.has(path)) return 0;
  seen.add(path);
  const full = join(dist, path);
  if (!existsSync(full)) return 0;
  const code = readFileSync(full, 'utf8');
  let total = Buffer.byteLength(code);
  for (const m of code.matchAll(IMPORT_RE)) {
    const dep = m[1] ? localPath(m[1], path) : undefined;
    if (dep) total += moduleBytes(dist, dep, seen);
  }
  return total;
}

/**
 * The course builder's own script, and what each download adds when first asked for: the slide
 * writer (pptxgenjs) and the Word writer (docx) are dynamic imports, each its own chunk.
 */
export function coursewareBytes(dist: string): { builderPage: number; slides?: number; handout?: number } {
  const seen = new Set<string>();
  const builderPage = scriptBytes(dist, '/builder/', seen);
  const chunks = readdirSync(join(dist, '_astro'));
  const chunk = (prefix: string) => {
    const file = chunks.find((f) => f.startsWith(`${prefix}.`) && f.endsWith('.js'));
    // Both downloads share courseware.js: each is counted as if it were the first asked for.
    return file ? moduleBytes(dist, `/_astro/${file}`, new Set(seen)) : undefined;
  };
  const common = chunk('courseware') ?? 0;
  const slides = chunk('pptx-export');
  const handout = chunk('docx-export');
  return { builderPage, ...(slides === undefined ? {} : { slides: slides + common }), ...(handout === undefined ? {} : { handout: handout + common }) };
}

function firstPage(dist: string, section: string, skip: readonly string[] = []): string {
  const dir = join(dist, section);
  const name = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !skip.includes(d.name) && existsSync(join(dir, d.name, 'index.html')))
    .map((d) => d.name)
    .sort()[0];
  if (!name) throw new Error(`${section} 下没有页面`);
  return `/${section}/${name}/`;
}

function largestCasePage(dist: string): string {
  let best = { path: `/cases/${EDITED_CASE}/`, bytes: -1 };
  for (const item of readdirSync(join(dist, 'cases'), { withFileTypes: true })) {
    if (!item.isDirectory() || !item.name.startsWith('bench-')) continue;
    const file = join(dist, 'cases', item.name, 'index.html');
    if (!existsSync(file)) continue;
    const bytes = statSync(file).size;
    if (bytes > best.bytes) best = { path: `/cases/${item.name}/`, bytes };
  }
  return best.path;
}

/** The index folders: a sharded Pagefind index and the narrative index (see src/cli/index-search.ts). */
const INDEX_FOLDER = /^pagefind(?:-\d+)?$|^narrative$/;

/** The narrative index's files count as Pagefind's of the same role: buckets as index, cases as fragments. */
function searchFileKind(path: string): SearchFileKind {
  if (NARRATIVE_PATH.test(path)) return path.endsWith('.bin') ? 'index' : /\/d\/\d+\.json$/.test(path) ? 'fragment' : /\/f\//.test(path) ? 'filter' : 'meta';
  if (path.endsWith('.pf_fragment')) return 'fragment';
  if (path.endsWith('.pf_index')) return 'index';
  if (path.endsWith('.pf_filter')) return 'filter';
  if (path.endsWith('.pf_meta') || path.endsWith('.json')) return 'meta';
  return 'code';
}

async function measureSearch(dist: string, queries: readonly string[] = SEARCH_QUERIES): Promise<{ downloads: SearchDownload[]; chromium: string }> {
  const { chromium } = await import('playwright-core');
  const server = serveStatic(dist);
  const served = countServedBytes(server);
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const downloads: SearchDownload[] = [];
    for (const query of queries) {
      // A fresh context has an empty cache: each query is measured as a first visit.
      const context = await browser.newContext();
      const page = await context.newPage();
      served.take();
      await page.goto(`http://127.0.0.1:${port}/search/?q=${encodeURIComponent(query)}`);
      await page.waitForFunction(() => /找到 \d+ 个结果/.test(document.querySelector('[data-status]')?.textContent ?? ''), undefined, { timeout: 120_000 });
      await page.waitForLoadState('networkidle');
      const status = (await page.locator('[data-status]').textContent()) ?? '';
      const all = served.take();
      const responses = all.filter((f) => INDEX_PATH.test(f.path)).map((f) => ({ kind: searchFileKind(f.path), bytes: f.bytes }));
      const pageBytes = all.filter((f) => !INDEX_PATH.test(f.path)).reduce((a, f) => a + f.bytes, 0);
      const byKind = Object.fromEntries(SEARCH_FILE_KINDS.map((k) => [k, responses.filter((x) => x.kind === k).reduce((a, x) => a + x.bytes, 0)])) as Record<SearchFileKind, number>;
      const bytes = responses.reduce((a, x) => a + x.bytes, 0);
      downloads.push({ query, bytes, pageBytes, requests: responses.length, results: Number(/找到 (\d+) 个结果/.exec(status)?.[1] ?? 0), byKind });
      await context.close();
    }
    return { downloads, chromium: browser.version() };
  } finally {
    await browser.close();
    await new Promise((closed) => server.close(closed));
  }
}

/** Changes one case's summary the way an editor would, so the rebuild has a real change to carry. */
function editOneCase(dir: string): { file: string; marker: string } {
  const file = join(dir, 'cases', `${EDITED_CASE}.md`);
  const { data, body } = parseMarkdown(readFileSync(file, 'utf8'));
  const marker = `重建测试${Date.now().toString(36)}`;
  data['summary'] = `${String(data['summary']).slice(0, 130)}（${marker}）`;
  writeFileSync(file, `---\n${stringify(data, { lineWidth: 0 })}---\n${body}`);
  return { file, marker };
}

/** The content caches astro.config.mjs keys by content folder (one per edition); removed with the folder they belong to. */
function removeAstroCaches(contentRoot: string): void {
  const key = createHash('sha256').update(resolve(contentRoot)).digest('hex').slice(0, 12);
  const caches = join(REPO, 'node_modules/.astro');
  if (!existsSync(caches)) return;
  for (const name of readdirSync(caches)) if (name.startsWith(key)) rmSync(join(caches, name), { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------

interface Options {
  sizes: number[];
  timeoutMs: number;
  keep: boolean;
  /** Replace only the measured sizes in the committed results (quick iteration on one size). */
  merge: boolean;
  /** Skip the rebuild after one changed case (it doubles the run). */
  rebuild: boolean;
  /** Only re-render results.md and the table from the committed results.json. */
  report: boolean;
}

const USAGE = '用法：npm run bench [-- --sizes 1000,10000,20000] [--large] [--merge] [--no-rebuild] [--timeout-minutes 15] [--keep] [--report]';

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { sizes: [...DEFAULT_SIZES], timeoutMs: 15 * 60_000, keep: false, merge: false, rebuild: true, report: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = (argv[i] ?? '').split('=', 2);
    const value = () => inline ?? argv[++i] ?? '';
    if (flag === '--sizes')
      options.sizes = value()
        .split(',')
        .map((s) => Number(s.trim().replace(/_/g, '')));
    else if (flag === '--timeout-minutes') options.timeoutMs = Number(value()) * 60_000;
    else if (flag === '--large') options.sizes.push(LARGE_SIZE);
    else if (flag === '--keep') options.keep = true;
    else if (flag === '--merge') options.merge = true;
    else if (flag === '--no-rebuild') options.rebuild = false;
    else if (flag === '--report') options.report = true;
    else throw new Error(`未知参数“${argv[i]}”。${USAGE}`);
  }
  if (options.sizes.length === 0 || options.sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--sizes 应是逗号分隔的正整数，例如 1000,10000,20000');
  if (!(options.timeoutMs > 0)) throw new Error('--timeout-minutes 应是正数');
  options.sizes = [...new Set(options.sizes)].sort((a, b) => a - b);
  return options;
}

async function measureSize(cases: number, options: Options): Promise<SizeResult> {
  const dir = mkdtempSync(join(os.tmpdir(), `lianjian-bench-${cases}-`));
  // Content, output and the node_modules link sit side by side: the content check rejects a
  // symlink or a foreign folder inside the content folder.
  const content = join(dir, 'content');
  const dist = join(dir, 'dist');
  const env = { LIANJIAN_CONTENT: content, LIANJIAN_OUT: dist };
  const astroBuild = ['npx', 'astro', 'build', '--root', REPO];
  const indexSearch = ['npx', 'node', 'src/cli/index-search.ts', dist];
  const say = (msg: string) => console.log(`[${cases}] ${msg}`);
  try {
    say(`生成语料到 ${dir} …`);
    const started = performance.now();
    const corpus = generateCorpus({ cases, dir: content });
    /*
     * Astro writes its prerender chunks to <outDir>/.prerender when the output folder is inside the
     * working directory, and otherwise to the checkout's shared .astro/.prerender, where a build
     * running at the same time (a test's fixture build) deletes them mid-build. So Astro runs from
     * the temporary folder (with --root pointing at the project), and this link lets those chunks
     * resolve the project's packages.
     */
    symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const generateSeconds = round((performance.now() - started) / 1000, 2);
    const result: SizeResult = {
      cases,
      measured: { date: new Date().toISOString(), loadAverageAtStart: round(os.loadavg()[0] ?? 0, 2) },
      status: 'ok',
      problems: [],
      corpus: { cases: corpus.cases, courses: corpus.courses, culture: corpus.culture, generateSeconds },
      build: { status: 'failed', exitCode: null, seconds: 0, peakMemoryBytes: null, sampled: { processBytes: 0, totalBytes: 0 }, loadAverage: 0 },
    };
    const fail = (what: string, step: Step, log: string) => {
      result.status = 'failed';
      // Where it stopped and why, not just the log's tail: what a 50,000-case run must report.
      const stop = readBuildStop(log);
      result.stop ??= { step: what.trim(), ...stop };
      const where = describeStop(stop, stepPeak(step), { astro: what.includes('astro build'), ...(step.status === 'timeout' ? { timedOutAfterMinutes: options.timeoutMs / 60_000 } : {}) });
      result.problems.push(`${what}${step.status === 'timeout' ? `超过 ${options.timeoutMs / 60_000} 分钟被终止` : `失败（退出码 ${step.exitCode}）`}：${where}\n${tail(log)}`);
      say(result.problems.at(-1) ?? '');
    };

    say('astro build …');
    const buildLog = join(dir, 'build.log');
    result.build = await timed(astroBuild, dir, env, buildLog, options.timeoutMs);
    say(`astro build ${result.build.status}，${result.build.seconds} 秒，峰值 ${gb(stepPeak(result.build))}`);
    if (result.build.status !== 'ok') {
      fail('astro build ', result.build, buildLog);
      return result;
    }

    say('Pagefind 索引 …');
    const indexLog = join(dir, 'index.log');
    result.index = await timed(indexSearch, REPO, env, indexLog, options.timeoutMs);
    say(`索引 ${result.index.status}，${result.index.seconds} 秒，峰值 ${gb(stepPeak(result.index))}`);
    if (result.index.status !== 'ok') fail('搜索索引', result.index, indexLog);

    const total = folderBytes(dist);
    result.htmlPages = [...files(dist)].filter((f) => f.path.endsWith('.html')).length;
    const indexFolders = readdirSync(dist).filter((d) => INDEX_FOLDER.test(d));
    result.output = { totalBytes: total.bytes, files: total.files, indexBytes: indexFolders.reduce((sum, d) => sum + folderBytes(join(dist, d)).bytes, 0), indexFolders: indexFolders.length };
    const casePage = `/cases/${EDITED_CASE}/`;
    result.pageWeight = { casePage: pageWeight(dist, casePage), largestCasePage: pageWeight(dist, largestCasePage(dist)), listPage: pageWeight(dist, '/cases/') };
    const pages: Record<PageType, string> = {
      casePage,
      listPage: '/cases/',
      searchPage: '/search/',
      selfCheckPage: firstPage(dist, 'self-check'),
      documentPage: firstPage(dist, 'documents', ['review']),
    };
    result.javascript = Object.fromEntries(PAGE_TYPES.map((t) => [t, { path: pages[t], bytes: scriptBytes(dist, pages[t]) }])) as Record<PageType, { path: string; bytes: number }>;
    result.courseware = coursewareBytes(dist);

    if (result.index.status === 'ok') {
      say(`在 Chromium 中搜索 ${SEARCH_QUERIES.join('、')} …`);
      try {
        const { downloads, chromium } = await measureSearch(dist);
        result.search = downloads;
        chromiumVersion = chromium;
        result.detailSearch = (await measureSearch(dist, DETAIL_QUERIES)).downloads;
        result.searchQuality = await evaluateSearch(dist, content);
      } catch (err) {
        result.status = 'failed';
        result.problems.push(`搜索测量失败：${(err as Error).message}`);
        say(result.problems.at(-1) ?? '');
      }
    }

    if (!options.rebuild) return result;
    say(`修改 ${EDITED_CASE} 的摘要后重建 …`);
    const { marker } = editOneCase(content);
    const rebuildLog = join(dir, 'rebuild.log');
    const build = await timed(astroBuild, dir, env, rebuildLog, options.timeoutMs);
    const index = build.status === 'ok' && result.index.status === 'ok' ? await timed(indexSearch, REPO, env, rebuildLog, options.timeoutMs) : undefined;
    const changeVisible = build.status === 'ok' && readFileSync(pageFile(dist, casePage), 'utf8').includes(marker);
    result.rebuild = { changed: `cases/${EDITED_CASE}.md（summary）`, build, ...(index ? { index } : {}), seconds: round(build.seconds + (index?.seconds ?? 0), 2), changeVisible };
    if (build.status !== 'ok') fail('重建 astro build ', build, rebuildLog);
    else if (index && index.status !== 'ok') fail('重建索引', index, rebuildLog);
    else if (!changeVisible) result.problems.push('重建后页面没有出现修改后的摘要');
    say(`重建 ${result.rebuild.seconds} 秒`);
    return result;
  } finally {
    if (options.keep) say(`保留临时目录 ${dir}`);
    else {
      // Unlink the node_modules link by itself first, so removing the folder can never reach the project's packages.
      const link = join(dir, 'node_modules');
      if (lstatSync(link, { throwIfNoEntry: false })?.isSymbolicLink()) unlinkSync(link);
      rmSync(dir, { recursive: true, force: true });
    }
    removeAstroCaches(content);
  }
}

const packageVersion = (name: string) => (JSON.parse(readFileSync(join(REPO, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

// ---------------------------------------------------------------------------------------------
// Reporting.

const kb = (bytes: number | undefined) => (bytes === undefined ? '—' : `${(bytes / 1000).toFixed(1)} KB`);
const mb = (bytes: number | undefined) => (bytes === undefined ? '—' : `${(bytes / 1e6).toFixed(1)} MB`);
function gb(bytes: number | null | undefined): string {
  return bytes === undefined || bytes === null ? '—' : `${(bytes / 1e9).toFixed(2)} GB`;
}
const secs = (s: number | undefined) => (s === undefined ? '—' : s >= 60 ? `${s.toFixed(0)} 秒（${Math.floor(s / 60)} 分 ${String(Math.round(s % 60)).padStart(2, '0')} 秒）` : `${s.toFixed(1)} 秒`);
const ms = (x: number | undefined) => (x === undefined ? '—' : `${x.toFixed(2)} 毫秒`);
const stepTime = (step: Step | undefined) => (step === undefined ? '—' : step.status === 'ok' ? secs(step.seconds) : `${step.status === 'timeout' ? '超时' : '失败'}（${secs(step.seconds)}）`);

interface Row {
  label: string;
  value: (s: SizeResult) => number | undefined;
  format: (n: number | undefined) => string;
  /** Shown instead of the number, e.g. a failed step. */
  text?: (s: SizeResult) => string | undefined;
}

const sumSteps = (a: Step | undefined, b: Step | undefined) => (a?.status === 'ok' && b?.status === 'ok' ? a.seconds + b.seconds : undefined);
const peakOf = (s: SizeResult) => Math.max(stepPeak(s.build), stepPeak(s.index)) || undefined;

const ROWS: Row[] = [
  { label: '案例 / 模块 / 文化条目', value: (s) => s.cases, format: String, text: (s) => `${s.corpus.cases} / ${s.corpus.courses} / ${s.corpus.culture}` },
  { label: 'HTML 页面数', value: (s) => s.htmlPages, format: (n) => (n === undefined ? '—' : String(n)) },
  { label: 'astro build 用时', value: (s) => (s.build.status === 'ok' ? s.build.seconds : undefined), format: secs, text: (s) => stepTime(s.build) },
  { label: 'astro build 峰值内存：time -v', value: (s) => s.build.peakMemoryBytes ?? undefined, format: gb },
  { label: 'astro build 峰值内存：各进程合计', value: (s) => s.build.sampled.totalBytes || undefined, format: gb },
  { label: 'Pagefind 索引用时', value: (s) => (s.index?.status === 'ok' ? s.index.seconds : undefined), format: secs, text: (s) => stepTime(s.index) },
  { label: 'Pagefind 索引峰值内存：time -v', value: (s) => s.index?.peakMemoryBytes ?? undefined, format: gb },
  { label: 'Pagefind 索引峰值内存：最大单进程', value: (s) => s.index?.sampled.processBytes || undefined, format: gb },
  { label: 'Pagefind 索引峰值内存：各进程合计', value: (s) => s.index?.sampled.totalBytes || undefined, format: gb },
  { label: '构建 + 索引合计', value: (s) => sumSteps(s.build, s.index), format: secs },
  { label: '每案例用时：astro build', value: (s) => perCaseMs(s).build, format: ms },
  { label: '每案例用时：搜索索引（主索引 + 案情全文）', value: (s) => perCaseMs(s).index, format: ms },
  { label: '每案例用时：构建 + 索引', value: (s) => perCaseMs(s).total, format: ms },
  { label: '输出总大小', value: (s) => s.output?.totalBytes, format: mb },
  { label: '索引大小（pagefind/ 及分片）', value: (s) => s.output?.indexBytes, format: mb, text: (s) => (s.output ? `${mb(s.output.indexBytes)}（${s.output.indexFolders} 个索引目录）` : undefined) },
  { label: '案例页 HTML+CSS', value: (s) => s.pageWeight?.casePage.totalBytes, format: kb },
  { label: '最大的案例页 HTML+CSS', value: (s) => s.pageWeight?.largestCasePage.totalBytes, format: kb },
  { label: '列表页 /cases/ HTML+CSS', value: (s) => s.pageWeight?.listPage.totalBytes, format: kb },
  { label: 'JS：案例页', value: (s) => s.javascript?.casePage.bytes, format: kb },
  { label: 'JS：列表页 /cases/', value: (s) => s.javascript?.listPage.bytes, format: kb },
  { label: 'JS：搜索页（不含 Pagefind）', value: (s) => s.javascript?.searchPage.bytes, format: kb },
  { label: 'JS：自查清单页', value: (s) => s.javascript?.selfCheckPage.bytes, format: kb },
  { label: 'JS：制度文件页', value: (s) => s.javascript?.documentPage.bytes, format: kb },
  { label: 'JS：课程组配页（下载前）', value: (s) => s.courseware?.builderPage, format: kb },
  { label: 'JS：首次下载幻灯片时加载（pptxgenjs）', value: (s) => s.courseware?.slides, format: kb },
  { label: 'JS：首次下载讲义时加载（docx）', value: (s) => s.courseware?.handout, format: kb },
  ...SEARCH_QUERIES.map((q): Row => ({
    label: `搜索“${q}”下载`,
    value: (s) => s.search?.find((d) => d.query === q)?.bytes,
    format: kb,
    text: (s) => {
      const d = s.search?.find((x) => x.query === q);
      return d ? `${kb(d.bytes)}（${d.requests} 个请求，${d.results} 个结果${d.pageBytes === undefined ? '' : `；页面本身另 ${kb(d.pageBytes)}`}）` : undefined;
    },
  })),
  ...DETAIL_QUERIES.map((q): Row => ({
    label: `搜索“${q}”下载（只在案情全文中，另查案情索引）`,
    value: (s) => s.detailSearch?.find((d) => d.query === q)?.bytes,
    format: kb,
    text: (s) => {
      const d = s.detailSearch?.find((x) => x.query === q);
      return d ? `${kb(d.bytes)}（${d.requests} 个请求，${d.results} 个结果）` : undefined;
    },
  })),
  {
    label: '重建：astro build',
    value: (s) => (s.rebuild?.build.status === 'ok' ? s.rebuild.build.seconds : undefined),
    format: secs,
    text: (s) => (s.rebuild ? stepTime(s.rebuild.build) : undefined),
  },
  {
    label: '重建：Pagefind 索引',
    value: (s) => (s.rebuild?.index?.status === 'ok' ? s.rebuild.index.seconds : undefined),
    format: secs,
    text: (s) => (s.rebuild ? stepTime(s.rebuild.index) : undefined),
  },
  {
    label: '改一个案例后重建（build + 索引）',
    value: (s) => s.rebuild?.seconds,
    format: secs,
    text: (s) => (s.rebuild ? `${secs(s.rebuild.seconds)}${s.rebuild.changeVisible ? '' : '，修改未生效'}` : undefined),
  },
  { label: '生成语料用时', value: (s) => s.corpus.generateSeconds, format: secs },
];

function figureTable(results: BenchResults): string[][] {
  const sizes = results.sizes;
  const first = sizes[0];
  const last = sizes.at(-1);
  const withRatio = sizes.length > 1 && first && last;
  const header = ['指标', ...sizes.map((s) => `${s.cases.toLocaleString('en-US')} 案例`), ...(withRatio ? ['倍数'] : [])];
  const rows = ROWS.map((row) => {
    const cells = sizes.map((s) => row.text?.(s) ?? row.format(row.value(s)));
    if (!withRatio) return [row.label, ...cells];
    const a = row.value(first);
    const b = row.value(last);
    return [row.label, ...cells, a && b ? `×${(b / a).toFixed(1)}` : '—'];
  });
  return [header, ...rows];
}

interface BudgetLine {
  name: string;
  limit: string;
  measured: string;
  pass: boolean | undefined;
  kind: '断言（CI）' | '报告';
}

export function casePageBytes(s: SizeResult): number | undefined {
  const w = s.pageWeight;
  return w ? Math.max(w.casePage.totalBytes, w.largestCasePage.totalBytes) : undefined;
}

function budgetLines(results: BenchResults): BudgetLine[] {
  const sizes = results.sizes;
  const at = sizes.find((s) => s.cases === BUDGETS.atCases);
  const per = (f: (s: SizeResult) => string) => sizes.map((s) => `${s.cases.toLocaleString('en-US')}：${f(s)}`).join('；');
  const all = (f: (s: SizeResult) => boolean | undefined) => {
    const v = sizes.map(f);
    return v.some((x) => x === undefined) ? undefined : v.every(Boolean);
  };
  const readingJs = (s: SizeResult) => (s.javascript ? READING_PAGES.reduce((sum, p) => sum + (s.javascript?.[p].bytes ?? 0), 0) : undefined);
  const searchMax = (s: SizeResult | undefined) => (s?.search && s.search.length === SEARCH_QUERIES.length ? Math.max(...s.search.map((d) => d.bytes)) : undefined);
  const search = searchMax(at);
  return [
    {
      name: '案例页 HTML+CSS（含最大的案例页）',
      limit: '< 40 KB',
      measured: per((s) => kb(casePageBytes(s))),
      pass: all((s) => (casePageBytes(s) === undefined ? undefined : (casePageBytes(s) ?? 0) < BUDGETS.casePageBytes)),
      kind: '断言（CI）',
    },
    {
      name: '阅读页面（案例页、制度文件页）的 JavaScript',
      limit: '0 字节',
      measured: per((s) => `${readingJs(s) ?? '—'} 字节`),
      pass: all((s) => (readingJs(s) === undefined ? undefined : readingJs(s) === BUDGETS.readingPageJsBytes)),
      kind: '断言（CI）',
    },
    {
      name: '10,000 案例典型搜索下载（三个查询中最大者）',
      limit: '< 300 KB',
      measured: at ? kb(search) : '未测量',
      pass: search === undefined ? (at ? false : undefined) : search < BUDGETS.searchBytes,
      kind: '断言（CI）',
    },
    ...[BUDGETS.atCases, BUDGETS.scaleCases].flatMap((cases): BudgetLine[] => {
      const x = sizes.find((s) => s.cases === cases);
      const seconds = x ? sumSteps(x.build, x.index) : undefined;
      const high = x ? peakOf(x) : undefined;
      const name = cases.toLocaleString('en-US');
      return [
        {
          name: `${name} 案例构建 + 索引用时（索引含案情全文）`,
          limit: '< 5 分钟',
          measured: x ? (seconds === undefined ? `${stepTime(x.build)} + ${stepTime(x.index)}` : secs(seconds)) : '未测量',
          pass: seconds === undefined ? (x ? false : undefined) : seconds < BUDGETS.buildAndIndexSeconds,
          kind: '报告',
        },
        {
          name: `${name} 案例峰值内存（构建、索引各自所有进程合计，取较大者）`,
          limit: '< 4 GB',
          measured: x ? gb(high) : '未测量',
          pass: high === undefined ? (x ? false : undefined) : high < BUDGETS.peakMemoryBytes,
          kind: '报告',
        },
      ];
    }),
  ];
}

const verdict = (pass: boolean | undefined) => (pass === undefined ? '未测量' : pass ? '通过' : '未通过');

function markdownTable(rows: string[][]): string {
  const [header = [], ...body] = rows;
  return [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`, ...body.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

type Shape = '低于线性' | '大致线性' | '高于线性';

/** How a figure grew against the number of cases: within ±30 % of the case ratio counts as linear. */
function shape(a: number, b: number, n: number): Shape {
  const ratio = b / a;
  return ratio < 0.7 * n ? '低于线性' : ratio <= 1.3 * n ? '大致线性' : '高于线性';
}

const SHAPE_TEXT: Record<Shape, string> = {
  低于线性: '低于线性，含与规模无关的固定部分',
  大致线性: '大致线性',
  高于线性: '**高于线性**',
};

/**
 * One figure at both ends, its ratio, how it grew, and the extra cost per 1,000 more cases:
 * the slope is what decides how far the library can grow.
 */
function grew(label: string, a: number | null | undefined, b: number | null | undefined, n: number, cases: number, unit: (x: number) => string): string {
  if (!a || !b) return `${label}无法比较`;
  return `${label}${label.endsWith('）') ? '' : ' '}${unit(a)} → ${unit(b)}（×${(b / a).toFixed(1)}，${SHAPE_TEXT[shape(a, b, n)]}；每多 1,000 个案例约多 ${unit(((b - a) / cases) * 1000)}）`;
}

const steady = (label: string, a: number | undefined, b: number | undefined, unit: (x: number) => string) =>
  a === undefined || b === undefined ? `${label}未测量` : b > a * 1.05 + 100 ? `${label} ${unit(a)} → ${unit(b)}，**随规模增长**` : `${label} ${unit(a)} → ${unit(b)}`;

function explanation(results: BenchResults): string {
  const first = results.sizes[0];
  const last = results.sizes.at(-1);
  if (!first || !last || first === last) return '只测量了一个规模，没有可比较的倍数。';
  const n = last.cases / first.cases;
  const more = last.cases - first.cases;
  const sec = (x: number) => `${x.toFixed(1)} 秒`;
  const gbs = (x: number) => gb(x);
  const mbs = (x: number) => mb(x);
  const kbs = (x: number) => kb(x);
  const cold = sumSteps(last.build, last.index);
  /** Per kind of file, the most any of the queries downloaded. */
  const kindsOf = (x: SizeResult) =>
    x.search?.reduce<Record<SearchFileKind, number>>(
      (acc, d) => {
        for (const k of SEARCH_FILE_KINDS) acc[k] = Math.max(acc[k], d.byKind[k]);
        return acc;
      },
      { code: 0, meta: 0, index: 0, filter: 0, fragment: 0 },
    );
  const [kindsA, kindsB] = [kindsOf(first), kindsOf(last)];
  const KIND_NAMES: Record<SearchFileKind, string> = { code: '脚本和 wasm', meta: '元数据', index: '词索引', filter: '筛选数据', fragment: '结果片段' };
  const kinds = kindsA && kindsB ? SEARCH_FILE_KINDS.map((k) => `${KIND_NAMES[k]} ${kb(kindsA[k])} → ${kb(kindsB[k])}`).join('，') : undefined;
  const linearKinds = kindsA && kindsB ? SEARCH_FILE_KINDS.filter((k) => kindsA[k] > 0 && shape(kindsA[k], kindsB[k], n) !== '低于线性').map((k) => KIND_NAMES[k]) : [];
  const js = PAGE_TYPES.map((t) =>
    steady(
      t === 'casePage' ? '案例页' : t === 'listPage' ? '列表页' : t === 'searchPage' ? '搜索页' : t === 'selfCheckPage' ? '自查清单页' : '制度文件页',
      first.javascript?.[t].bytes,
      last.javascript?.[t].bytes,
      kbs,
    ),
  );
  return [
    `从 ${first.cases.toLocaleString('en-US')} 到 ${last.cases.toLocaleString('en-US')} 个案例（×${n.toFixed(0)}），HTML 页面 ${first.htmlPages ?? '—'} → ${last.htmlPages ?? '—'}：每个案例一页，外加按领域、风险点等分面的分页列表。`,
    '',
    `- **astro build**：${grew('用时', first.build.seconds, last.build.seconds, n, more, sec)}。${grew('峰值内存', stepPeak(first.build), stepPeak(last.build), n, more, gbs)}。固定部分是启动 Astro 和 Vite、打包脚本和样式；增量部分是每一页的渲染和常驻内存的全部内容条目。`,
    `- **Pagefind 索引**（${first.output?.indexFolders ?? '—'} → ${last.output?.indexFolders ?? '—'} 个索引目录，逐个建立）：${grew('用时', first.index?.seconds, last.index?.seconds, n, more, sec)}。${grew('峰值内存（各进程合计）', stepPeak(first.index), stepPeak(last.index), n, more, gbs)}。`,
    `- **输出**：${grew('总大小', first.output?.totalBytes, last.output?.totalBytes, n, more, mbs)}。${grew('索引大小', first.output?.indexBytes, last.output?.indexBytes, n, more, mbs)}。`,
    `- **单页重量**（HTML+CSS）：${steady('案例页', first.pageWeight?.casePage.totalBytes, last.pageWeight?.casePage.totalBytes, kbs)}，${steady('最大的案例页', first.pageWeight?.largestCasePage.totalBytes, last.pageWeight?.largestCasePage.totalBytes, kbs)}，${steady('列表页 /cases/', first.pageWeight?.listPage.totalBytes, last.pageWeight?.listPage.totalBytes, kbs)}（每页 20 条，其余分页）。JavaScript：${js.join('，')}。`,
    `- **一次搜索的下载量**：${grew('三个查询中最大者', searchMaxOf(first), searchMaxOf(last), n, more, kbs)}。按文件类别（各查询中的最大值）：${kinds ?? '未测量'}。${linearKinds.length > 0 ? `其中${linearKinds.join('、')}随页面数大致线性增长：它们为每一个页面各记一项，查询再短也要整份下载${(last.output?.indexFolders ?? 1) > 1 ? `；索引分成 ${last.output?.indexFolders} 个目录后，浏览器合并时每个目录的这些文件都要下载` : ''}。` : ''}词索引只下载查询词所在的分块${(last.output?.indexFolders ?? 1) > 1 ? `，但每个索引目录各下载一份（${last.output?.indexFolders} 份）` : ''}；结果片段只下载显示的前 20 条。`,
    `- **改一个案例后重建**：${secs(last.rebuild?.seconds)}，冷构建加索引 ${secs(cold)}${last.rebuild && cold ? `（×${(last.rebuild.seconds / cold).toFixed(2)}）` : ''}。改一个文件并不更省：Astro 7 的静态构建每次重新生成全部页面，Pagefind 每次重新索引全部页面，没有增量构建。编辑写作时用 \`npm run dev\` 预览单篇内容（按需渲染，即时刷新），发布时再完整构建。`,
    '',
    `用时受机器上其他任务影响：共 ${results.machine.cpus} 核，开始时 1 分钟平均负载 ${results.machine.loadAverageAtStart}，各步骤结束时 ${results.sizes.map((x) => `${x.cases.toLocaleString('en-US')}：${x.measured ? `测于 ${x.measured.date.slice(0, 16).replace('T', ' ')} UTC，开始时 ${x.measured.loadAverageAtStart}，` : ''}构建 ${x.build.loadAverage}、索引 ${x.index?.loadAverage ?? '—'}`).join('；')}（基准自身约占 1–2）。`,
  ].join('\n');
}

function searchMaxOf(s: SizeResult): number | undefined {
  return s.search && s.search.length > 0 ? Math.max(...s.search.map((d) => d.bytes)) : undefined;
}

/** Cost per case of each step at each size, and the verdict of the 1.3× check against 10,000 cases. */
function linearitySection(results: BenchResults): string[] {
  const v = results.linearity ?? checkLinearity(results.sizes);
  const steps = ['build', 'index', 'total'] as const;
  const names = { build: 'astro build', index: '搜索索引（主索引 + 案情全文）', total: '构建 + 索引' };
  const ratio = (step: (typeof steps)[number]) => v.steps.find((x) => x.step === step);
  const rows = [
    ['每案例用时', ...results.sizes.map((s) => `${s.cases.toLocaleString('en-US')} 案例`), `最大规模 ÷ ${LINEARITY.referenceCases.toLocaleString('en-US')}`],
    ...steps.map((step) => [names[step], ...results.sizes.map((s) => ms(perCaseMs(s)[step])), ratio(step) ? `×${ratio(step)?.ratio.toFixed(2)}${ratio(step)?.pass ? '' : '（超过）'}` : '—']),
  ];
  return ['## 线性检查', '', markdownTable(rows), '', `${v.message}用时是墙钟时间，机器繁忙时偏大；各规模测量时的负载见文末。`, ''];
}

function markdown(results: BenchResults): string {
  const m = results.machine;
  const budgets = budgetLines(results);
  const failed = results.sizes.filter((s) => s.status !== 'ok');
  return [
    '# 性能基准结果',
    '',
    `由 \`npm run bench\` 生成于 ${results.date}，请勿手工修改。机器：${m.cpus} 核（${m.cpuModel}），内存 ${gb(m.totalMemoryBytes)}，${m.os}；开始时 1 分钟平均负载 ${m.loadAverageAtStart}。Node ${m.node}，Astro ${m.astro}，Pagefind ${m.pagefind}${m.chromium ? `，Chromium ${m.chromium}` : ''}。`,
    '',
    '语料由 `src/bench/generate.ts` 按固定种子生成（每篇案例正文约 1,600–2,400 个汉字），复制真实的分类数据和制度文件。时间为墙钟时间（`/usr/bin/time -v`）。峰值内存有三种读数：`time -v` 的“Maximum resident set size”（它看到的最大单个进程；父进程没有回收的子进程看不到，索引步骤里的 Pagefind 程序常常如此），每 250 毫秒从 /proc 采样的最大单进程峰值（VmHWM），以及同一时刻该步骤所有进程常驻内存之和；内存预算取三者中最大的。1 KB = 1,000 字节，1 GB = 10⁹ 字节。',
    '',
    markdownTable(figureTable(results)),
    '',
    '## 预算',
    '',
    markdownTable([['预算', '要求', '实测', '结果', '检查方式'], ...budgets.map((b) => [b.name, b.limit, b.measured, verdict(b.pass), b.kind])]),
    '',
    '页面重量预算由 `tests/unit/budgets.test.ts` 读取 results.json 断言，随 `npm test` 在 CI 中运行；用时和内存与机器有关，只在这里报告。',
    '',
    ...linearitySection(results),
    ...qualitySection(results.sizes),
    ...(failed.length > 0 ? ['## 失败', '', ...failed.flatMap((s) => [`### ${s.cases.toLocaleString('en-US')} 案例`, '', '```', ...s.problems, '```', ''])] : []),
    `## ${results.sizes.map((x) => x.cases.toLocaleString('en-US')).join(' 与 ')} 的倍数`,
    '',
    explanation(results),
    '',
    ...lighthouseMarkdown(results.lighthouse),
  ].join('\n');
}

/** Display width in a terminal: CJK characters take two columns. */
const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);

function printTable(rows: string[][]): void {
  const cols = Math.max(...rows.map((r) => r.length));
  const widths = Array.from({ length: cols }, (_, i) => Math.max(...rows.map((r) => width(r[i] ?? ''))));
  for (const [n, r] of rows.entries()) {
    console.log(r.map((cell, i) => cell + ' '.repeat((widths[i] ?? 0) - width(cell))).join('  '));
    if (n === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

function report(results: BenchResults, file = RESULTS_MD): void {
  writeFileSync(file, markdown(results));
  console.log('');
  printTable(figureTable(results));
  console.log('');
  printTable([['预算', '要求', '实测', '结果', '检查方式'], ...budgetLines(results).map((b) => [b.name, b.limit, b.measured, verdict(b.pass), b.kind])]);
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (options.report) {
    report(JSON.parse(readFileSync(RESULTS_JSON, 'utf8')) as BenchResults);
    console.log(`\n已根据 ${RESULTS_JSON} 重写 ${RESULTS_MD}`);
    return;
  }
  const cpus = os.cpus();
  const loadAverageAtStart = round(os.loadavg()[0] ?? 0, 2);
  console.log(`性能基准：规模 ${options.sizes.join('、')}，${cpus.length} 核，内存 ${gb(os.totalmem())}，当前负载 ${loadAverageAtStart}`);
  const fresh: SizeResult[] = [];
  for (const n of options.sizes) fresh.push(await measureSize(n, options));
  let sizes = fresh;
  if (options.merge && existsSync(RESULTS_JSON)) {
    const previous = JSON.parse(readFileSync(RESULTS_JSON, 'utf8')) as BenchResults;
    const kept = previous.sizes
      .filter((s) => !fresh.some((f) => f.cases === s.cases))
      .map((s) => ({ ...s, measured: s.measured ?? { date: previous.date, loadAverageAtStart: previous.machine.loadAverageAtStart } }));
    sizes = [...kept, ...fresh].sort((a, b) => a.cases - b.cases);
  }
  // A run that leaves out a default size would make the committed results incomplete: it goes to a
  // temporary folder unless --merge fills in the other sizes from the committed file.
  const complete = DEFAULT_SIZES.every((n) => sizes.some((s) => s.cases === n));
  const partialDir = join(os.tmpdir(), 'lianjian-bench-results');
  const [jsonFile, mdFile] = complete ? [RESULTS_JSON, RESULTS_MD] : [join(partialDir, 'results.json'), join(partialDir, 'results.md')];
  const lighthouse = await benchLighthouse(RESULTS_JSON);
  const results: BenchResults = {
    date: new Date().toISOString(),
    machine: {
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      cpus: cpus.length,
      cpuModel: cpus[0]?.model.trim() ?? 'unknown',
      totalMemoryBytes: os.totalmem(),
      loadAverageAtStart,
      node: process.version,
      astro: packageVersion('astro'),
      pagefind: packageVersion('pagefind'),
      ...(chromiumVersion ? { chromium: chromiumVersion } : {}),
    },
    budgets: BUDGETS,
    sizes,
    linearity: checkLinearity(sizes),
    ...(lighthouse.results ? { lighthouse: lighthouse.results } : {}),
  };
  mkdirSync(complete ? join(REPO, 'tests/bench') : partialDir, { recursive: true });
  writeFileSync(jsonFile, `${JSON.stringify(results, null, 2)}\n`);
  report(results, mdFile);
  console.log(`\n已写入 ${jsonFile} 和 ${mdFile}${complete ? '' : `（本次没有测量全部默认规模 ${DEFAULT_SIZES.join('、')}，不覆盖提交的结果；加 --merge 只替换测量了的规模）`}`);
  const failed = sizes.filter((s) => s.status !== 'ok');
  if (failed.length > 0) {
    console.error(`\n${failed.map((s) => s.cases).join('、')} 规模的测量有失败步骤，详情见 results.md。`);
    process.exitCode = 1;
  }
  const linearity = results.linearity;
  if (linearity?.pass === false) {
    console.error(`\n${linearity.message}`);
    process.exitCode = 1;
  } else console.log(`\n${linearity?.message ?? ''}`);
  for (const p of lighthouse.problems) console.error(`Lighthouse：${p}`);
  if (lighthouse.problems.length > 0) process.exitCode = 1;
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  await main();
}
