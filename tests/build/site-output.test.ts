/** The real site, built once by global setup: every published entry has its page, and only those. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/load-content.ts';
import { isPublished, type Publishable } from '../../src/lib/publish.ts';
import { urls } from '../../src/lib/urls.ts';
import { DIST, distFile, htmlPages, pageExists, visibleText } from '../helpers/dist.ts';
import { covers, cspHeader, pagePolicy } from '../../src/lib/deploy.ts';

const { entries, problems } = loadContent('content');
const pageOf = { cases: urls.case, courses: urls.course, culture: urls.cultureItem, documents: urls.document } as const;
const kinds = Object.keys(pageOf) as (keyof typeof pageOf)[];

describe('the sample content', () => {
  it('passes the content check', () => expect(problems).toEqual([]));

  it.each(kinds)('has at least three published %s', (kind) => {
    expect(entries.filter((e) => e.collection === kind && isPublished(e.data as unknown as Publishable, 'public')).length).toBeGreaterThanOrEqual(3);
  });
});

describe('pages of the built site', () => {
  it.each(kinds)('every published entry of %s has its page, and no other entry does', (kind) => {
    for (const e of entries.filter((x) => x.collection === kind)) {
      expect(pageExists(pageOf[kind](e.id)), `${e.file} → ${pageOf[kind](e.id)}`).toBe(isPublished(e.data as unknown as Publishable, 'public'));
    }
  });

  it('every risk point and every audience track has its page', () => {
    for (const e of entries.filter((x) => x.collection === 'riskPoints')) expect(pageExists(urls.riskPoint(e.id)), e.id).toBe(true);
    for (const e of entries.filter((x) => x.collection === 'audiences')) expect(pageExists(urls.track(e.id)), e.id).toBe(true);
  });

  it('every page is Chinese, has a title and a description, and a skip link to its main content', () => {
    for (const file of htmlPages()) {
      const html = distFile(file);
      expect(html, file).toContain('<html lang="zh-CN"');
      expect(html, file).toMatch(/<title>[^<]+<\/title>/);
      expect(html, file).toMatch(/<meta name="description" content="[^"]+"/);
      expect(html, file).toContain('href="#main"');
    }
  });

  it('no reader sees Markdown bold markers: 「**改进调查研究。**到基层」 printed its asterisks', () => {
    // CommonMark does not close ** after a full-width 。 when a character follows at once.
    const shown = htmlPages().flatMap((file) => {
      const at = visibleText(distFile(file)).indexOf('**');
      return at < 0 ? [] : [`${file}: ${visibleText(distFile(file)).slice(Math.max(0, at - 10), at + 20)}`];
    });
    expect(shown).toEqual([]);
  });

  /** Pages where a person interacts: each loads its own script, and only these do. */
  const isInteractive = (f: string) =>
    ['search/index.html', 'cases/index.html', 'documents/index.html', 'builder/index.html', 'study/index.html', 'text-size/index.html'].includes(f) || /^(self-check|courses|culture)\/[^/]+\/index\.html$/.test(f);
  const interactive = htmlPages().filter(isInteractive);

  it('reading pages ship no JavaScript', () => {
    const reading = htmlPages().filter((f) => !isInteractive(f));
    expect(reading.length).toBeGreaterThan(100);
    for (const file of reading) expect(distFile(file), file).not.toMatch(/<script/);
  });

  it('interactive pages load their own script', () => {
    for (const file of interactive) expect(distFile(file), file).toMatch(/<script type="module"/);
  });
});

