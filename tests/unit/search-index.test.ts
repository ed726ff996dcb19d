import { describe, expect, it } from 'vitest';
import { articleRecords, indexedText, missingSynonyms, narrativeRecord, pageForIndex, shardCount, shardOf, type SynonymGroup } from '../../src/lib/search-index.ts';
import type { DocumentData } from '../../src/schemas/document.ts';

const groups = [{ terms: ['受贿', '收受贿赂'] }, { terms: ['八项规定', '中央八项规定精神'] }, { terms: ['村干部', '村官'] }];

describe('synonyms for the indexer', () => {
  it('adds the forms a page lacks, only for groups it touches', () => {
    expect(missingSynonyms('张某受贿86万元', groups)).toEqual(['收受贿赂']);
    // 收受贿赂 already contains 受贿: nothing to add.
    expect(missingSynonyms('张某收受贿赂86万元', groups)).toEqual([]);
    expect(missingSynonyms('违反中央八项规定精神', groups)).toEqual([]);
    expect(missingSynonyms('一名村官', groups)).toEqual(['村干部']);
    expect(missingSynonyms('与此无关', groups)).toEqual([]);
  });

  it('puts them inside the indexed region of a content page, which is all the indexer is given', () => {
    const page = '<html><head><title>张某案 · 廉鉴</title><meta name="x"></head><body><header>受贿</header><main id="main" data-pagefind-body><p>村干部张某</p></main><footer>页脚</footer></body></html>';
    expect(pageForIndex(page, groups)).toBe('<!doctype html><html lang="zh-CN"><head><title>张某案 · 廉鉴</title></head><body><main id="main" data-pagefind-body><p>村干部张某</p><span data-pagefind-sort="year:0"></span><p data-pagefind-weight="0.5">〔同义〕村官</p></main></body></html>');
    // The header's 受贿 is not the page's: no 收受贿赂 is added for it.
    expect(pageForIndex('<main data-pagefind-body><p>受贿</p></main>', groups)).toBe('<!doctype html><html lang="zh-CN"><head></head><body><main data-pagefind-body><p>受贿</p><span data-pagefind-sort="year:0"></span><p data-pagefind-weight="0.5">〔同义〕收受贿赂</p></main></body></html>');
    expect(pageForIndex('<html><body><main id="main"><p>受贿</p></main></body></html>', groups)).toBeUndefined();
  });

  it('reads only the text the indexer keeps: ignored elements, nested ones included, add no synonyms', () => {
    const html = '<main data-pagefind-body><p>村干部</p><div class="prose" data-pagefind-ignore><div><p>受贿</p></div><img data-pagefind-ignore alt=""><p>八项规定</p></div><p>尾</p></main>';
    expect(indexedText(html).replace(/\s+/g, ' ').trim()).toBe('村干部 尾');
    expect(pageForIndex(html, groups)).toContain('<p data-pagefind-weight="0.5">〔同义〕村官</p></main>');
    // A void element marked ignored ends where its tag ends.
    expect(indexedText('<p>甲<img data-pagefind-ignore alt="">乙</p>').replace(/\s+/g, '')).toBe('甲乙');
  });
});

