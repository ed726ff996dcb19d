/**
 * Nothing a reader is looking at moves while a page finishes loading: the search page's results
 * arrive after the first paint, the case list and the course builder start their scripts after it.
 * Every layout shift Chromium reports (PerformanceObserver 'layout-shift', the entries Lighthouse's
 * cumulative layout shift is made of) is summed from navigation until the page has settled, on a
 * phone and a desktop screen; the sum is never less than CLS's largest session window, so staying
 * under 0.05 here keeps Lighthouse's figure under it too.
 */
import { expect, it } from 'vitest';
import { describeBrowser, useBrowser } from '../helpers/browser.ts';

interface Shift {
  value: number;
  at: number;
  sources: string[];
}

declare global {
  interface Window {
    lianjianShifts: Shift[];
  }
}

/** Installed before any of the page's own code runs, so the first shift is seen too. */
function observeShifts(): void {
  window.lianjianShifts = [];
  const describe = (node: Node | null) => {
    if (!(node instanceof Element)) return node?.nodeName ?? '?';
    const cls = node.getAttribute('class');
    return `${node.localName}${node.id ? `#${node.id}` : ''}${cls ? `.${cls.split(/\s+/).join('.')}` : ''}`;
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node: Node | null }[] })[]) {
      if (entry.hadRecentInput) continue;
      window.lianjianShifts.push({ value: entry.value, at: Math.round(entry.startTime), sources: (entry.sources ?? []).map((s) => describe(s.node)) });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

const SCREENS = [
  ['phone', { width: 390, height: 844 }],
  ['desktop', { width: 1280, height: 800 }],
] as const;

/** What each page shows once its script has done its work. */
const PAGES: readonly (readonly [string, string, string])[] = [
  ['a search with many results', '/search/?q=受贿', '[data-results] li'],
  ['the empty search page', '/search/', 'search-page:not([aria-busy])'],
  ['a search that finds nothing', '/search/?q=qzxvkw', '[data-empty]:not([hidden])'],
  ['the case list', '/cases/', 'case-filter [data-list] li'],
  ['the course builder', '/builder/', '[data-app]'],
];

describeBrowser('layout shift while a page loads', () => {
  const browser = useBrowser();

  for (const [screen, viewport] of SCREENS) {
    it.each(PAGES)(`${screen}: %s (%s) moves nothing on screen`, async (_name, path, ready) => {
      const { page, errors } = await browser.open('about:blank', { viewport });
      await page.addInitScript(observeShifts);
      await page.goto(path);
      await page.locator(ready).first().waitFor({ state: 'attached', timeout: 30_000 });
      await page.locator('[aria-busy]').waitFor({ state: 'detached', timeout: 30_000 });
      // Late work (fonts, a second render pass, a search's suggestions) has a second to show itself.
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(1000);
      const shifts = await page.evaluate(() => window.lianjianShifts);
      const total = shifts.reduce((sum, s) => sum + s.value, 0);
      expect(total, `位移：${JSON.stringify(shifts)}`).toBeLessThan(0.05);
      expect(errors).toEqual([]);
    });
  }
});
