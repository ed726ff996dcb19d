/**
 * Issue 20, from a reader's and an editor's side: two small sites built from the mini fixture and
 * served on two loopback ports by the project's own server. Site A (the province) lists site B (a
 * city) in network/sites.yaml; a search on A finds B's case labelled with B's name and filters by
 * source; a rule both sites publish is listed once; a detail told only in the 案情全文 of B's case is found on A too, and with B's narrative
 * bundle corrupt or absent A still answers and names B; with B stopped, hanging or serving a
 * corrupt bundle A still answers and says B is unavailable; A's CSP admits B's origin and refuses any other; a child site whose case cites an
 * article its parent does not publish is stopped by the check.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort } from '../../src/lib/serve-site.ts';
import { serveStatic } from '../../src/lib/static-server.ts';
import { describeBrowser, useBrowser } from '../helpers/browser.ts';
import { buildSite } from '../helpers/build.ts';
import { copyFixture, plant } from '../helpers/fixture.ts';

const A_NAME = '某省纪委监委（测试）';
const B_NAME = '某市纪委监委（测试）';

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
}

/**
 * A project command as a child process, without blocking: the servers under test run in this
 * process, and a synchronous spawn would stop them answering the command itself.
 */
function run(script: string, env: Record<string, string>): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [script], { env: { ...process.env, ...env }, encoding: 'utf8' }, (err, stdout, stderr) => resolve({ status: err ? Number((err as { code?: unknown }).code ?? 1) : 0, stdout, stderr }));
  });
}

/** Closes a server now: the browser's kept-alive connections would otherwise hold it open. */
const close = (server: Server | undefined) =>
  new Promise((r) => {
    if (!server) return r(undefined);
    server.close(r);
    server.closeAllConnections();
  });

/**
 * The test machine is shared and often loaded many times over its cores: members get 20 s here
 * (sites.yaml timeoutSeconds) so a slow build machine is not taken for a site that is down; the
 * hanging member below shows the wait is bounded by it.
 */
const sitesYaml = (self: { id: string; name: string; level: string }, members: string) => `self:\n  id: ${self.id}\n  name: ${self.name}\n  level: ${self.level}\ntimeoutSeconds: 20\nmembers:\n${members}`;

/** Waits until the search page has drawn its answer. */
const settled = (page: Page) =>
  page.waitForFunction(() => {
    const el = document.querySelector('search-page');
    const status = document.querySelector('[data-status]')?.textContent ?? '';
    return el && !el.hasAttribute('aria-busy') && status !== '' && !status.includes('正在搜索');
  }, undefined, { timeout: 60_000 });

/** Types a query on the search page and waits until the results are drawn. */
async function search(page: Page, q: string): Promise<{ status: string; results: { title: string; source: string; href: string }[] }> {
  await page.fill('input[name="q"]', q);
  await page.press('input[name="q"]', 'Enter');
  await settled(page);
  const status = (await page.textContent('[data-status]')) ?? '';
  const results = await page.$$eval('[data-results] li h2', (hs) =>
    hs.map((h) => ({ title: h.querySelector('a')?.textContent ?? '', source: h.querySelector('.badge--source')?.textContent ?? '', href: h.querySelector('a')?.getAttribute('href') ?? '' })),
  );
  return { status, results };
}

