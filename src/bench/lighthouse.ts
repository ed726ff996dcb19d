/**
 * Lighthouse in the benchmark (issue 21): performance, accessibility, best practices and SEO of the
 * pages readers meet most (home, a case, the case list, a search, a culture item, a module, the
 * course builder), desktop and mobile presets, measured on the real content site — what users get,
 * not the synthetic corpus — served by the project's own server (static-server.ts, the one behind
 * `npm run serve`), so the real CSP and headers and its compression apply.
 *
 * `npm run bench` calls benchLighthouse() after its sizes and stores the result under `lighthouse`
 * in tests/bench/results.json. On its own: `node src/bench/lighthouse.ts [--dist dist] [--runs 3]`
 * measures an existing build (or builds content/ into .bench/) and updates only that key.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launch } from 'chrome-launcher';
import lighthouse, { desktopConfig, type Result as LhResult } from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../lib/chromium.ts';
import { serveStatic } from '../lib/static-server.ts';

/** Issue 21: every listed page, desktop and mobile, at least this (0–100). */
export const LIGHTHOUSE_BUDGET = { performance: 98, accessibility: 100 } as const;
/** Runs per page and preset; the median run is kept (scores wander on a shared machine). */
export const LIGHTHOUSE_RUNS = 3;
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];
export const PRESETS = ['desktop', 'mobile'] as const;
export type Preset = (typeof PRESETS)[number];

export interface LighthouseScore {
  page: string;
  path: string;
  preset: Preset;
  /** The median run's category scores, 0–100; null when Lighthouse could not score the category. */
  scores: Record<Category, number | null>;
  /** Every run's performance score, in the order run: how much the machine made them wander. */
  performanceRuns: (number | null)[];
  /** The median run's metrics: cumulative layout shift, and in milliseconds LCP, FCP and total blocking time. */
  metrics: { cls: number; lcpMs: number; fcpMs: number; tbtMs: number };
  /** Audits of the four categories that lost points in the median run: `id（score）`. */
  lost: string[];
}

export interface LighthouseResults {
  date: string;
  lighthouse: string;
  chromium: string;
  runs: number;
  /** What was measured: the content folder built as `npm run build` does. */
  site: string;
  /** One-minute load average at the start and end (2 cores): above ~2, other work shared the machine. */
  load: { start: number; end: number };
  seconds: number;
  pages: LighthouseScore[];
}

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const RESULTS_JSON = join(REPO, 'tests/bench/results.json');

/** The largest page directly under a section: the heaviest case, module or culture item. */
function largestEntry(dist: string, section: string): string {
  let best = { name: '', bytes: -1 };
  for (const item of readdirSync(join(dist, section), { withFileTypes: true })) {
    const file = join(dist, section, item.name, 'index.html');
    if (!item.isDirectory() || !existsSync(file)) continue;
    const bytes = statSync(file).size;
    if (bytes > best.bytes) best = { name: item.name, bytes };
  }
  if (!best.name) throw new Error(`${dist}/${section}/ 下没有页面，无法测量 Lighthouse`);
  return `/${section}/${best.name}/`;
}

/** The pages issue 21 lists, as paths of the built site. */
export function lighthousePages(dist: string): { page: string; path: string }[] {
  return [
    { page: '首页', path: '/' },
    { page: '案例（最大的案例页）', path: largestEntry(dist, 'cases') },
    { page: '案例库 /cases/', path: '/cases/' },
    { page: '搜索“受贿”', path: `/search/?q=${encodeURIComponent('受贿')}` },
    { page: '廉洁文化（最大的一篇）', path: largestEntry(dist, 'culture') },
    { page: '培训模块（最大的一个）', path: largestEntry(dist, 'courses') },
    { page: '课程组配 /builder/', path: '/builder/' },
  ];
}

const score = (s: number | null | undefined) => (s === null || s === undefined ? null : Math.round(s * 100));

function summarise(lhr: LhResult): Pick<LighthouseScore, 'scores' | 'metrics' | 'lost'> {
  const audit = (id: string) => lhr.audits[id]?.numericValue ?? 0;
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, score(lhr.categories[c]?.score)])) as Record<Category, number | null>;
  const lost = CATEGORIES.flatMap((c) =>
    (lhr.categories[c]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 || c !== 'performance')
      .map((ref) => lhr.audits[ref.id])
      .filter((a): a is NonNullable<typeof a> => a !== undefined && a.scoreDisplayMode !== 'notApplicable' && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual' && a.score !== null && a.score < 1)
      .map((a) => `${a.id}（${score(a.score)}）`),
  );
  return {
    scores,
    metrics: {
      cls: Math.round(audit('cumulative-layout-shift') * 1000) / 1000,
      lcpMs: Math.round(audit('largest-contentful-paint')),
      fcpMs: Math.round(audit('first-contentful-paint')),
      tbtMs: Math.round(audit('total-blocking-time')),
    },
    lost: [...new Set(lost)],
  };
}