describe('search records', () => {
  /** The text Pagefind keeps for a page (its result fragment), with its word-break marks removed. */
  const record = (url: string) => {
    for (const f of readdirSync(`${DIST}/pagefind/fragment`)) {
      const text = gunzipSync(readFileSync(`${DIST}/pagefind/fragment/${f}`)).toString('utf8');
      if (text.includes(`"url":"${url}"`)) return (JSON.parse(text.slice('pagefind_dcd'.length)) as { content: string }).content.replace(/\u200b/g, '');
    }
    throw new Error(`索引中没有 ${url}`);
  };

  it("a case's main record holds what a searcher asks for, its narrative kept for the narrative index, not the labels every case repeats", () => {
    const text = record('/cases/canteen-inquiry-rigging/');
    expect(text).toContain('连续三轮食材询价中用伪造的“陪标”报价单'); // summary
    expect(text).toContain('机关食堂'); // keyword
    expect(text).toContain('越是金额小、频次高的采购'); // tier lesson
    expect(text).not.toContain('该局机关食堂每天供应约300人就餐'); // narrative
    for (const label of ['重点领域', '涉案人员', '对领导干部', '党纪处分', '以官方文本为准', '讨论题']) expect(text, label).not.toContain(label);
    // Synonyms come only from words the record holds: 账外账 appears in no part of it.
    expect(text).not.toContain('账外账');
  });

  /** The narrative index's cases (narrative/d/*.json), by URL: what a narrative result shows. */
  const narratives = () => new Map(readdirSync(`${DIST}/narrative/d`).map((f) => JSON.parse(readFileSync(`${DIST}/narrative/d/${f}`, 'utf8')) as { url: string; title: string; content: string }).map((d) => [d.url, d]));

  it("every case's whole narrative is searchable in the narrative index, with its title and nothing the main record holds", () => {
    const cases = narratives();
    const text = cases.get('/cases/canteen-inquiry-rigging/')?.content ?? '';
    expect(text).toContain('该局机关食堂每天供应约300人就餐'); // 基本案情
    for (const heading of ['基本案情', '违纪违法事实', '处理结果', '警示启示', '整改措施', '以案四说', '讨论题']) expect(text, heading).toContain(heading);
    expect(text).not.toContain('连续三轮食材询价中用伪造的“陪标”报价单'); // summary: the main record's
    expect(text).not.toContain('越是金额小、频次高的采购'); // tier lesson: the main record's
    expect(text).not.toContain('相关案例');
    // No case is left out: each case page's narrative has its record.
    for (const d of readdirSync(`${DIST}/cases`, { withFileTypes: true })) {
      const file = `${DIST}/cases/${d.name}/index.html`;
      if (d.isDirectory() && existsSync(file) && readFileSync(file, 'utf8').includes('data-search-narrative')) expect(cases.has(`/cases/${d.name}/`), d.name).toBe(true);
    }
  });
});

describe('Content Security Policy', () => {
  it('every page carries a strict policy, and the one server header covers them all', () => {
    const pages = htmlPages().map((f) => distFile(f));
    const header = cspHeader(pages);
    expect(header).toContain("default-src 'self'");
    expect(header).toContain("'wasm-unsafe-eval'");
    expect(header).toContain("worker-src 'self' blob:");
    expect(header).toContain("frame-ancestors 'none'");
    expect(header).not.toContain('unsafe-inline');
    for (const html of pages) expect(covers(header, pagePolicy(html))).toBe(true);
    // A policy from some other site would not be covered.
    expect(covers(header, new Map([['script-src', new Set(["'unsafe-inline'"])]]))).toBe(false);
  });

  it('no page has a style attribute or an inline event handler', () => {
    for (const f of htmlPages()) {
      const html = distFile(f);
      expect(html, f).not.toMatch(/\sstyle="/);
      expect(html, f).not.toMatch(/\son[a-z]+="/);
    }
  });
});

describe('the search index', () => {
  const entry = JSON.parse(readFileSync(`${DIST}/pagefind/pagefind-entry.json`, 'utf8')) as { languages: Record<string, { page_count: number }> };

  it('is one Chinese index holding every content page, every article, and no chrome-only page', () => {
    expect(Object.keys(entry.languages)).toEqual(['zh-cn']);
    const indexed = htmlPages().filter((f) => distFile(f).includes('data-pagefind-body'));
    const articles = entries
      .filter((e) => e.collection === 'documents' && isPublished(e.data as unknown as Publishable, 'public'))
      .reduce((n, e) => n + (e.data as { articles: unknown[] }).articles.length, 0);
    expect(entry.languages['zh-cn']?.page_count).toBe(indexed.length + articles);
    expect(distFile('search/index.html')).not.toContain('data-pagefind-body');
    expect(distFile('404.html')).not.toContain('data-pagefind-body');
  });

  it('ships the Pagefind runtime', () => {
    expect(existsSync(`${DIST}/pagefind/pagefind.js`)).toBe(true);
  });
});
