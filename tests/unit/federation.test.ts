/**
 * Member sites (issue 20) without a browser: what an editor writes in sites.yaml and what the check
 * says about it, the CSP and CORS a site sends, and the search over several sources when one of
 * them fails, hangs or is filtered out by the reader.
 */
import { rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FederatedSearch, memberFilters, mergeByScore, readNetwork as readClientNetwork, unavailableNote } from '../../src/components/search/federation.ts';
import type { NarrativeSearch, Pagefind, PagefindResponse, PagefindResultData } from '../../src/components/search/pagefind.ts';
import { collapseShared, sharedKey } from '../../src/components/search/shared-pages.ts';
import { corsHeaders, corsOrigins, memberOrigins, networkDirectives } from '../../src/lib/federation.ts';
import { loadContent } from '../../src/lib/load-content.ts';
import { copyFixture } from '../helpers/fixture.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function fixtureWith(sites: string, exports: Record<string, string> = {}): string {
  const dir = copyFixture();
  dirs.push(dir);
  writeFileSync(join(dir, 'network/sites.yaml'), sites);
  mkdirSync(join(dir, 'network/exports'), { recursive: true });
  for (const [id, text] of Object.entries(exports)) writeFileSync(join(dir, `network/exports/${id}.json`), text);
  return dir;
}

const member = (extra = '') => `self: { id: county, name: 某县纪委监委, level: 县 }\nmembers:\n  - id: province\n    name: 某省纪委监委\n    level: 省\n    url: https://lianjian.province.example.cn/\n${extra}`;

describe('sites.yaml as an editor writes it', () => {
  it('names a member without its data copy, and tells how to get it', () => {
    const dir = fixtureWith(member());
    const problems = loadContent(dir, dir).problems;
    expect(problems.map((p) => `${p.file}：${p.message}`)).toEqual(['network/exports/province.json：缺少成员站点“某省纪委监委”的数据副本']);
  });

  it('refuses an address with a path, an unknown level and a data copy that is not an export', () => {
    const dir = fixtureWith(`self: { id: county, name: 某县纪委监委, level: 乡 }\nmembers:\n  - id: province\n    name: 某省纪委监委\n    level: 省\n    url: https://lianjian.province.example.cn/search/\n`);
    expect(loadContent(dir, dir).problems.map((p) => `${p.field}：${p.message}`)).toEqual([
      'self.level：取值不在允许范围内：应为 省 / 市 / 县 / 企业 之一',
      'members[0].url：站点地址应写成 http(s)://主机名/ 的形式，以斜杠结尾，不带路径，例如 https://lianjian.city.example.cn/',
    ]);
    const broken = fixtureWith(member(), { province: '<html>404</html>' });
    expect(loadContent(broken, broken).problems.map((p) => p.message)).toEqual(['成员站点“某省纪委监委”的数据副本不是有效的 JSON']);
  });

  it('a file in network/exports that is not JSON is reported, not read', () => {
    const dir = fixtureWith(member());
    writeFileSync(join(dir, 'network/exports/notes.txt'), '说明');
    expect(loadContent(dir, dir).problems.map((p) => `${p.file}：${p.message}`)).toContain('network/exports：不认识的文件夹：其中的文件不会被读取');
  });
});

