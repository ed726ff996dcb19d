/**
 * The narrative index from a cadre's side: cases written by the index step's writer and searched by
 * the browser's reader, through files as a server would send them. A case is found when its
 * narrative holds every word as written; never when it holds only a word's pairs apart.
 */
import { describe, expect, it } from 'vitest';
import { openNarrativeIndex } from '../../src/components/search/narrative-index.ts';
import { pairTokens, wordTokens } from '../../src/lib/bigrams.ts';
import { NarrativeIndexWriter, type NarrativeDoc } from '../../src/lib/narrative-writer.ts';

const CASES: NarrativeDoc[] = [
  {
    url: '/cases/deposit-book/',
    title: '某村出纳挪用低保金案',
    kind: '案例',
    text: '某村出纳挪用低保金案. 基本案情. 2023年3月，出纳王某以代为保管为由收走12户低保户的存折，先后取现8.6万元用于赌博。. 处理结果. 王某被开除党籍，并处罚金三万元。',
    filters: { kind: ['案例'], sector: ['民生资金'], year: ['2023'] },
    year: 2023,
  },
  {
    url: '/cases/plot-ratio/',
    title: '某规划局违规调整容积率案',
    kind: '案例',
    text: '某规划局违规调整容积率案. 基本案情. 该地块容积率由2.0调整为3.5，开发商在KTV宴请规划科科长。. 处理结果. 判处有期徒刑三年，并处罚金二十万元。容积率调整被撤销。',
    filters: { kind: ['案例'], sector: ['工程建设'], year: ['2021'] },
    year: 2021,
  },
  {
    url: '/cases/apart/',
    title: '某局违规审批案',
    kind: '案例',
    // 容积 and 积率 both told, never side by side; 罚 and 金 apart too.
    text: '某局违规审批案. 基本案情. 规划局核定的建筑容积指标偏低，后经张某授意，积率先完成的手续被倒签。罚款由奖金抵扣。2023年底案发。',
    filters: { kind: ['案例'], sector: ['工程建设'], year: ['2024'] },
    year: 2024,
  },
];

/** The index written to memory, and a reader fetching from it as from a static server. */
function indexOf(cases: readonly NarrativeDoc[]) {
  const files = new Map<string, Uint8Array | string>();
  const writer = new NarrativeIndexWriter((path, data) => files.set(path, data));
  for (const c of cases) writer.add(c);
  writer.finish();
  const fetched: string[] = [];
  const search = openNarrativeIndex('http://site.example/narrative/', async (url) => {
    const path = url.replace('http://site.example/narrative/', '');
    fetched.push(path);
    const body = files.get(path);
    return body === undefined ? new Response('not found', { status: 404 }) : new Response(typeof body === 'string' ? body : new Blob([new Uint8Array(body)]));
  });
  return { search, files, fetched };
}

const { search } = indexOf(CASES);

async function found(q: string, o?: Parameters<typeof search.search>[1]) {
  const r = await search.search(q, o);
  return Promise.all(r.results.map(async (h) => (await h.data()).url));
}

