/**
 * The federated benchmark (issue 20) before the lead leaves it running unattended: what it says a
 * run will take, and how it counts a query's bytes across every member's server.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { estimateMinutes, FEDERATED_QUERIES, judgeResults, markdown, meanQuality, outputFiles, pagesByUrl, queryBytes, SINGLE_LIMIT, singleOnlyMarkdown, unavailable, type FederatedResults } from '../../src/bench/federated.ts';
import { DETAIL_QUERIES, type Step } from '../../src/bench/run.ts';
import { corpusPages } from '../../src/bench/search-quality.ts';

describe('npm run bench:federated', () => {
  it('asks the portal the detail queries told only in narratives', () => {
    for (const q of DETAIL_QUERIES) expect(FEDERATED_QUERIES).toContain(q);
  });

  it('counts a query at every server, with the narrative indexes apart', () => {
    const served = [
      { path: '/search/', bytes: 18_000 },
      { path: '/pagefind/pagefind.js', bytes: 12_000 },
      { path: '/narrative/index.json', bytes: 200 },
      { path: '/narrative/p/1234.bin', bytes: 20_000 },
      // The search page asked again: a 304, no body.
      { path: '/search/', bytes: 0 },
      { path: '/pagefind-1/pf_meta', bytes: 5_000 },
    ];
    expect(queryBytes(served)).toEqual({ bytes: 55_200, narrativeBytes: 20_200, requests: 6 });
  });

  it('estimates 10 sites × 10,000 cases from the committed single-site figure, with no single site past the limit', () => {
    // 10,000 cases built and indexed in 680 s (tests/bench/results.json, 2026-11-29, load 4–6).
    const reference = { cases: 10_000, seconds: 680 };
    const full = estimateMinutes(10, 10_000, reference);
    expect(10 * 10_000).toBeGreaterThan(SINGLE_LIMIT);
    // Ten members one after another (113 min), the corpus (3 min) and the portal's queries (5 min).
    expect(full).toBeGreaterThanOrEqual(115);
    expect(full).toBeLessThanOrEqual(125);
    // A smoke run also builds the single site of all its cases.
    expect(estimateMinutes(3, 500, reference)).toBe(Math.ceil((1_500 * 0.068 * 2 + 1_500 * 0.0016 + FEDERATED_QUERIES.length * 40) / 60));
  });

  describe('judges the portal and the single index by the same rule', () => {
    // Two members, each serving its own slice of cases and its own copy of the shared documents.
    const portal = 'http://127.0.0.1:4101';
    const member = 'http://127.0.0.1:4102';
    const bribe = '---\ntitle: 某县国土局科长张某受贿案\n---\n张某利用审批职权收受开发商财物……';
    const tender = '---\ntitle: 某镇招标代理串通案\n---\n招标代理机构与投标人串通……';
    const law = '---\ntitle: 公职人员政务处分法\n---\n受贿、行贿的，予以处分……';
    const pages = pagesByUrl([
      { origin: portal, pages: new Map([['/cases/bench-000001/', tender], ['/documents/zhengwu-chufen/', law]]) },
      { origin: member, pages: new Map([['/cases/bench-000002/', bribe], ['/documents/zhengwu-chufen/', law]]) },
    ]);

    it('finds a member’s case relevant where that member serves it, and a portal result by its relative link', () => {
      const judged = judgeResults('受贿', [`${member}/cases/bench-000002/#案情`, '/documents/zhengwu-chufen/', '/cases/bench-000001/'], portal, pages);
      expect(judged).toEqual({ relevant: 2, duplicates: 0, success1: true, success5: true, precision10: 2 / 3 });
    });

    it('does not count a case as relevant at a member that does not serve it', () => {
      // The bribery case lives on the member: the portal has no such page, so a link to it there is a miss.
      const judged = judgeResults('受贿', [`${portal}/cases/bench-000002/`, `${member}/cases/bench-000001/`], portal, pages);
      expect(judged.success5).toBe(false);
      expect(judged.precision10).toBe(0);
    });

    it('counts the same document listed again from a second member as not relevant', () => {
      const judged = judgeResults('处分', ['/documents/zhengwu-chufen/', `${member}/documents/zhengwu-chufen/`], portal, pages);
      expect(judged).toMatchObject({ duplicates: 1, success1: true, precision10: 0.5 });
    });

    it('counts two articles of one rule as two results, and the same article from a second member once', () => {
      const judged = judgeResults('处分', ['/documents/zhengwu-chufen/#article-7', '/documents/zhengwu-chufen/#article-8', `${member}/documents/zhengwu-chufen/#article-7`], portal, pages);
      expect(judged).toMatchObject({ duplicates: 1, precision10: 2 / 3 });
    });

    it('counts a document every member serves once among the relevant pages', () => {
      expect(judgeResults('处分', [], portal, pages).relevant).toBe(1);
      expect(judgeResults('处分', [], portal, pages).success1).toBe(false);
    });

    it('averages success as the share of queries answered and P@10 as a mean', () => {
      const m = meanQuality([
        { success1: true, success5: true, precision10: 1 },
        { success1: false, success5: true, precision10: 0.5 },
        { success1: false, success5: false, precision10: 0 },
        { success1: true, success5: true, precision10: 0.7 },
      ]);
      expect(m).toEqual({ success1: 0.5, success5: 0.75, precision10: 0.55, queries: 4 });
    });
  });

  it('writes a named run beside the default report, never over it', () => {
    expect(outputFiles().md).toMatch(/tests\/bench\/federated\.md$/);
    expect(outputFiles('quality')).toEqual({ json: expect.stringMatching(/tests\/bench\/federated-quality\.json$/), md: expect.stringMatching(/tests\/bench\/federated-quality\.md$/) });
    expect(() => outputFiles('../results')).toThrow(/--name 应是小写英文字母/);
    expect(() => outputFiles('')).toThrow(/--name/);
  });

  it('reads a member’s pages from its content folder, and refuses the folder above it', () => {
    const dir = mkdtempSync(join(os.tmpdir(), 'lianjian-quality-'));
    try {
      mkdirSync(join(dir, 'content/cases'), { recursive: true });
      writeFileSync(join(dir, 'content/cases/bench-000007.md'), '---\ntitle: 某乡财政所会计李某挪用公款案\n---\n李某把村级财务账户的资金转入个人存折……');
      expect([...corpusPages(join(dir, 'content')).keys()]).toEqual(['/cases/bench-000007/']);
      // Given the site's folder (logs, dist, content/) every query would find 0 relevant pages.
      expect(() => corpusPages(dir)).toThrow(`搜索质量评判：${dir} 下没有 cases/ 文件夹`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports where a single site over every case stopped, in its own report', () => {
    const step = (status: Step['status'], seconds: number, peak: number): Step => ({ status, exitCode: status === 'ok' ? 0 : 134, seconds, peakMemoryBytes: null, sampled: { processBytes: peak, totalBytes: peak }, loadAverage: 3.1 });
    const failure = 'astro build 失败（退出码 134）：停在生成静态页面（generating static routes），已生成 61,240 个静态路由（最后一个 /cases/bench-058113/index.html）；峰值内存 8.40 GB；V8 堆内存耗尽（FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory）。日志 /tmp/x/single/build.log';
    const r: FederatedResults = {
      date: '2026-11-29T20:00:00.000Z',
      machine: { cpus: 2, totalMemoryBytes: 25_280_000_000, loadAverageAtStart: 2, loadAverageAtEnd: 3 },
      sites: 10,
      casesPerSite: 10_000,
      singleOnly: true,
      members: [],
      single: { name: '单一站点', cases: 100_000, build: step('failed', 1_840, 8_400_000_000), failure },
      queries: [],
    };
    const md = singleOnlyMarkdown(r);
    expect(md).toContain('一个站点包含全部 100,000 个案例');
    expect(md).toContain('astro build 1840 秒（失败，退出码 134），峰值内存 8.40 GB');
    expect(md).toContain('搜索索引没有运行');
    expect(md).toContain(`**没有建成**：${failure}`);
    expect(outputFiles('single-100000').md).toMatch(/federated-single-100000\.md$/);
  });

  it('puts the portal’s and the single index’s judgements side by side in the report, with their means', () => {
    const step: Step = { status: 'ok', exitCode: 0, seconds: 80, peakMemoryBytes: 1_200_000_000, sampled: { processBytes: 0, totalBytes: 0 }, loadAverage: 8 };
    const site = (name: string, cases: number) => ({ name, cases, build: step, index: step });
    const query = (q: string, portal: [boolean, boolean, number], single: [boolean, boolean, number], overlap: number) => ({
      query: q,
      portalBytes: 400_000,
      portalRequests: 40,
      portalMs: 2_000,
      portalTop: 10,
      portalStatus: '找到 120 个结果',
      single: { bytes: 250_000, ms: 1_800, overlapAt10: overlap, top: 10 },
      quality: { relevant: 300, portal: { success1: portal[0], success5: portal[1], precision10: portal[2] }, single: { success1: single[0], success5: single[1], precision10: single[2] } },
    });
    const md = markdown({
      date: '2026-11-29T18:20:00.000Z',
      machine: { cpus: 2, totalMemoryBytes: 25_280_000_000, loadAverageAtStart: 7, loadAverageAtEnd: 9 },
      sites: 5,
      casesPerSite: 1_000,
      members: [site('门户（成员站点1）', 1_000), site('成员站点2', 1_000)],
      singleLimit: SINGLE_LIMIT,
      single: site('单一站点（对照）', 5_000),
      queries: [query('受贿', [true, true, 0.9], [true, true, 1], 0.5), query('工程款', [false, true, 0.4], [true, true, 0.8], 0.2)],
    });
    expect(md).toContain('## 结果质量：门户与单一索引');
    expect(md).toContain('| 受贿 | 300 | 是 | 是 | 0.90 | 是 | 是 | 1.00 | 50% |');
    expect(md).toContain('| 工程款 | 300 | 否 | 是 | 0.40 | 是 | 是 | 0.80 | 20% |');
    expect(md).toContain('| **平均（2 个查询）** | | 50% | 100% | 0.65 | 100% | 100% | 0.90 | 35% |');
  });

  it('reads which members the portal’s status line said were unavailable', () => {
    expect(unavailable('找到 158 个结果。成员站点3、成员站点2、成员站点5的站点暂时无法访问，本次结果不含其内容（稍后刷新页面再试）。')).toEqual(['成员站点3', '成员站点2', '成员站点5']);
    expect(unavailable('找到 445 个结果')).toEqual([]);
  });
});