describe("a child checked against its parent's export", () => {
  const parent = (sectors: string, documents: string) =>
    `{"schemaVersion":1,"site":{"id":"province","name":"某省纪委监委","level":"省"},"counts":{"cases":1,"courses":1,"documents":1},` +
    `"taxonomies":{"sectors":[${sectors}],"riskPoints":[{"id":"tailored-bid-terms","name":"量身定制","sector":"engineering"}],"violationTypes":[]},"documents":[${documents}]}`;

  it('names a sector the parent lacks and a party rule it does not publish, field by field', () => {
    const dir = fixtureWith(member('    parent: true\n'), { province: parent('', '{"id":"criminal-law","title":"刑法","layer":"law","articles":["385"]}') });
    const problems = loadContent(dir, dir).problems.filter((p) => p.file === 'cases/public-case.md');
    expect(problems.map((p) => `${p.field}：${p.message}`)).toEqual([
      'sector：上级站点“某省纪委监委”没有重点领域“engineering”',
      'disposition.party.basis[0]：上级站点“某省纪委监委”没有发布制度文件“rules-2018”',
    ]);
  });

  it("accepts a case that cites only what the parent publishes, and a unit's own rules", () => {
    const docs = ['{"id":"criminal-law","title":"刑法","layer":"law","articles":["385"]}', '{"id":"rules-2018","title":"条例","layer":"party","articles":["8"]}'].join(',');
    const dir = fixtureWith(member('    parent: true\n'), { province: parent('{"id":"engineering","name":"工程建设"}', docs) });
    expect(loadContent(dir, dir).problems.filter((p) => p.file === 'cases/public-case.md')).toEqual([]);
  });

  it('refuses an export of another format version instead of misreading it', () => {
    const dir = fixtureWith(member('    parent: true\n'), { province: '{"schemaVersion":2}' });
    expect(loadContent(dir, dir).problems.map((p) => p.message)).toEqual(['成员站点“某省纪委监委”的数据副本数据格式版本为 2，本站只认识版本 1：双方的廉鉴版本不同，请先升级']);
  });
});

describe('what a site sends', () => {
  const config = { self: { id: 'p', name: '某省', level: '省' as const }, timeoutSeconds: 4, members: [{ id: 'a', name: '某市', level: '市' as const, url: 'https://a.example.cn/', parent: false }, { id: 'b', name: '某县', level: '县' as const, url: 'https://a.example.cn/', parent: false }] };

  it("connect-src admits each listed origin once, and script-src stays the site's own", () => {
    const directives = networkDirectives(["default-src 'self'", "connect-src 'self'", "script-src 'self'"], memberOrigins(config));
    expect(directives).toEqual(["default-src 'self'", "connect-src 'self' https://a.example.cn", "script-src 'self'"]);
    expect(networkDirectives(["connect-src 'self'"], memberOrigins(undefined))).toEqual(["connect-src 'self'"]);
  });

  it('shares the search bundles and the export with the listed origins only', () => {
    const allowed = corsOrigins({ LIANJIAN_CORS_ORIGINS: 'https://portal.example.cn, http://127.0.0.1:4400/' });
    expect(allowed).toEqual(['https://portal.example.cn', 'http://127.0.0.1:4400']);
    expect(corsHeaders('/pagefind/pagefind-entry.json', 'https://portal.example.cn', allowed)).toEqual({ 'access-control-allow-origin': 'https://portal.example.cn' });
    expect(corsHeaders('/narrative/p/12.bin', 'http://127.0.0.1:4400', allowed)).toEqual({ 'access-control-allow-origin': 'http://127.0.0.1:4400' });
    expect(corsHeaders('/network/export.json', 'https://evil.example', allowed)).toEqual({});
    expect(corsHeaders('/cases/', 'https://portal.example.cn', allowed)).toEqual({});
    expect(() => corsOrigins({ LIANJIAN_CORS_ORIGINS: 'portal.example.cn' })).toThrow('LIANJIAN_CORS_ORIGINS 中的“portal.example.cn”不是站点地址');
  });
});

/** A Pagefind stand-in answering every query with the given pages and scores. */
function fakePagefind(pages: { url: string; title: string; score: number; kind?: string }[], behaviour: 'ok' | 'fail' | 'hang' = 'ok'): Pagefind & { asked: unknown[] } {
  const asked: unknown[] = [];
  const response = (): PagefindResponse => ({
    results: pages.map((p, i) => ({ id: String(i), score: p.score, data: async (): Promise<PagefindResultData> => ({ url: p.url, excerpt: p.title, meta: { title: p.title, ...(p.kind ? { kind: p.kind } : {}) } }) })),
    filters: { kind: { 案例: pages.length } },
    totalFilters: {},
  });
  return {
    asked,
    options: async () => undefined,
    mergeIndex: async () => undefined,
    filters: async () => ({}),
    debouncedSearch: async () => response(),
    search: (_q, o) => {
      asked.push(o?.filters);
      if (behaviour === 'fail') return Promise.reject(new Error('corrupt bundle'));
      if (behaviour === 'hang') return new Promise(() => undefined);
      return Promise.resolve(response());
    },
  };
}

