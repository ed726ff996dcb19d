/** The benchmark's Lighthouse verdict: what a maintainer reads when a page falls under budget. */
import { describe, expect, it } from 'vitest';
import { lighthouseMarkdown, lighthouseProblems, type LighthouseResults, type LighthouseScore } from '../../src/bench/lighthouse.ts';

const page = (path: string, preset: 'desktop' | 'mobile', performance: number, accessibility: number, lost: string[] = []): LighthouseScore => ({
  page: path === '/' ? '首页' : '搜索“受贿”',
  path,
  preset,
  scores: { performance, accessibility, 'best-practices': 100, seo: 100 },
  performanceRuns: [performance - 1, performance, performance + 1],
  metrics: { cls: 0, lcpMs: 600, fcpMs: 500, tbtMs: 0 },
  lost,
});

const results = (pages: LighthouseScore[]): LighthouseResults => ({ date: '2026-11-29T12:00:00.000Z', lighthouse: '12.2.3', chromium: '150', runs: 3, site: 'content/', load: { start: 1, end: 1 }, seconds: 60, pages });

describe('Lighthouse budget', () => {
  it('passes when every page scores performance 98 or more and accessibility 100', () => {
    const ok = results([page('/', 'desktop', 100, 100), page('/', 'mobile', 98, 100)]);
    expect(lighthouseProblems(ok)).toEqual([]);
    expect(lighthouseMarkdown(ok).join('\n')).toContain('**全部通过。**');
  });

  it('names the page, the preset, the score and what lost points', () => {
    const search = '/search/?q=%E5%8F%97%E8%B4%BF';
    const bad = results([page('/', 'desktop', 100, 100), page(search, 'desktop', 79, 100, ['cumulative-layout-shift（0）']), page(search, 'mobile', 99, 98, ['heading-order（0）'])]);
    expect(lighthouseProblems(bad)).toEqual([`${search}（桌面）性能 79，要求 ≥ 98；扣分项：cumulative-layout-shift（0）`, `${search}（手机）无障碍 98，要求 ≥ 100；扣分项：heading-order（0）`]);
    const md = lighthouseMarkdown(bad).join('\n');
    expect(md).toContain('**未通过**');
    expect(md).toContain('| 搜索“受贿”：`/search/?q=受贿` | 79 / 100 / 100 / 100 | 99 / 98 / 100 / 100 |');
  });

  it('fails a benchmark that has no Lighthouse figures at all', () => {
    expect(lighthouseProblems(undefined)).toEqual(['没有 Lighthouse 测量结果']);
  });
});