describe('what a cadre types finds the narratives that tell it', () => {
  it('finds a two-character detail (存折) only in the case that tells it', async () => {
    expect(await found('存折')).toEqual(['/cases/deposit-book/']);
  });

  it('finds a three-character word (容积率) as written, not in a narrative holding 容积 … 积率 apart', async () => {
    expect(await found('容积率')).toEqual(['/cases/plot-ratio/']);
  });

  it('finds a word inside a longer one: 罚金 in 并处罚金, in both cases that say it', async () => {
    expect(new Set(await found('罚金'))).toEqual(new Set(['/cases/deposit-book/', '/cases/plot-ratio/']));
    expect(await found('并处罚金三万元')).toEqual(['/cases/deposit-book/']);
  });

  it('finds a year typed with its 年 (2023年), also where 年 begins a longer run (2023年底)', async () => {
    expect(new Set(await found('2023年'))).toEqual(new Set(['/cases/deposit-book/', '/cases/apart/']));
    expect(await found('2023年3月')).toEqual(['/cases/deposit-book/']);
    expect(await found('ktv')).toEqual(['/cases/plot-ratio/']);
    expect(await found('在KTV')).toEqual(['/cases/plot-ratio/']);
    expect(await found('ＫＴＶ宴请')).toEqual(['/cases/plot-ratio/']);
  });

  it('needs every word of the query: 赌博 存折 finds one case, 赌博 容积率 none', async () => {
    expect(await found('赌博 存折')).toEqual(['/cases/deposit-book/']);
    expect(await found('赌博 容积率')).toEqual([]);
  });

  it('finds nothing for a word no case tells, nor for punctuation alone', async () => {
    expect(await found('恐龙化石')).toEqual([]);
    expect(await found('——，。')).toEqual([]);
  });

  it('ranks the case that tells a detail again and again above a passing mention', async () => {
    // Long enough that its length byte is past 127: stored as a byte, read as one.
    const filler = '会议研究了年度工作安排。'.repeat(200);
    const ranked = indexOf([
      { url: '/cases/once/', title: '甲案', text: `甲案. ${filler}其间曾去赌博一次。${filler}`, filters: {}, year: 2020 },
      { url: '/cases/often/', title: '乙案', text: '乙案. 李某沉迷赌博，挪用公款赌博，赌博输掉八十万元。', filters: {}, year: 2020 },
    ]);
    const r = await ranked.search.search('赌博');
    expect(await Promise.all(r.results.map(async (h) => (await h.data()).url))).toEqual(['/cases/often/', '/cases/once/']);
    expect(r.results[0]?.score).toBeGreaterThan(r.results[1]?.score ?? Infinity);
  });

  it('applies the search page filters and sorts by year', async () => {
    expect(await found('罚金', { filters: { sector: { any: ['工程建设'] } } })).toEqual(['/cases/plot-ratio/']);
    expect(await found('罚金', { filters: { kind: { any: ['制度'] } } })).toEqual([]);
    expect(await found('2023年', { filters: { year: { any: ['2023', '2024'] }, sector: '工程建设' } })).toEqual(['/cases/apart/']);
    expect(await found('2023年', { sort: { year: 'desc' } })).toEqual(['/cases/apart/', '/cases/deposit-book/']);
  });

  it("gives each result what the result list shows: url, title, kind, the text and an excerpt with the word marked", async () => {
    const [hit] = (await search.search('存折')).results;
    const d = await hit?.data();
    expect(d?.meta).toEqual({ title: '某村出纳挪用低保金案', kind: '案例' });
    expect(d?.content).toContain('收走12户低保户的存折');
    expect(d?.excerpt).toContain('<mark>存折</mark>');
  });

  it('downloads the manifest, the bucket of each pair asked and the case shown, nothing else', async () => {
    const fresh = indexOf(CASES);
    const [hit] = (await fresh.search.search('存折')).results;
    await hit?.data();
    expect(fresh.fetched.map((f) => f.replace(/\d+/, 'n'))).toEqual(['index.json', 'p/n.bin', 'd/n.json']);
    // Asked again, nothing is downloaded twice.
    await fresh.search.search('存折');
    expect(fresh.fetched).toHaveLength(3);
  });
});

describe('a broken index is an error, not an empty answer', () => {
  it('rejects when a bucket is cut short, so the search page can say the narratives were not searched', async () => {
    const { search: broken, files } = indexOf(CASES);
    for (const [path, data] of files) if (path.startsWith('p/') && typeof data !== 'string') files.set(path, data.subarray(0, 10));
    await expect(broken.search('存折')).rejects.toThrow();
  });
});

describe('words at positions', () => {
  it('gives 2023年 and 在KTV the marks a text holds where a Han run meets a number or a Latin word', () => {
    const words: [string, number][] = [];
    pairTokens('人在KTV，2023年底', (w, at) => words.push([w, at]));
    expect(words).toEqual([
      ['人在', 0],
      ['<在', 0],
      ['ktv', 1],
      ['2023', 2],
      ['年>', 3],
      ['年底', 3],
    ]);
    expect(wordTokens('2023年')).toEqual(['2023', '年>']);
    expect(wordTokens('在KTV')).toEqual(['<在', 'ktv']);
    expect(wordTokens('容积率')).toEqual(['容积', '积率']);
  });
});