describe('searching member sites with this one', () => {
  const network = { self: '某省', members: [{ name: '某市', url: 'https://city.example.cn/' }, { name: '某县', url: 'https://county.example.cn/', include: ['案例'] }] };
  const titles = async (r: PagefindResponse) => Promise.all(r.results.map(async (h) => { const d = await h.data(); return `${d.meta['source']}：${d.meta['title']} ${d.url}`; }));

  it("merges by score, labels each result with its source and points members' results at their sites", async () => {
    const members: Record<string, Pagefind> = {
      'https://city.example.cn/pagefind/': fakePagefind([{ url: '/cases/ferry/', title: '渡口案', score: 5 }]),
      'https://county.example.cn/pagefind/': fakePagefind([{ url: '/cases/well/', title: '机井案', score: 1 }]),
    };
    const fed = new FederatedSearch(fakePagefind([{ url: '/cases/bid/', title: '招标案', score: 3 }]), network, async (base) => members[base] as Pagefind, () => undefined);
    const r = await fed.search('招标');
    expect(await titles(r)).toEqual(['某市：渡口案 https://city.example.cn/cases/ferry/', '某省：招标案 /cases/bid/', '某县：机井案 https://county.example.cn/cases/well/']);
    expect(r.filters['source']).toEqual({ 某省: 1, 某市: 1, 某县: 1 });
    expect(fed.unavailable.size).toBe(0);
  });

  it('leaves out a member that fails or does not answer in time, names it, and keeps answering', async () => {
    const members: Record<string, Pagefind> = {
      'https://city.example.cn/pagefind/': fakePagefind([{ url: '/x/', title: '坏', score: 9 }], 'fail'),
      'https://county.example.cn/pagefind/': fakePagefind([{ url: '/y/', title: '慢', score: 9 }], 'hang'),
    };
    const fed = new FederatedSearch(fakePagefind([{ url: '/cases/bid/', title: '招标案', score: 3 }]), network, async (base) => members[base] as Pagefind, () => undefined, 50);
    const started = Date.now();
    expect(await titles(await fed.search('招标'))).toEqual(['某省：招标案 /cases/bid/']);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(unavailableNote([...fed.unavailable])).toBe('某市、某县的站点暂时无法访问，本次结果不含其内容（稍后刷新页面再试）。');
    // Once left out, a member is not waited for again on the same page.
    const again = Date.now();
    await fed.search('受贿');
    expect(Date.now() - again).toBeLessThan(40);
  });

  it("filters by the reader's sources, and asks a member only for the kinds it contributes", async () => {
    const county = fakePagefind([{ url: '/cases/well/', title: '机井案', score: 1 }]);
    const members: Record<string, Pagefind> = { 'https://city.example.cn/pagefind/': fakePagefind([{ url: '/cases/ferry/', title: '渡口案', score: 5 }]), 'https://county.example.cn/pagefind/': county };
    const fed = new FederatedSearch(fakePagefind([{ url: '/cases/bid/', title: '招标案', score: 3 }]), network, async (base) => members[base] as Pagefind, () => ['某县']);
    const r = await fed.search('案', { filters: { kind: { any: ['案例', '制度'] } } });
    expect(await titles(r)).toEqual(['某县：机井案 https://county.example.cn/cases/well/']);
    expect(r.filters['source']).toEqual({ 某省: 1, 某市: 1, 某县: 1 });
    expect(fed.allowsSelf()).toBe(false);
    expect(county.asked).toEqual([{ kind: { any: ['案例'] } }]);
    expect(memberFilters({ kind: { any: ['制度'] } }, ['案例'])).toBeUndefined();
  });

  it('ignores a malformed data-network rather than breaking the page', () => {
    expect(readClientNetwork('{"self":"某省","members":[{"name":"某市","url":"javascript:alert(1)"}]}')).toBeUndefined();
    expect(readClientNetwork('not json')).toBeUndefined();
    expect(readClientNetwork(undefined)).toBeUndefined();
    expect(mergeByScore([[{ score: 1 }], [{ score: 1 }, { score: 2 }]])).toEqual([{ score: 2 }, { score: 1 }, { score: 1 }]);
  });
});

