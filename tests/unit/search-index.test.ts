import { describe, expect, it } from 'vitest';
import { articleRecords, indexedText, missingSynonyms, pageForIndex, shardCount, shardOf } from '../../src/lib/search-index.ts';
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
