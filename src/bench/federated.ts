/**
 * `npm run bench:federated [-- --sites 10 --cases 10000] [--timeout-minutes 30] [--keep]` (issue 20):
 * one synthetic corpus of sites × cases, split into member sites built one after another (as ten
 * machines would build them in parallel), the first of them also the portal whose search spans
 * the others, and one site over all the same cases to compare with. Measures each member's build
 * and index time and peak memory (the per-machine cost), the portal's downloads and latency per
 * query in headless Chromium (all origins counted), and how the portal's top ten compare with the
 * single index's for a fixed query list. Writes tests/bench/federated.json and federated.md.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { CHROMIUM, CHROMIUM_ARGS } from '../lib/chromium.ts';
import { parseMarkdown } from '../lib/frontmatter.ts';
import { freePort } from '../lib/serve-site.ts';
import { serveStatic } from '../lib/static-server.ts';
import { generateCorpus } from './generate.ts';
import { DETAIL_QUERIES, SEARCH_QUERIES, stepPeak, timed, type Step } from './run.ts';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const OUT_JSON = join(REPO, 'tests/bench/federated.json');
const OUT_MD = join(REPO, 'tests/bench/federated.md');
/** Typical and detail queries of the single-site benchmark, and a few more a cadre would type. */
export const FEDERATED_QUERIES = [...SEARCH_QUERIES, ...DETAIL_QUERIES, '工程款', '虚报冒领', '违规发放津贴补贴'] as const;

/** Past this many cases in all, no single site is built to compare with (100,000 does not fit one machine's budget). */
export const SINGLE_LIMIT = 20_000;

export interface SiteBuild {
  name: string;
  cases: number;
  build: Step;
  index: Step;
}

export interface QueryFigures {
  query: string;
  /** Bytes downloaded from every origin for this query, on a first visit (empty cache). */
  portalBytes: number;
  portalRequests: number;
  portalMs: number;
  portalTop: number;
  single?: {
    bytes: number;
    ms: number;
    /** Share of the single index's top ten (by case) that the portal's top ten also lists. */
    overlapAt10: number;
    top: number;
  };
}

export interface FederatedResults {
  date: string;
  machine: { cpus: number; totalMemoryBytes: number; loadAverageAtStart: number; loadAverageAtEnd: number };
  sites: number;
  casesPerSite: number;
  members: SiteBuild[];
  /** Absent past SINGLE_LIMIT cases: the one-index comparison is then left out, not attempted. */
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
  if (build.status !== 'ok') throw new Error(`${name} 构建失败（${build.status}），见 ${join(dir, 'build.log')}`);
  const index = await timed(['npx', 'node', 'src/cli/index-search.ts', dist], REPO, env, join(dir, 'index.log'), timeoutMs);
  if (index.status !== 'ok') throw new Error(`${name} 索引失败（${index.status}），见 ${join(dir, 'index.log')}`);
  console.log(`[${name}] 构建 ${build.seconds} 秒 / 峰值 ${gb(stepPeak(build))}，索引 ${index.seconds} 秒 / 峰值 ${gb(stepPeak(index))}`);
  return { name, cases, build, index };
}

