/**
 * Accessibility of one page of every type: axe finds no serious or critical violation (colour
 * contrast included, WCAG 2.1 AA) and no skipped heading level, text enlarged to 200% loses
 * nothing to sideways scrolling, and the Content Security Policy the pages carry is never violated.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, it } from 'vitest';
import { describeBrowser, useBrowser } from '../helpers/browser.ts';

const pages = [
  ['home', '/'],
  ['case list', '/cases/'],
  ['facet page', '/cases/sector/engineering/'],
  ['case', '/cases/county-road-tender-tailoring/'],
  ['risk map', '/risks/'],
  ['all-years risk map', '/risks/all/'],
  ['risk point', '/risks/tailored-bid-terms/'],
  ['module with quiz', '/courses/staff-integrity-basics/'],
  ['track', '/tracks/leader/'],
  ['builder', '/builder/'],
  ['culture list', '/culture/'],
  ['culture item', '/culture/yang-zhen-four-knows/'],
  ['document list', '/documents/'],
  ['document', '/documents/coordination-measures/'],
  ['document with a version comparison', '/documents/party-discipline-2018/'],
  ['network', '/network/'],
  ['indicators', '/indicators/'],
  ['self-check', '/self-check/finance-staff/'],
  ['search', '/search/?q=招标'],
  ['study record', '/study/'],
  ['text size', '/text-size/'],
  ['404', '/no-such-page/'],
  ['posts', '/posts/'],
  ['post', '/posts/procurement-staff/'],
  ['indicator', '/indicators/same-ip-bidding/'],
  ['public track', '/tracks/public/'],
  ['tracks', '/tracks/'],
  ['review board', '/documents/review/'],
] as const;

describeBrowser('accessibility', () => {
  const browser = useBrowser();

  it.each(pages)('%s has no serious or critical axe violation and no CSP violation', async (_name, path) => {
    const { page, errors } = await browser.open('about:blank');
    // Listening from before the page's first script: a violation while it starts (zod's eval probe
    // once bundled into the search page) counts too.
    await page.addInitScript(() => {
      (window as unknown as { cspViolations: string[] }).cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { cspViolations: string[] }).cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(path);
    if (path.startsWith('/search/')) await page.locator('[data-results] li').first().waitFor();
    if (path === '/builder/') await page.locator('[data-app]').waitFor();
    // Heading order is a moderate best practice in axe, but a reader moving by headings must not
    // meet a skipped level, even among what a script rendered (search results, the filtered case
    // list); the built pages are checked in tests/build/headings.test.ts. Rules enabled by name run
    // beside the tagged ones (options first: withTags adds to them).
    const HEADINGS = ['heading-order', 'page-has-heading-one'];
    const results = await new AxeBuilder({ page })
      .options({ rules: Object.fromEntries(HEADINGS.map((id) => [id, { enabled: true }])) })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical' || HEADINGS.includes(v.id)).map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    expect(serious).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
  });

  it.each(pages.filter(([name]) => !['builder', 'search'].includes(name)))('%s reflows when text is enlarged to 200%%', async (_name, path) => {
    const { page } = await browser.open(path);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.evaluate(() => {
      document.documentElement.style.fontSize = '200%';
    });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
  });
});

describeBrowser('keyboard-only use of interactive pages', () => {
  const browser = useBrowser();

  it('the course builder: add, reorder and remove with Enter', async () => {
    const { page } = await browser.open('/builder/');
    await page.locator('[data-app]').waitFor();
    await page.locator('button[data-add-module="staff-integrity-basics"]').focus();
    await page.keyboard.press('Enter');
    await page.locator('button[data-add-module="staff-gifts-and-banquets"]').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: /^上移：普通职工：礼品礼金/ }).focus();
    await page.keyboard.press('Enter');
    expect((await page.locator('[data-plan] .builder__name').allInnerTexts())[0]).toContain('礼品礼金');
    // Focus follows the moved item, so a keyboard user can keep moving it.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-move'))).toMatch(/^0:|^1:0$/);
    await page.getByRole('button', { name: /^移除：普通职工：礼品礼金/ }).focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('[data-plan] .builder__name').count()).toBe(1);
  });

  it('the self-check list and the case filter: Space ticks, Enter follows', async () => {
    const { page } = await browser.open('/self-check/finance-staff/');
    await page.locator('input[data-item]').first().focus();
    await page.keyboard.press('Space');
    expect(await page.locator('input[data-item]').first().isChecked()).toBe(true);
    const list = await browser.open('/cases/');
    await list.page.locator('a[data-facet="tier"][data-value="staff"]').focus();
    await list.page.keyboard.press('Enter');
    await list.page.waitForURL('**/cases/?tier=staff');
  });
});