describe('a rule every member republishes, listed once', () => {
  const network = { self: '某省', members: [{ name: '某市', url: 'https://city.example.cn/' }, { name: '某县', url: 'https://county.example.cn/' }] };
  const shown = async (r: PagefindResponse) => Promise.all(r.results.map(async (h) => { const d = await h.data(); return `${d.meta['source']}：${d.meta['title']}`; }));
  const rule = (score: number) => ({ url: '/documents/rules-2023/', title: '《中国共产党纪律处分条例》', score, kind: '制度' });
  const risk = (score: number) => ({ url: '/risks/tailored-bid-terms/', title: '量身定制招标条件：廉政风险点', score, kind: '风险点' });

  it('shows one 《…》 for 受贿, the reader\'s own copy, and moves the next result up', async () => {
    const members: Record<string, Pagefind> = {
      'https://city.example.cn/pagefind/': fakePagefind([rule(9), { url: '/cases/ferry/', title: '某市渡口码头受贿案', score: 4, kind: '案例' }]),
      'https://county.example.cn/pagefind/': fakePagefind([rule(8), risk(6), { url: '/cases/well/', title: '某县机井工程受贿案', score: 2, kind: '案例' }]),
    };
    const fed = new FederatedSearch(fakePagefind([rule(5), risk(5), { url: '/cases/bid/', title: '某县局长招标受贿案', score: 3, kind: '案例' }]), network, async (base) => members[base] as Pagefind, () => undefined);
    const r = await fed.search('受贿');
    expect(await shown(r)).toEqual(['某省：《中国共产党纪律处分条例》', '某省：量身定制招标条件：廉政风险点', '某市：某市渡口码头受贿案', '某省：某县局长招标受贿案', '某县：某县机井工程受贿案']);
    // The one listed links to this site's page, not a member's.
    expect((await r.results[0]?.data())?.url).toBe('/documents/rules-2023/');
  });

  it("without a copy of its own, the portal lists the best-scored member's, labelled with it", async () => {
    const members: Record<string, Pagefind> = {
      'https://city.example.cn/pagefind/': fakePagefind([rule(4)]),
      'https://county.example.cn/pagefind/': fakePagefind([rule(7)]),
    };
    const fed = new FederatedSearch(fakePagefind([{ url: '/cases/bid/', title: '某县局长招标受贿案', score: 5, kind: '案例' }]), network, async (base) => members[base] as Pagefind, () => undefined);
    const r = await fed.search('受贿');
    expect(await shown(r)).toEqual(['某县：《中国共产党纪律处分条例》', '某省：某县局长招标受贿案']);
    expect((await r.results[0]?.data())?.url).toBe('https://county.example.cn/documents/rules-2023/');
  });

  it('filtered by a member, still shows the shared rule that member serves', async () => {
    const members: Record<string, Pagefind> = { 'https://city.example.cn/pagefind/': fakePagefind([rule(4)]), 'https://county.example.cn/pagefind/': fakePagefind([rule(7)]) };
    const fed = new FederatedSearch(fakePagefind([rule(5)]), network, async (base) => members[base] as Pagefind, () => ['某市']);
    expect(await shown(await fed.search('受贿'))).toEqual(['某市：《中国共产党纪律处分条例》']);
  });

  it("never merges cases: a member's case at the same path as a local one is listed twice, each with its label", async () => {
    const same = { url: '/cases/public-case/', title: '某县局长招标量身定制受贿案', kind: '案例' };
    const members: Record<string, Pagefind> = { 'https://city.example.cn/pagefind/': fakePagefind([{ ...same, score: 4 }]), 'https://county.example.cn/pagefind/': fakePagefind([]) };
    const fed = new FederatedSearch(fakePagefind([{ ...same, score: 5 }]), network, async (base) => members[base] as Pagefind, () => undefined);
    expect(await shown(await fed.search('招标'))).toEqual(['某省：某县局长招标量身定制受贿案', '某市：某县局长招标量身定制受贿案']);
  });

  it("keeps two units' own rules that share an address but not a title, and knows a member's path under its own address", () => {
    const own = (title: string, url: string, base?: string) => sharedKey({ url, excerpt: '', meta: { title, kind: '制度' } }, base);
    expect(own('某县公务接待管理办法', '/documents/reception/')).not.toBe(own('某市公务接待管理办法', 'https://city.example.cn/documents/reception/', 'https://city.example.cn/'));
    expect(own('某市公务接待管理办法', '/documents/reception/')).toBe(own('某市公务接待管理办法', 'https://city.example.cn/documents/reception/', 'https://city.example.cn/'));
    expect(sharedKey({ url: '/modules/bid/', excerpt: '', meta: { title: '招标', kind: '模块' } })).toBeUndefined();
    // An article's own record (受贿: 《刑法》第三百八十六条 from every member) is one result; two articles are two.
    const article = (n: string, url: string, base?: string) => sharedKey({ url, excerpt: '', meta: { title: `《刑法》第三百八十${n}条`, kind: '条款' } }, base);
    expect(article('六', '/documents/criminal-law/#article-386')).toBeDefined();
    expect(article('六', '/documents/criminal-law/#article-386')).toBe(article('六', 'https://city.example.cn/documents/criminal-law/#article-386', 'https://city.example.cn/'));
    expect(article('六', '/documents/criminal-law/#article-386')).not.toBe(article('五', '/documents/criminal-law/#article-385'));
    const list = [
      { item: 'member', source: '某市', key: 'k' },
      { item: 'case', source: '某市', key: undefined },
      { item: 'own', source: '某省', key: 'k' },
    ];
    expect(collapseShared(list, '某省')).toEqual(['own', 'case']);
  });
});