describeBrowser('member sites searched as one (issue 20)', () => {
  const browser = useBrowser();
  const dirs: string[] = [];
  let a: Server | undefined;
  let b: Server | undefined;
  let foreign: Server | undefined;
  let portA = 0;
  let portB = 0;
  let portC = 0;
  let outB = '';
  let childRoot = '';
  const origin = (port: number) => `http://127.0.0.1:${port}`;

  beforeAll(async () => {
    [portA, portB, portC] = [await freePort(), await freePort(), await freePort()];
    // Site B, a city: the mini fixture with a case of its own that A does not have.
    const rootB = copyFixture();
    const rootA = copyFixture();
    outB = mkdtempSync(join(tmpdir(), 'lianjian-fed-b-'));
    const outA = mkdtempSync(join(tmpdir(), 'lianjian-fed-a-'));
    dirs.push(rootA, rootB, outA, outB);
    plant(rootB, 'cases/public-case.md', 'title: 某县局长招标量身定制受贿案', 'title: 某市渡口码头招标量身定制受贿案');
    // Details told only in the 基本案情 (the narrative bundle): 存折 in B's case alone, 保险柜 in both.
    plant(rootB, 'cases/public-case.md', '测试正文，包含招标一词。', '测试正文，包含招标一词。张某把好处费存进以亲属名义开立的存折，存折锁在办公室的保险柜里。');
    plant(rootA, 'cases/public-case.md', '测试正文，包含招标一词。', '测试正文，包含招标一词。张某把收受的购物卡锁在办公室的保险柜里。');
    writeFileSync(join(rootB, 'network/sites.yaml'), sitesYaml({ id: 'city-b', name: B_NAME, level: '市' }, '  []\n'));
    const builtB = buildSite({ LIANJIAN_CONTENT: rootB, LIANJIAN_OUT: outB }, { pagefind: true });
    expect(builtB.status, builtB.output.slice(-3000)).toBe(0);
    b = serveStatic(outB, { cors: [origin(portA)] });
    await listen(b, portB);

    // Site A, the province, lists B; B's data copy is fetched from B's running server.
    writeFileSync(join(rootA, 'network/sites.yaml'), sitesYaml({ id: 'province-a', name: A_NAME, level: '省' }, `  - id: city-b\n    name: ${B_NAME}\n    level: 市\n    url: ${origin(portB)}/\n`));
    const fetched = await run('src/cli/network-fetch.ts', { LIANJIAN_CONTENT: rootA });
    expect(fetched.status, `${fetched.stdout}${fetched.stderr}`).toBe(0);
    const builtA = buildSite({ LIANJIAN_CONTENT: rootA, LIANJIAN_OUT: outA }, { pagefind: true });
    expect(builtA.status, builtA.output.slice(-3000)).toBe(0);
    a = serveStatic(outA);
    await listen(a, portA);
    // Another site, not listed by A, that would happily share its data with anyone.
    foreign = createServer((_, res) => res.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'application/json' }).end('{"secret":1}'));
    await listen(foreign, portC);

    // A child of A: the mini fixture with an article of its own that A does not publish, cited by its case.
    childRoot = copyFixture();
    dirs.push(childRoot);
    writeFileSync(join(childRoot, 'network/sites.yaml'), sitesYaml({ id: 'county-c', name: '某县纪委监委（测试）', level: '县' }, `  - id: province-a\n    name: ${A_NAME}\n    level: 省\n    url: ${origin(portA)}/\n    parent: true\n`));
  }, 600_000);

  afterAll(async () => {
    await Promise.all([close(a), close(b), close(foreign)]);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it("finds B's case on A, labelled with its source and linking to B, with no CSP violation", async () => {
    const { page, errors } = await browser.open(`${origin(portA)}/search/`);
    const found = await search(page, '渡口码头');
    // Only B has the word: its case first (its module lists the case too), every result labelled B.
    expect(found.results[0]?.title).toBe('某市渡口码头招标量身定制受贿案');
    expect(new Set(found.results.map((r) => r.source))).toEqual(new Set([B_NAME]));
    expect(found.results[0]?.href).toMatch(new RegExp(`^${origin(portB)}/cases/public-case/`));
    const both = await search(page, '招标量身定制');
    const labelled = both.results.map((r) => `${r.source}：${r.title}`);
    expect(labelled, `${both.status}\n${labelled.join('\n')}`).toContain(`${A_NAME}：某县局长招标量身定制受贿案`);
    expect(labelled, `${both.status}\n${labelled.join('\n')}`).toContain(`${B_NAME}：某市渡口码头招标量身定制受贿案`);
    expect(both.status).not.toContain('无法访问');
    expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
  });

  it('filters the results by source (来源单位)', async () => {
    const { page } = await browser.open(`${origin(portA)}/search/?q=${encodeURIComponent('招标量身定制')}`);
    await page.click('[data-facet-panel] summary');
    await page.waitForSelector(`input[data-key="source"][value="${B_NAME}"]`);
    await page.check(`input[data-key="source"][value="${B_NAME}"]`);
    await page.waitForFunction(() => !document.querySelector('search-page')?.hasAttribute('aria-busy'));
    const shown = await page.$$eval('[data-results] li h2', (hs) => hs.map((h) => `${h.querySelector('.badge--source')?.textContent}：${h.querySelector('a')?.textContent}`));
    expect(shown).toContain(`${B_NAME}：某市渡口码头招标量身定制受贿案`);
    expect(shown.every((x) => x.startsWith(`${B_NAME}：`)), shown.join('\n')).toBe(true);
    expect(page.url()).toContain(`source=${encodeURIComponent(B_NAME)}`);
    const sources = await page.$$eval('fieldset', (fs) => fs.filter((f) => f.querySelector('legend')?.textContent === '来源单位').map((f) => f.textContent?.replace(/\s+/g, ' ').trim()));
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatch(/^来源单位 \S+ \(\d+\) \S+ \(\d+\)$/);
    expect(sources[0]).toContain(A_NAME);
    expect(sources[0]).toContain(B_NAME);
  });

  it('lists a rule both sites publish once, as A\'s own page, and still under B when filtered by B', async () => {
    const { page } = await browser.open(`${origin(portA)}/search/`);
    const found = await search(page, '测试条例');
    const rules = found.results.filter((r) => r.title.startsWith('测试条例')).map((r) => `${r.source}：${r.title} ${r.href}`);
    // Both sites serve the 2018 and the 2023 rules from the same documents: each once, A's copy.
    expect(rules.map((r) => r.split(' ')[0]).sort(), `${found.status}\n${rules.join('\n')}`).toEqual([`${A_NAME}：测试条例（2018年修订）`, `${A_NAME}：测试条例（2023年修订）`].sort());
    expect(rules.every((r) => !r.includes(origin(portB))), rules.join('\n')).toBe(true);
    const onlyB = await browser.open(`${origin(portA)}/search/?q=${encodeURIComponent('测试条例')}&source=${encodeURIComponent(B_NAME)}`);
    await settled(onlyB.page);
    const shownB = await onlyB.page.$$eval('[data-results] li h2', (hs) => hs.map((h) => `${h.querySelector('.badge--source')?.textContent}：${h.querySelector('a')?.textContent}`));
    expect(shownB).toContain(`${B_NAME}：测试条例（2023年修订）`);
  });

  it("refuses a request to an origin sites.yaml does not list; A's header admits exactly B", async () => {
    const { page, errors } = await browser.open(`${origin(portA)}/search/`);
    const outcome = await page.evaluate(async (url) => fetch(url).then(() => 'read', () => 'refused'), `${origin(portC)}/`);
    expect(outcome).toBe('refused');
    expect(errors.join('\n')).toMatch(/violates the following Content Security Policy directive: "connect-src 'self' http:\/\/127\.0\.0\.1:\d+"/);
    const res = await fetch(`${origin(portA)}/`);
    const connect = (res.headers.get('content-security-policy') ?? '').split(';').map((d) => d.trim()).find((d) => d.startsWith('connect-src'));
    expect(connect).toBe(`connect-src 'self' ${origin(portB)}`);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
    // B serves its bundle to A's origin only.
    const toA = await fetch(`${origin(portB)}/pagefind/pagefind-entry.json`, { headers: { origin: origin(portA) } });
    expect(toA.headers.get('access-control-allow-origin')).toBe(origin(portA));
    const toOther = await fetch(`${origin(portB)}/pagefind/pagefind-entry.json`, { headers: { origin: origin(portC) } });
    expect(toOther.headers.get('access-control-allow-origin')).toBeNull();
  });

  it("lists B in A's directory with its level and counts, read from B's export, linking out", async () => {
    const { page } = await browser.open(`${origin(portA)}/network/sites/`);
    const rows = await page.$$eval('tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim())));
    const exported = JSON.parse(readFileSync(join(outB, 'network/export.json'), 'utf8')) as { counts: { cases: number; courses: number; documents: number } };
    expect(rows[0]?.[0]).toBe(`${A_NAME}（本站）`);
    expect(rows[1]).toEqual([B_NAME, '市', String(exported.counts.cases), String(exported.counts.courses), String(exported.counts.documents)]);
    expect(await page.getAttribute(`a:has-text("${B_NAME}")`, 'href')).toBe(`${origin(portB)}/`);
    expect(await page.textContent('.lead')).toContain('同时检索下列 1 个成员站点');
  });

  it('a child site whose case cites an article its parent does not publish is stopped by the check', async () => {
    const fetched = await run('src/cli/network-fetch.ts', { LIANJIAN_CONTENT: childRoot });
    expect(fetched.status, `${fetched.stdout}${fetched.stderr}`).toBe(0);
    const clean = await run('src/cli/check.ts', { LIANJIAN_CONTENT: childRoot });
    expect(clean.status, `${clean.stdout}${clean.stderr}`).toBe(0);
    // The county adds an article to its copy of the criminal law and cites it: the province does not publish it.
    plant(childRoot, 'documents/criminal-law.md', /articles:\n/, 'articles:\n  - n: 999\n    text: 县里自行补录的一条测试条文。\n');
    plant(childRoot, 'cases/public-case.md', 'basis: [criminal-law#385]', 'basis: [criminal-law#385, criminal-law#999]');
    const checked = await run('src/cli/check.ts', { LIANJIAN_CONTENT: childRoot });
    expect(checked.status).toBe(1);
    // The check names the file relative to where it runs (../lianjian-fixture-…/cases/public-case.md from a
    // clone in /tmp), so the test looks for the fixture's own folder and file, wherever the project sits.
    expect(checked.stderr).toContain(join(basename(childRoot), 'cases/public-case.md'));
    expect(checked.stderr).toContain(`字段 disposition.criminal.basis[1]：上级站点“${A_NAME}”发布的制度文件“criminal-law”中没有第 999 条`);
  });

  it("finds a detail told only in the 案情全文 of B's case, labelled with B, and filters it by source", async () => {
    const { page, errors } = await browser.open(`${origin(portA)}/search/`);
    const found = await search(page, '存折');
    const labelled = found.results.map((r) => `${r.source}：${r.title}`);
    expect(labelled, `${found.status}\n${labelled.join('\n')}`).toEqual([`${B_NAME}：某市渡口码头招标量身定制受贿案`]);
    expect(found.results[0]?.href).toMatch(new RegExp(`^${origin(portB)}/cases/public-case/`));
    expect(await page.textContent('[data-results] li p')).toContain('存进以亲属名义开立的存折');
    expect(await page.textContent('[data-note]')).toContain('案情全文');
    expect(found.status).not.toMatch(/无法访问|无法检索/);
    // Told in both sites' narratives: each case once, under its own source.
    const both = (await search(page, '保险柜')).results.map((r) => `${r.source}：${r.title}`);
    expect(both.sort()).toEqual([`${B_NAME}：某市渡口码头招标量身定制受贿案`, `${A_NAME}：某县局长招标量身定制受贿案`].sort());
    expect(errors.filter((e) => /Content Security Policy|CORS/i.test(e))).toEqual([]);
    // The reader's choice of source holds for the narratives too.
    const onlyA = await browser.open(`${origin(portA)}/search/?q=${encodeURIComponent('保险柜')}&source=${encodeURIComponent(A_NAME)}`);
    await settled(onlyA.page);
    const shownA = await onlyA.page.$$eval('[data-results] li h2', (hs) => hs.map((h) => `${h.querySelector('.badge--source')?.textContent}：${h.querySelector('a')?.textContent}`));
    expect(shownA).toEqual([`${A_NAME}：某县局长招标量身定制受贿案`]);
  });

  it("answers with A's own cases when B's narrative index is corrupt or absent, and names B for 案情全文", async () => {
    const named = `${B_NAME}的案情全文暂时无法检索`;
    const serveB = async (dir: string) => {
      await close(b);
      b = serveStatic(dir, { cors: [origin(portA)] });
      await listen(b, portB);
    };
    const broken = (what: string, change: (dir: string) => void) => {
      const dir = mkdtempSync(join(tmpdir(), 'lianjian-fed-narrative-'));
      dirs.push(dir);
      cpSync(outB, dir, { recursive: true });
      change(dir);
      return { what, dir };
    };
    for (const { what, dir } of [
      broken('B 的案情索引损坏', (dir) => {
        for (const f of readdirSync(join(dir, 'narrative/p'))) truncateSync(join(dir, 'narrative/p', f), 10);
      }),
      broken('B 的案情索引清单损坏', (dir) => writeFileSync(join(dir, 'narrative/index.json'), '{"format": 1, "docs": ')),
      broken('B 没有案情索引', (dir) => rmSync(join(dir, 'narrative'), { recursive: true })),
    ]) {
      await serveB(dir);
      const { page } = await browser.open(`${origin(portA)}/search/`);
      const found = await search(page, '保险柜');
      const labelled = found.results.map((r) => `${r.source}：${r.title}`);
      expect(labelled, what).toEqual([`${A_NAME}：某县局长招标量身定制受贿案`]);
      expect(found.status, what).toContain(named);
      // B's main bundle still answers: B is not called down, and its cases still come up by title.
      expect(found.status, what).not.toContain(`${B_NAME}的站点暂时无法访问`);
      const title = await search(page, '渡口码头');
      expect(title.results.map((r) => `${r.source}：${r.title}`), what).toContain(`${B_NAME}：某市渡口码头招标量身定制受贿案`);
    }
    await serveB(outB);
  });

  it('still answers with B stopped, hanging or serving a corrupt bundle, and says B is unavailable', async () => {
    const unavailable = `${B_NAME}的站点暂时无法访问`;
    const expectLocalOnly = async (what: string) => {
      const { page } = await browser.open(`${origin(portA)}/search/`);
      const started = Date.now();
      const found = await search(page, '招标量身定制');
      const labelled = found.results.map((r) => `${r.source}：${r.title}`);
      expect(labelled, what).toContain(`${A_NAME}：某县局长招标量身定制受贿案`);
      expect(labelled.every((x) => x.startsWith(`${A_NAME}：`)), `${what}：${labelled.join('；')}`).toBe(true);
      expect(found.status, what).toContain(unavailable);
      return Date.now() - started;
    };
    await close(b);
    b = undefined;
    await expectLocalOnly('B 停止');

    // B answers nothing at all: A waits no longer than its limit.
    const hanging = createServer(() => undefined);
    await listen(hanging, portB);
    const waited = await expectLocalOnly('B 不应答');
    // The local answer, then at most timeoutSeconds (20 s here) for B.
    expect(waited).toBeGreaterThan(20_000);
    expect(waited).toBeLessThan(40_000);
    await close(hanging);

    // B's bundle is corrupt: its entry file and its search engine are garbage.
    const corrupt = mkdtempSync(join(tmpdir(), 'lianjian-fed-corrupt-'));
    dirs.push(corrupt);
    cpSync(outB, corrupt, { recursive: true });
    writeFileSync(join(corrupt, 'pagefind/pagefind-entry.json'), '{"version": "1.6.0", "languages": {"zh-cn": {"hash": "nope"');
    truncateSync(join(corrupt, 'pagefind/wasm.unknown.pagefind'), 100);
    expect(readFileSync(join(corrupt, 'pagefind/pagefind-entry.json'), 'utf8')).not.toContain('}');
    b = serveStatic(corrupt, { cors: [origin(portA)] });
    await listen(b, portB);
    await expectLocalOnly('B 的索引损坏');
  });
});
