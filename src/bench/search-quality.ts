/**
 * Search quality over the synthetic benchmark corpus (issue 14: "the same evaluation over the
 * 10,000-case benchmark corpus, bytes and latency per query"). The graded set in tests/search/ judges
 * the real content; its pages do not exist here, so this judges from what the generator wrote: a page
 * is relevant to a query when its source file holds the query word. Each query is typed into the real
 * search page in headless Chromium, as a first visit (empty cache), and measured as a reader meets it:
 * what it downloads, how long until the results show, and whether the top results are relevant.
 * Called from run.ts for each corpus size; rendered into results.md by qualitySection().
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parseYaml } from '../lib/frontmatter.ts';
import { INDEX_PATH, NARRATIVE_PATH } from '../lib/search-index.ts';
import { serveStatic } from '../lib/static-server.ts';

/** Typical queries (the page-weight budget's) and details the generator tells only in narratives. */
export const QUALITY_QUERIES: readonly { query: string; group: 'typical' | 'detail' }[] = [
  { query: '招标', group: 'typical' },
  { query: '村级财务', group: 'typical' },
  { query: '受贿', group: 'typical' },
  { query: '存折', group: 'detail' },
  { query: '容积率', group: 'detail' },
  { query: '赌博', group: 'detail' },
];

export interface QualityRow {
  query: string;
  group: 'typical' | 'detail';
  /** Encoded bytes from the index folders (pagefind*, including the narrative bundle). */
  bytes: number;
  /** Bytes from the narrative bundle's folders alone. */
  narrativeBytes: number;
  requests: number;
  /** From navigation to the first results on screen, in milliseconds. */
  ms: number;
  status: string;
  /** Pages of the corpus whose source holds the word: the relevant set. */
  relevant: number;
  /** The number the page reports: its status, plus the cases its note says were found in narratives. */
  reported: number;
  success1: boolean;
  success5: boolean;
  /** Relevant results among the first page shown. */
  precision10: number;
}

const FOLDERS: Record<string, string> = { cases: '/cases/', courses: '/courses/', culture: '/culture/', documents: '/documents/', indicators: '/indicators/', 'self-checks': '/self-check/' };
const CHROMIUM = '/usr/bin/chromium';

/**
 * Source text of every page the search can return, by URL: what the generator (or content/) wrote.
 * The folder must be the content folder itself: given its parent, every query would judge against
 * nothing and report 0 relevant pages, so a folder without cases/ is an error, not an empty corpus.
 */
export function corpusPages(corpusDir: string): Map<string, string> {
  if (!existsSync(join(corpusDir, 'cases'))) throw new Error(`搜索质量评判：${corpusDir} 下没有 cases/ 文件夹。应传入内容文件夹本身（生成器写入的 content/），而不是它的上一级`);
  const pages = new Map<string, string>();
  for (const [folder, prefix] of Object.entries(FOLDERS)) {
    let names: string[];
    try {
      names = readdirSync(join(corpusDir, folder));
    } catch {
      continue;
    }
    for (const name of names) if (name.endsWith('.md') && !name.startsWith('_')) pages.set(`${prefix}${name.slice(0, -3)}/`, readFileSync(join(corpusDir, folder, name), 'utf8'));
  }
  // A risk point's page is its entry in the taxonomy (with the cases and modules it lists, judged on their own).
  try {
    const risks = parseYaml(readFileSync(join(corpusDir, 'taxonomies', 'risk-points.yaml'), 'utf8'));
    if (Array.isArray(risks)) for (const r of risks as { id?: unknown }[]) if (typeof r.id === 'string') pages.set(`/risks/${r.id}/`, JSON.stringify(r));
  } catch {
    // A corpus without risk points judges the other pages only.
  }
  return pages;
}

/** Judges one result list against the corpus: a result is relevant when its page's source holds the word. */
export function judge(query: string, targets: readonly string[], pages: ReadonlyMap<string, string>): Pick<QualityRow, 'relevant' | 'success1' | 'success5' | 'precision10'> {
  const holds = (url: string) => pages.get(url.split('#')[0] ?? url)?.includes(query) ?? false;
  let relevant = 0;
  for (const text of pages.values()) if (text.includes(query)) relevant++;
  const first = targets.slice(0, 10);
  return {
    relevant,
    success1: targets.slice(0, 1).some(holds),
    success5: targets.slice(0, 5).some(holds),
    precision10: first.length === 0 ? 0 : first.filter(holds).length / first.length,
  };
}

