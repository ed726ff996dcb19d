/**
 * Issue 20, a province with several cities: a portal listing four member sites finds every one
 * of them on the first search of the page, as long as each answers. Four servers serve one city's
 * build under four origins and four names, so the portal opens four member bundles at once, on
 * one page. With ten members of 10,000 cases, members opened at once trapped in Pagefind's
 * WebAssembly and were called unavailable while their servers answered (pagefind.ts afterWarmUp);
 * sites this small load too fast to reproduce that race here, which tests/unit/member-instances.test.ts
 * models instead.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort } from '../../src/lib/serve-site.ts';
import { serveStatic } from '../../src/lib/static-server.ts';
import { describeBrowser, useBrowser } from '../helpers/browser.ts';
import { buildSite } from '../helpers/build.ts';
import { copyFixture, plant } from '../helpers/fixture.ts';

const CITIES = ['甲市纪委监委（测试）', '乙市纪委监委（测试）', '丙市纪委监委（测试）', '丁市纪委监委（测试）'];

const listen = (server: Server, port: number) =>
  new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });

describeBrowser('a portal with four member sites (issue 20)', () => {
  const browser = useBrowser();
  const dirs: string[] = [];
  const servers: Server[] = [];
  let portal = '';

  beforeAll(async () => {
    const ports = await Promise.all([freePort(), ...CITIES.map(() => freePort())]);
    const origin = (port: number | undefined) => `http://127.0.0.1:${port}`;
    portal = origin(ports[0]);
    const city = copyFixture();
    const cityOut = mkdtempSync(join(tmpdir(), 'lianjian-fed-city-'));
    const root = copyFixture();
    const out = mkdtempSync(join(tmpdir(), 'lianjian-fed-portal-'));
    dirs.push(city, cityOut, root, out);
    plant(city, 'cases/public-case.md', 'title: 某县局长招标量身定制受贿案', 'title: 某市渡口码头招标量身定制受贿案');
    writeFileSync(join(city, 'network/sites.yaml'), 'self:\n  id: city\n  name: 某市纪委监委（测试）\n  level: 市\nmembers: []\n');
    const builtCity = buildSite({ LIANJIAN_CONTENT: city, LIANJIAN_OUT: cityOut }, { pagefind: true });
    expect(builtCity.status, builtCity.output.slice(-3000)).toBe(0);
    for (const port of ports.slice(1)) {
      const s = serveStatic(cityOut, { cors: [portal] });
      servers.push(s);
      await listen(s, port as number);
    }
    // A loaded test machine is slow for every source alike: 20 s, so only a real fault counts.
    const members = CITIES.map((name, i) => `  - id: city-${i + 1}\n    name: ${name}\n    level: 市\n    url: ${origin(ports[i + 1])}/\n`).join('');
    // The data copies npm run network:fetch would take: the city's export, once per member.
    mkdirSync(join(root, 'network/exports'), { recursive: true });
    CITIES.forEach((_, i) => cpSync(join(cityOut, 'network/export.json'), join(root, `network/exports/city-${i + 1}.json`)));
    writeFileSync(join(root, 'network/sites.yaml'), `self:\n  id: province\n  name: 某省纪委监委（测试）\n  level: 省\ntimeoutSeconds: 20\nmembers:\n${members}`);
    const built = buildSite({ LIANJIAN_CONTENT: root, LIANJIAN_OUT: out }, { pagefind: true });
    expect(built.status, built.output.slice(-3000)).toBe(0);
    const s = serveStatic(out);
    servers.push(s);
    await listen(s, ports[0] as number);
  }, 600_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise((r) => { s.close(r); s.closeAllConnections(); })));
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('finds the case on every member on the first search, and names none as unavailable', async () => {
    const { page, errors } = await browser.open(`${portal}/search/?q=${encodeURIComponent('渡口码头')}`);
    await page.waitForFunction(() => {
      const status = document.querySelector('[data-status]')?.textContent ?? '';
      return !document.querySelector('search-page')?.hasAttribute('aria-busy') && status !== '' && !status.includes('正在搜索');
    }, undefined, { timeout: 60_000 });
    const status = (await page.textContent('[data-status]')) ?? '';
    const found = await page.$$eval('[data-results] li h2', (hs) => hs.map((h) => `${h.querySelector('.badge--source')?.textContent}：${h.querySelector('a')?.textContent}`));
    expect(status, found.join('\n')).not.toContain('无法访问');
    for (const name of CITIES) expect(found, `${status}\n${found.join('\n')}`).toContain(`${name}：某市渡口码头招标量身定制受贿案`);
    expect(errors.filter((e) => /RuntimeError|memory access/.test(e))).toEqual([]);
  });
});