describe("a case's narrative record (the second bundle)", () => {
  const page = [
    '<html><head><title>孙某案 · 廉鉴</title></head><body><main id="main" data-pagefind-body data-pagefind-meta="kind:案例" data-pagefind-filter="kind:案例">',
    '<h1 data-pagefind-weight="10">孙某套购购物卡案</h1><p class="lead" data-pagefind-meta="summary">以办公用品名义套购购物卡。</p>',
    '<dl><dd data-pagefind-filter="sector" data-pagefind-weight="2">财政资金</dd><dd><a href="/risk/x/" data-pagefind-filter="risk">虚假报销</a></dd>',
    '<dd><span data-pagefind-filter="year" data-pagefind-sort="year">2025</span>年办结</dd></dl>',
    '<div class="prose case__body" data-pagefind-ignore data-search-narrative><h2 id="facts">违纪违法事实</h2><div><p>按打印纸、硒鼓等品名开具发票。</p></div></div>',
    '<section class="chain"><p>党纪处分：严重警告</p></section>',
    '<section aria-labelledby="four-title" data-pagefind-ignore="" data-search-narrative=""><h2 id="four-title" data-pagefind-ignore>以案四说</h2><dl class="lessons"><dt>说德</dt><dd>人情往来看得比规矩重。</dd></dl></section>',
    '<section aria-labelledby="related-title" data-pagefind-ignore><h2>相关案例</h2><p>另一个案例</p></section>',
    '</main></body></html>',
  ].join('');

  it('holds the narrative sections and the title, but nothing else of the page', () => {
    const text = narrativeRecord(page)?.text ?? '';
    for (const told of ['孙某套购购物卡案', '违纪违法事实', '硒鼓', '以案四说', '人情往来看得比规矩重']) expect(text, told).toContain(told);
    // The summary, facets and chain are the main record's; related cases belong to neither.
    for (const other of ['以办公用品名义', '严重警告', '另一个案例', '财政资金']) expect(text, other).not.toContain(other);
  });

  it('carries the case kind, facets and year, so filters and sorting treat it as the case', () => {
    const record = narrativeRecord(page);
    expect(record?.kind).toBe('案例');
    expect(record?.filters).toEqual({ kind: ['案例'], sector: ['财政资金'], risk: ['虚假报销'], year: ['2025'] });
    expect(record?.year).toBe(2025);
  });

  it('is not made for a page without a narrative', () => {
    expect(narrativeRecord('<main data-pagefind-body><h1>某制度</h1><p>正文</p></main>')).toBeUndefined();
    expect(narrativeRecord('<main><div data-search-narrative>案情</div></main>')).toBeUndefined();
  });
});

describe('article records', () => {
  const doc = { shortTitle: '监察法', title: '中华人民共和国监察法', effective: new Date('2018-03-20'), articles: [{ n: '28', text: '技术调查措施的摘要。', riskPoints: [] }, { n: '388-1', title: '【利用影响力受贿罪】', text: '摘要。', riskPoints: [] }] } as unknown as DocumentData;
  const [first, second] = articleRecords('supervision-law-2018', doc, '已修订');

  it('carry both numeral forms and land on the article anchor', () => {
    expect(first?.url).toBe('/documents/supervision-law-2018/#article-28');
    expect(first?.content).toContain('监察法第二十八条');
    expect(first?.content).toContain('第28条');
    // The title is its own meta: Pagefind reads 「kind:条款, title:…」 in one attribute as one kind value.
    expect(first?.content).toContain('<h1 data-pagefind-meta="title:《监察法》第二十八条" data-pagefind-sort="year:2018">第二十八条</h1>');
    expect(first?.content).toContain('<p data-pagefind-weight="0.3" data-pagefind-meta="summary">技术调查措施的摘要。</p>');
    expect(first?.content).toContain('data-pagefind-meta="kind:条款"');
    expect(second?.content).toContain('第三百八十八条之一');
    expect(second?.content).toContain('第388条之1');
  });
});

describe('shards', () => {
  it('assign each page a stable shard and spread pages evenly', () => {
    expect(shardOf('cases/a/index.html', 4)).toBe(shardOf('cases/a/index.html', 4));
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) counts[shardOf(`cases/bench-${i}/index.html`, 4)]! += 1;
    for (const c of counts) expect(c).toBeGreaterThan(850);
    expect(shardCount(10_000, 2500)).toBe(4);
    expect(shardCount(40, 2500)).toBe(1);
  });
});

describe('synonyms of what a title and summary say, for ranking', () => {
  it('stores the other forms of the title’s and summary’s words as metadata, not as indexed text', () => {
    const groups: SynonymGroup[] = [{ terms: ['补贴', '补助'] }, { terms: ['村干部', '村官'] }];
    const html = '<main data-pagefind-body><h1>村干部截留补贴</h1><p data-pagefind-meta="summary">某村干部代管存折。</p><p>补助 村官</p></main>';
    const out = pageForIndex(html, groups) ?? '';
    expect(out).toContain('<span data-pagefind-meta="titleAliases:补助|村官"></span>');
    expect(out).toContain('<span data-pagefind-meta="summaryAliases:村官"></span>');
    // The body already holds both forms: nothing is added to the indexed text.
    expect(out).not.toContain('〔同义〕');
  });
});