export async function evaluateSearch(dist: string, corpusDir: string, queries = QUALITY_QUERIES): Promise<QualityRow[]> {
  const pages = corpusPages(corpusDir);
  const { chromium } = await import('playwright-core');
  const server = serveStatic(dist);
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  try {
    const rows: QualityRow[] = [];
    for (const { query, group } of queries) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const sizes: Promise<{ path: string; bytes: number }>[] = [];
      page.on('requestfinished', (request) => {
        const path = new URL(request.url()).pathname;
        if (INDEX_PATH.test(path)) sizes.push(request.sizes().then((s) => ({ path, bytes: s.responseBodySize })));
      });
      const started = performance.now();
      await page.goto(`http://127.0.0.1:${port}/search/?q=${encodeURIComponent(query)}`);
      // Done when the page has stopped searching and says what it found.
      await page.waitForFunction(
        () => {
          const status = document.querySelector('[data-status]')?.textContent ?? '';
          return status !== '' && status !== '正在搜索……' && !document.querySelector('search-page')?.hasAttribute('aria-busy');
        },
        undefined,
        { timeout: 120_000 },
      );
      const ms = Math.round(performance.now() - started);
      await page.waitForLoadState('networkidle');
      const status = (await page.locator('[data-status]').textContent()) ?? '';
      // The status counts the main bundle's matches; cases found in narratives are counted in the note.
      const note = (await page.locator('[data-note]').textContent()) ?? '';
      const targets = await page.locator('[data-results] h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('data-target') ?? ''));
      const got = await Promise.all(sizes);
      rows.push({
        query,
        group,
        bytes: got.reduce((a, x) => a + x.bytes, 0),
        narrativeBytes: got.filter((x) => NARRATIVE_PATH.test(x.path)).reduce((a, x) => a + x.bytes, 0),
        requests: got.length,
        ms,
        status,
        reported: Number(/(\d+)/.exec(status)?.[1] ?? 0) + Number(/另有(?:至少)?\s*(\d+) 个案例/.exec(note)?.[1] ?? 0),
        ...judge(query, targets, pages),
      });
      await context.close();
    }
    return rows;
  } finally {
    await browser.close();
    await new Promise((closed) => server.close(closed));
  }
}

const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;

/** results.md's section: one table per corpus size that was evaluated. */
export function qualitySection(sizes: readonly { cases: number; searchQuality?: QualityRow[] }[]): string[] {
  const evaluated = sizes.filter((s) => s.searchQuality && s.searchQuality.length > 0);
  if (evaluated.length === 0) return [];
  return [
    '## 搜索质量（合成语料）',
    '',
    '每个查询在无头 Chromium 中输入真实的搜索页（首次访问，缓存为空）。“相关页面”是源文件中含有该词的页面（由生成器写入，不看索引）；success@1、success@5 为前 1、5 名中是否有相关页面，P@10 为第一页结果中相关页面的比例。“典型”查询的标题、摘要、关键词就能回答；“细节”查询的词只写在案例的案情叙述里，要另查案情索引。用时从打开页面算到结果显示，随机器负载变化。',
    '',
    ...evaluated.flatMap((s) => [
      `### ${s.cases.toLocaleString('en-US')} 案例`,
      '',
      '| 查询 | 类型 | 下载（其中案情索引） | 请求 | 用时 | 相关页面 | 页面报告 | success@1 | success@5 | P@10 |',
      '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...(s.searchQuality ?? []).map((r) => `| ${r.query} | ${r.group === 'typical' ? '典型' : '细节'} | ${kb(r.bytes)}（${kb(r.narrativeBytes)}） | ${r.requests} | ${(r.ms / 1000).toFixed(1)} 秒 | ${r.relevant} | ${r.reported} | ${r.success1 ? '是' : '否'} | ${r.success5 ? '是' : '否'} | ${r.precision10.toFixed(2)} |`),
      '',
    ]),
  ];
}