/** Runs Lighthouse on the built site in `dist`: every page, both presets, `runs` times each, one at a time. */
export async function measureLighthouse(dist: string, runs = LIGHTHOUSE_RUNS, say: (msg: string) => void = console.log): Promise<LighthouseResults> {
  const started = performance.now();
  const loadStart = os.loadavg()[0] ?? 0;
  const server = serveStatic(resolve(dist));
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_ARGS, logLevel: 'error' });
  const pages: LighthouseScore[] = [];
  let version = '';
  let chromium = '';
  try {
    for (const { page, path } of lighthousePages(dist)) {
      for (const preset of PRESETS) {
        const lhrs: LhResult[] = [];
        for (let i = 0; i < runs; i++) {
          const result = await lighthouse(`${origin}${path}`, { port: chrome.port, logLevel: 'error', onlyCategories: [...CATEGORIES] }, preset === 'desktop' ? desktopConfig : undefined);
          if (!result) throw new Error(`Lighthouse 没有返回 ${path} 的结果`);
          if (result.lhr.runtimeError) throw new Error(`Lighthouse 测量 ${path}（${preset}）失败：${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
          lhrs.push(result.lhr);
        }
        const median = computeMedianRun(lhrs);
        version = median.lighthouseVersion;
        chromium = /Chrome\/([\d.]+)/.exec(median.environment.hostUserAgent)?.[1] ?? median.environment.hostUserAgent;
        const entry: LighthouseScore = { page, path, preset, ...summarise(median), performanceRuns: lhrs.map((l) => score(l.categories['performance']?.score)) };
        pages.push(entry);
        say(`Lighthouse ${preset === 'desktop' ? '桌面' : '手机'} ${path}：${CATEGORIES.map((c) => entry.scores[c] ?? '—').join(' / ')}（性能各次 ${entry.performanceRuns.join('、')}）`);
      }
    }
  } finally {
    chrome.kill();
    await new Promise((closed) => server.close(closed));
  }
  return {
    date: new Date().toISOString(),
    lighthouse: version,
    chromium,
    runs,
    site: 'content/（npm run build 构建的真实内容，公开版）',
    load: { start: Math.round(loadStart * 100) / 100, end: Math.round((os.loadavg()[0] ?? 0) * 100) / 100 },
    seconds: Math.round((performance.now() - started) / 100) / 10,
    pages,
  };
}

/** Every page and preset below the budget, in Chinese; empty when all pass. */
export function lighthouseProblems(results: LighthouseResults | undefined): string[] {
  if (!results) return ['没有 Lighthouse 测量结果'];
  return results.pages.flatMap((p) =>
    (['performance', 'accessibility'] as const)
      .filter((c) => (p.scores[c] ?? 0) < LIGHTHOUSE_BUDGET[c])
      .map((c) => `${p.path}（${p.preset === 'desktop' ? '桌面' : '手机'}）${c === 'performance' ? '性能' : '无障碍'} ${p.scores[c] ?? '无分数'}，要求 ≥ ${LIGHTHOUSE_BUDGET[c]}；扣分项：${p.lost.join('，') || '无'}`),
  );
}

/** The section of results.md: scores per page and preset, the budget, and how they were measured. */
export function lighthouseMarkdown(results: LighthouseResults | undefined): string[] {
  if (!results) return [];
  const problems = lighthouseProblems(results);
  const cell = (p: LighthouseScore) => CATEGORIES.map((c) => p.scores[c] ?? '—').join(' / ');
  const rows = lighthousePagesOf(results).map(({ page, path }) => {
    const [desktop, mobile] = PRESETS.map((preset) => results.pages.find((p) => p.path === path && p.preset === preset));
    return `| ${page}：\`${decodeURIComponent(path)}\` | ${desktop ? cell(desktop) : '—'} | ${mobile ? cell(mobile) : '—'} | ${desktop?.metrics.cls ?? '—'} / ${mobile?.metrics.cls ?? '—'} | ${[desktop, mobile].map((p) => p?.performanceRuns.join('、') ?? '—').join('；')} |`;
  });
  return [
    '## Lighthouse',
    '',
    `Lighthouse ${results.lighthouse}，Chromium ${results.chromium}，测于 ${results.date}；测量对象是${results.site}，由项目自带的服务器（\`npm run serve\` 所用的 static-server.ts，带真实的 CSP、安全头和压缩）提供。每个页面、每种预设（桌面 desktop-config、手机为默认的移动端模拟和限速）各测 ${results.runs} 次，取 Lighthouse 的中位运行（computeMedianRun）。开始时 1 分钟平均负载 ${results.load.start}，结束时 ${results.load.end}（共 ${os.cpus().length} 核）：负载高时性能分偏低、各次相差较大，见最后一列。用时 ${Math.round(results.seconds)} 秒。`,
    '',
    '| 页面 | 桌面：性能 / 无障碍 / 最佳做法 / SEO | 手机：性能 / 无障碍 / 最佳做法 / SEO | CLS 桌面 / 手机 | 性能各次（桌面；手机） |',
    '|---|---:|---:|---:|---:|',
    ...rows,
    '',
    `预算：每个页面桌面和手机的性能 ≥ ${LIGHTHOUSE_BUDGET.performance}、无障碍 = ${LIGHTHOUSE_BUDGET.accessibility}。${problems.length === 0 ? '**全部通过。**' : `**未通过**：\n\n${problems.map((p) => `- ${p}`).join('\n')}`}`,
    '',
  ];
}

function lighthousePagesOf(results: LighthouseResults): { page: string; path: string }[] {
  const seen = new Map<string, string>();
  for (const p of results.pages) if (!seen.has(p.path)) seen.set(p.path, p.page);
  return [...seen].map(([path, page]) => ({ page, path }));
}

/** Builds content/ as `npm run build` does, into a folder of its own (never dist/, which may be served). */
function buildContentSite(out: string): void {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', LIANJIAN_EDITION: 'public', LIANJIAN_OUT: out, LIANJIAN_CONTENT_CHECKED: '1' };
  delete env['LIANJIAN_CONTENT'];
  const steps: [string, string[]][] = [
    [process.execPath, ['src/cli/check.ts']],
    ['npx', ['astro', 'build']],
    [process.execPath, ['src/cli/index-search.ts', out]],
  ];
  for (const [cmd, args] of steps) {
    const run = spawnSync(cmd, args, { cwd: REPO, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.status !== 0) throw new Error(`构建真实站点失败（${[cmd, ...args].join(' ')}）：\n${`${run.stdout}${run.stderr}`.slice(-3000)}`);
  }
}

/**
 * The benchmark's Lighthouse step: builds content/ into .bench/lighthouse-site, measures it and
 * removes the build. Problems (a page under budget, a failed build) are returned, not thrown, so
 * the other figures are still written. LIANJIAN_BENCH_LIGHTHOUSE=0 skips the measurement (about
 * 15–25 minutes on a busy 2-core machine) and keeps the scores already in `resultsFile`.
 */
export async function benchLighthouse(resultsFile: string): Promise<{ results?: LighthouseResults; problems: string[] }> {
  if (process.env['LIANJIAN_BENCH_LIGHTHOUSE'] === '0') {
    const kept = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as { lighthouse?: LighthouseResults }).lighthouse : undefined;
    console.log(kept ? `Lighthouse：跳过，保留 ${kept.date} 的测量结果` : 'Lighthouse：跳过（没有以前的结果）');
    return kept ? { results: kept, problems: lighthouseProblems(kept) } : { problems: [] };
  }
  const out = join(REPO, '.bench/lighthouse-site');
  try {
    console.log('Lighthouse：构建真实内容站点 …');
    rmSync(out, { recursive: true, force: true });
    buildContentSite(out);
    const results = await measureLighthouse(out);
    return { results, problems: lighthouseProblems(results) };
  } catch (err) {
    return { problems: [`测量失败：${(err as Error).message}`] };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  let dist: string | undefined;
  let runs = LIGHTHOUSE_RUNS;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = (argv[i] ?? '').split('=', 2);
    const value = () => inline ?? argv[++i] ?? '';
    if (flag === '--dist') dist = resolve(value());
    else if (flag === '--runs') runs = Number(value());
    else throw new Error(`未知参数“${argv[i]}”。用法：node src/bench/lighthouse.ts [--dist dist] [--runs 3]`);
  }
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs 应是正整数');
  let results: LighthouseResults | undefined;
  let problems: string[];
  if (dist) {
    if (!existsSync(join(dist, 'pagefind'))) throw new Error(`${dist} 不是带搜索索引的构建产物，请先运行 npm run build`);
    results = await measureLighthouse(dist, runs);
    problems = lighthouseProblems(results);
  } else ({ results, problems } = await benchLighthouse(RESULTS_JSON));
  if (results && existsSync(RESULTS_JSON)) {
    // Only this key changes: the size figures stay as `npm run bench` measured them.
    const all = JSON.parse(readFileSync(RESULTS_JSON, 'utf8')) as Record<string, unknown>;
    writeFileSync(RESULTS_JSON, `${JSON.stringify({ ...all, lighthouse: results }, null, 2)}\n`);
    spawnSync(process.execPath, ['src/bench/run.ts', '--report'], { cwd: REPO, stdio: 'inherit' });
  }
  for (const p of problems) console.error(p);
  if (problems.length > 0) process.exitCode = 1;
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  await main();
}