async function listen(server: Server, port = 0): Promise<number> {
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

/** Runs every query on a site's search page as a reader would, each in a fresh context (empty cache). */
async function searchPage(origin: string, queries: readonly string[]): Promise<Map<string, { urls: string[]; bytes: number; requests: number; ms: number }>> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const out = new Map<string, { urls: string[]; bytes: number; requests: number; ms: number }>();
  try {
    for (const q of queries) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${origin}/search/`);
      const sizes: Promise<number>[] = [];
      page.on('requestfinished', (r) => sizes.push(r.sizes().then((s) => s.responseBodySize + s.responseHeadersSize)));
      const started = performance.now();
      await page.fill('input[name="q"]', q);
      await page.press('input[name="q"]', 'Enter');
      await page.waitForFunction(() => {
        const s = document.querySelector('[data-status]')?.textContent ?? '';
        return !document.querySelector('search-page')?.hasAttribute('aria-busy') && s !== '' && !s.includes('正在搜索');
      }, undefined, { timeout: 120_000 });
      const ms = performance.now() - started;
      await page.waitForLoadState('networkidle');
      const urls = await page.$$eval('[data-results] li h2 a', (as) => as.map((a) => a.getAttribute('href') ?? '').map((h) => h.split('#')[0] ?? h));
      const bytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
      out.set(q, { urls, bytes, requests: sizes.length, ms: Math.round(ms) });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return out;
}

function markdown(r: FederatedResults): string {
  const rows = [
    '| 站点 | 案例 | 构建（秒） | 构建峰值内存 | 索引（秒） | 索引峰值内存 |',
    '|---|---:|---:|---:|---:|---:|',
    ...[...r.members, ...(r.single ? [r.single] : [])].map((s) => `| ${s.name} | ${s.cases.toLocaleString('en')} | ${s.build.seconds} | ${gb(stepPeak(s.build))} | ${s.index.seconds} | ${gb(stepPeak(s.index))} |`),
  ];
  const q = [
    '| 查询 | 门户下载 | 门户请求数 | 门户用时 | 单一索引下载 | 单一索引用时 | 前十重合 | 门户 / 单一前十条数 |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...r.queries.map((x) => `| ${x.query} | ${kb(x.portalBytes)} | ${x.portalRequests} | ${x.portalMs} ms | ${x.single ? `${kb(x.single.bytes)} | ${x.single.ms} ms | ${Math.round(x.single.overlapAt10 * 100)}% | ${x.portalTop} / ${x.single.top}` : `— | — | — | ${x.portalTop} / —`} |`),
  ];
  const mean = r.queries.reduce((a, x) => a + (x.single?.overlapAt10 ?? 0), 0) / Math.max(1, r.queries.length);
  const slowest = Math.max(...r.members.map((m) => m.build.seconds + m.index.seconds));
  return `# 联网检索基准（议题 20）

由 \`npm run bench:federated\` 生成，${r.date.slice(0, 10)}：${r.sites} 个成员站点 × 每站 ${r.casesPerSite.toLocaleString('en')} 个案例，依次构建（十台机器可同时构建，每台的代价即下表一行），第一个成员站点同时是门户，其搜索页联网检索其他成员；${r.single ? `另建一个包含全部 ${(r.sites * r.casesPerSite).toLocaleString('en')} 个案例的单一站点作对照。` : ''}机器：${r.machine.cpus} 核，内存 ${gb(r.machine.totalMemoryBytes)}，开始时负载 ${r.machine.loadAverageAtStart}，结束时 ${r.machine.loadAverageAtEnd}（负载高于核数时，其他任务同时占用机器，用时偏长）。

## 每个站点的构建

${rows.join('\n')}

各成员并行构建时，全网更新一次的用时约为最慢的一站：${round(slowest, 1)} 秒。

## 门户的搜索（无头 Chromium，每个查询都是空缓存的首次访问，下载量含所有来源的页面、脚本和索引）

${q.join('\n')}

${r.single ? `前十重合的平均值：${Math.round(mean * 100)}%。` : `共 ${(r.sites * r.casesPerSite).toLocaleString('en')} 个案例，超过 ${SINGLE_LIMIT.toLocaleString('en')}，没有构建单一站点对照（一台机器的预算容不下），前十重合一栏空缺。`}“前十重合”指单一索引前十条结果中，门户前十条也列出的比例（按页面路径比较）。门户把各站的结果按 Pagefind 的分数合并，而每站的分数按自己的词频统计，所以同一批页面在两边的名次不同，前十名会有出入；本基准只比较前十名，没有逐页核对两边找到的页面集合。
`;
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
  const keep = args.includes('--keep');
  if (!(sites >= 2 && perSite >= 1)) throw new Error('用法：npm run bench:federated -- --sites 3 --cases 1000（至少 2 个站点）');
  const loadAverageAtStart = round(os.loadavg()[0] ?? 0);
  const work = mkdtempSync(join(os.tmpdir(), 'lianjian-federated-'));
  console.log(`联网检索基准：${sites} 个站点 × ${perSite} 个案例，工作目录 ${work}，当前负载 ${loadAverageAtStart}`);
  const servers: Server[] = [];
  let finished = false;
  try {
    const corpus = generateCorpus({ cases: sites * perSite, dir: join(work, 'corpus') }).dir;
    const caseFiles = readdirSync(join(corpus, 'cases')).sort();
    const courseFiles = readdirSync(join(corpus, 'courses')).sort();
    const cultureFiles = readdirSync(join(corpus, 'culture')).filter((f) => f.endsWith('.md')).sort();
    if (courseFiles.length < sites) throw new Error(`语料只有 ${courseFiles.length} 个培训模块，不够分给 ${sites} 个站点：请增加每站案例数`);
    const ports = await Promise.all(Array.from({ length: sites }, () => freePort()));
    const origin = (i: number) => `http://127.0.0.1:${ports[i]}`;
    const members: SiteBuild[] = [];
    // Members 2…N first: the portal (member 1) reads their exports when it is built.
    for (let i = sites - 1; i >= 0; i--) {
      const dir = join(work, `site-${i + 1}`);
      mkdirSync(dir);
      memberContent(corpus, dir, { cases: caseFiles.slice(i * perSite, (i + 1) * perSite), courses: dealt(courseFiles, i, sites), culture: dealt(cultureFiles, i, sites) });
      const list = i === 0 ? Array.from({ length: sites - 1 }, (_, k) => ({ id: `site-${k + 2}`, name: `成员站点${k + 2}`, level: '市', url: `${origin(k + 1)}/` })) : [];
      writeFileSync(join(dir, 'content/network/sites.yaml'), stringify({ self: { id: `site-${i + 1}`, name: i === 0 ? '门户（成员站点1）' : `成员站点${i + 1}`, level: i === 0 ? '省' : '市' }, members: list }));
      if (i === 0) {
        mkdirSync(join(dir, 'content/network/exports'), { recursive: true });
        for (let k = 2; k <= sites; k++) cpSync(join(work, `site-${k}`, 'dist/network/export.json'), join(dir, `content/network/exports/site-${k}.json`));
      }
      members.unshift(await buildSite(i === 0 ? '门户（成员站点1）' : `成员站点${i + 1}`, dir, perSite, timeoutMs));
    }
    const singleDir = join(work, 'single');
    let single: SiteBuild | undefined;
    if (sites * perSite <= SINGLE_LIMIT) {
      mkdirSync(singleDir);
      memberContent(corpus, singleDir, { cases: caseFiles, courses: [], culture: cultureFiles });
      // The single site holds every member's modules as they are there (case references narrowed alike).
      for (let k = 1; k <= sites; k++) cpSync(join(work, `site-${k}`, 'content/courses'), join(singleDir, 'content/courses'), { recursive: true });
      single = await buildSite('单一站点（对照）', singleDir, sites * perSite, timeoutMs);
    }

    for (let i = sites - 1; i >= 0; i--) {
      const server = serveStatic(join(work, `site-${i + 1}`, 'dist'), { cors: [origin(0)] });
      servers.push(server);
      await listen(server, ports[i]);
    }
    console.log('在门户上搜索 …');
    const portal = await searchPage(origin(0), FEDERATED_QUERIES);
    let one: Awaited<ReturnType<typeof searchPage>> | undefined;
    if (single) {
      const singleServer = serveStatic(join(singleDir, 'dist'));
      servers.push(singleServer);
      console.log('在单一站点上搜索 …');
      one = await searchPage(`http://127.0.0.1:${await listen(singleServer)}`, FEDERATED_QUERIES);
    }
    const queries: QueryFigures[] = FEDERATED_QUERIES.map((q) => {
      const p = portal.get(q);
      if (!p) throw new Error(`查询“${q}”没有测到`);
      const s = one?.get(q);
      return { query: q, portalBytes: p.bytes, portalRequests: p.requests, portalMs: p.ms, portalTop: Math.min(10, p.urls.length), ...(s ? { single: { bytes: s.bytes, ms: s.ms, overlapAt10: round(overlapAt10(s.urls, p.urls)), top: Math.min(10, s.urls.length) } } : {}) };
    });
    const results: FederatedResults = {
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, totalMemoryBytes: os.totalmem(), loadAverageAtStart, loadAverageAtEnd: round(os.loadavg()[0] ?? 0) },
      sites,
      casesPerSite: perSite,
      members,
      ...(single ? { single } : {}),
      queries,
    };
    mkdirSync(join(REPO, 'tests/bench'), { recursive: true });
    writeFileSync(OUT_JSON, `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync(OUT_MD, markdown(results));
    console.log(markdown(results));
    finished = true;
  } finally {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    // A failed run keeps its folder: the build logs name what went wrong.
    if (!keep && finished) rmSync(work, { recursive: true, force: true });
    else console.log(`工作目录保留在 ${work}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
