/**
 * 供稿单位 as a reader meets it in the built site: on every kind of page, on the unit's own page,
 * and as the case library's filter (the static facet page a link or a reader without JavaScript gets).
 */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/load-content.ts';
import { distFile, pageExists, visibleText } from '../helpers/dist.ts';

const { entries } = loadContent('content');
const published = entries.filter((e) => e.data['visibility'] !== 'internal' && e.data['draft'] !== true);
const unitName = new Map(entries.filter((e) => e.collection === 'units').map((e) => [e.id, String(e.data['name'])]));
const casesOf = (unit: string) => published.filter((e) => e.collection === 'cases' && e.data['unit'] === unit);
/** The case titles a facet or unit page lists, as the reader sees them. */
const listedTitles = (html: string) => [...html.matchAll(/<h3 class="card__title"><a href="\/cases\/[^"]+\/">([^<]+)<\/a>/g)].map((m) => m[1]);

describe('供稿单位 on each page', () => {
  it('a case page names its contributing unit and links to the unit’s page', () => {
    const html = distFile('cases/county-road-tender-tailoring/index.html');
    expect(visibleText(html)).toContain('供稿单位 某县纪委监委');
    // Carried as the Pagefind filter `unit`, kept out of the indexed text.
    expect(html).toMatch(/<dd data-pagefind-ignore[^>]*><a href="\/units\/county-commission\/" data-pagefind-filter="unit"[^>]*>某县纪委监委<\/a><\/dd>/);
  });

  it.each([
    ['courses/keypost-finance-controls', 'city-finance-bureau'],
    ['culture/story-grid-worker-refuses-red-envelope', 'community-grid-station'],
    ['documents/criminal-law', 'province-commission-regulations'],
    ['indicators/same-ip-bidding', 'city-trading-center'],
    ['self-check/soe-managers', 'soe-commission'],
  ])('%s shows 供稿单位 with the unit’s Chinese name', (page, unit) => {
    const name = unitName.get(unit) ?? '';
    expect(name).toMatch(/^某/);
    expect(visibleText(distFile(`${page}/index.html`))).toMatch(new RegExp(`供稿单位：? ?${name}`));
  });
});

describe('filtering the case library by unit', () => {
  it('lists exactly the cases the unit contributed, and no other', () => {
    const expected = casesOf('township-commission').map((c) => String(c.data['title']));
    expect(expected.length).toBeGreaterThan(5);
    const html = distFile('cases/unit/township-commission/index.html');
    expect(visibleText(html)).toContain('供稿单位：某镇纪委');
    expect(listedTitles(html).sort()).toEqual([...expected].sort());
  });

  it('the facet menu offers every unit that contributed a case, with its case count', () => {
    const text = visibleText(distFile('cases/index.html'));
    for (const [id, name] of unitName) {
      const n = casesOf(id).length;
      if (n > 0) expect(text, name).toMatch(new RegExp(`供稿单位 .*${name} ?${n}(?!\\d)`));
      expect(pageExists(`/cases/unit/${id}/`), id).toBe(n > 0);
    }
  });
});

describe('filtering the document list by unit', () => {
  it('offers every unit that contributed a document, and each document carries its unit for the filter', () => {
    const html = distFile('documents/index.html');
    const select = /<select name="unit"[^>]*>([\s\S]*?)<\/select>/.exec(html)?.[1] ?? '';
    const docs = published.filter((e) => e.collection === 'documents');
    const offered = [...select.matchAll(/<option value="([a-z-]+)"[^>]*>([^<]+)<\/option>/g)].map((m) => [m[1], m[2]]);
    expect(offered.sort()).toEqual([...new Set(docs.map((d) => String(d.data['unit'])))].map((id) => [id, unitName.get(id)]).sort());
    for (const d of docs) expect(html, d.id).toMatch(new RegExp(`data-unit="${String(d.data['unit'])}"[^>]*>\\s*<h3 class="card__title"><a href="/documents/${d.id}/"`));
  });
});

describe('成员单位 pages', () => {
  it('a unit’s page shows where it sits and what it contributed', () => {
    const html = distFile('units/city-audit-bureau/index.html');
    const text = visibleText(html);
    expect(text).toContain('某市审计局');
    expect(text).toContain('类别 审计机构');
    expect(listedTitles(html).sort()).toEqual(casesOf('city-audit-bureau').map((c) => String(c.data['title'])).sort());
    expect(text).toContain('资金异常流转');
    expect(html).toContain('href="/cases/unit/city-audit-bureau/"');
  });

  it('a sub-unit links to its parent, and the parent lists it', () => {
    expect(visibleText(distFile('units/province-commission-publicity/index.html'))).toContain('上级单位 某省纪委监委');
    expect(visibleText(distFile('units/province-commission/index.html'))).toMatch(/下属单位 .*某省纪委监委宣传部/);
  });

  it('the member list names every unit once', () => {
    const text = visibleText(distFile('units/index.html'));
    for (const name of unitName.values()) expect(text.split(name).length - 1, name).toBeGreaterThanOrEqual(1);
  });
});