/**
 * A narrative index stand-in holding `pages`; `behaviour` makes its search fail (a corrupt index) or hang.
 */
function fakeNarrative(pages: { url: string; title: string; score: number }[], behaviour: 'ok' | 'fail' | 'hang' = 'ok'): NarrativeSearch & { asked: unknown[] } {
  const asked: unknown[] = [];
  return {
    asked,
    search: (q, o) => {
      asked.push({ q, filters: o?.filters });
      if (behaviour === 'fail') return Promise.reject(new Error('corrupt narrative index'));
      if (behaviour === 'hang') return new Promise(() => undefined);
      return Promise.resolve({ results: pages.map((p, i) => ({ id: String(i), score: p.score, data: async (): Promise<PagefindResultData> => ({ url: p.url, excerpt: p.title, meta: { title: p.title } }) })), filters: {}, totalFilters: {} });
    },
  };
}

describe("searching members' 案情全文 with this site's", () => {
  const network = { self: '某省', members: [{ name: '某市', url: 'https://city.example.cn/' }, { name: '某县', url: 'https://county.example.cn/', include: ['模块'] }] };
  const titles = async (r: PagefindResponse) => Promise.all(r.results.map(async (h) => { const d = await h.data(); return `${d.meta['source']}：${d.meta['title']} ${d.url}`; }));
  const mainOnly = () => new FederatedSearch(fakePagefind([]), network, async () => fakePagefind([]), () => undefined, 50);

  it("finds a detail told only in a member case's narrative, labelled with the member, merged with this site's by score", async () => {
    const opened: string[] = [];
    const local = fakeNarrative([{ url: '/cases/bid/', title: '招标案', score: 2 }, { url: '/cases/well/', title: '机井案', score: 1 }]);
    const city = fakeNarrative([{ url: '/cases/passbook/', title: '存折案', score: 3 }, { url: '/cases/ferry/', title: '渡口案', score: 0.5 }]);
    const fed = mainOnly();
    let localLoads = 0;
    const narrative = fed.narrative(
      async () => (localLoads++, local),
      async (base) => (opened.push(base), city),
    );
    // Nothing is opened before the page asks for narratives: a common query downloads nothing more.
    expect([opened, localLoads]).toEqual([[], 0]);
    expect(await titles(await narrative.search('存折', { filters: { kind: { any: ['案例'] } } }))).toEqual(['某市：存折案 https://city.example.cn/cases/passbook/', '某省：招标案 /cases/bid/', '某省：机井案 /cases/well/', '某市：渡口案 https://city.example.cn/cases/ferry/']);
    // The county contributes modules only: its narrative index (cases only) is not opened.
    expect(opened).toEqual(['https://city.example.cn/pagefind/']);
    expect(city.asked).toEqual([{ q: '存折', filters: { kind: { any: ['案例'] } } }]);
    await narrative.search('渡口');
    // Opened once for the page's life.
    expect([opened.length, localLoads]).toEqual([1, 2]);
    expect(fed.narrativeUnavailable.size).toBe(0);
  });

  it("names a member whose 案情全文 is missing, corrupt or late, and answers with this site's", async () => {
    const three = { self: '某省', members: [{ name: '某市', url: 'https://city.example.cn/' }, { name: '某县', url: 'https://county.example.cn/' }, { name: '某企业', url: 'https://soe.example.cn/' }] };
    const fed = new FederatedSearch(fakePagefind([]), three, async () => fakePagefind([]), () => undefined, 50);
    const members: Record<string, () => Promise<NarrativeSearch>> = {
      'https://city.example.cn/pagefind/': () => Promise.reject(new Error('no narrative bundle')),
      'https://county.example.cn/pagefind/': async () => fakeNarrative([{ url: '/x/', title: '坏', score: 9 }], 'fail'),
      'https://soe.example.cn/pagefind/': async () => fakeNarrative([{ url: '/y/', title: '慢', score: 9 }], 'hang'),
    };
    const narrative = fed.narrative(async () => fakeNarrative([{ url: '/cases/bid/', title: '招标案', score: 1 }]), (base) => (members[base] as () => Promise<NarrativeSearch>)());
    const started = Date.now();
    expect(await titles(await narrative.search('存折'))).toEqual(['某省：招标案 /cases/bid/']);
    expect(Date.now() - started).toBeLessThan(1000);
    expect([...fed.narrativeUnavailable]).toEqual(['某市', '某县', '某企业']);
    // Their main bundles answered: the reader is told only their narratives are missing.
    expect(unavailableNote([...fed.unavailable], [...fed.narrativeUnavailable])).toBe('某市、某县、某企业的案情全文暂时无法检索，本次结果不含只在其案情全文中提到的案例（稍后刷新页面再试）。');
    // A site already named as down is not named a second time.
    expect(unavailableNote(['某市'], ['某市', '某县'])).toBe('某市的站点暂时无法访问，本次结果不含其内容（稍后刷新页面再试）。某县的案情全文暂时无法检索，本次结果不含只在其案情全文中提到的案例（稍后刷新页面再试）。');
  });

  it("searches only the sources the reader chose", async () => {
    let localLoads = 0;
    const city = fakeNarrative([{ url: '/cases/passbook/', title: '存折案', score: 3 }]);
    const fed = new FederatedSearch(fakePagefind([]), network, async () => fakePagefind([]), () => ['某市'], 50);
    const narrative = fed.narrative(async () => (localLoads++, fakeNarrative([{ url: '/cases/bid/', title: '招标案', score: 1 }])), async () => city);
    expect(await titles(await narrative.search('存折'))).toEqual(['某市：存折案 https://city.example.cn/cases/passbook/']);
    expect(localLoads).toBe(0);
    expect(fed.narrativeUnavailable.size).toBe(0);
  });
});
