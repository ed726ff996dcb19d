/** Culture pages, feeds, sitemap and robots as built: metadata for sharing, images, and exactly the public items. */
import { existsSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/load-content.ts';
import { isPublished, type Publishable } from '../../src/lib/publish.ts';
import { urls } from '../../src/lib/urls.ts';
import { DIST, distFile, htmlPages } from '../helpers/dist.ts';

const { entries } = loadContent('content');
const published = (c: string) => entries.filter((e) => e.collection === c && isPublished(e.data as unknown as Publishable, 'public'));
const culture = published('culture');
const SITE = 'https://lianjian.example.cn';
const xml = (file: string) => {
  const text = distFile(file);
  // Throws, naming the line and column, on malformed XML.
  expect(SyntaxValidator.validate(text), file).toBe(true);
  return new XMLParser().parse(text) as Record<string, unknown>;
};
const items = (feed: Record<string, unknown>) => ((feed['rss'] as { channel: { item: { link: string }[] | { link: string } } }).channel.item ?? []) as { link: string }[];

describe('culture content', () => {
  it('has at least 24 items across the five categories, every one with an original image', () => {
    expect(culture.length).toBeGreaterThanOrEqual(24);
    expect(new Set(culture.map((c) => (c.data as { category: string }).category)).size).toBe(5);
    expect(culture.filter((c) => (c.data as { images: unknown[] }).images.length === 0).map((c) => c.id)).toEqual([]);
  });
});

describe.each(culture.map((c) => c.id))('culture page %s', (id) => {
  const html = distFile(`culture/${id}/index.html`);

  it('has its title, description, canonical URL and link-preview metadata', () => {
    expect(html).toMatch(/<title>[^<]+ · 廉鉴<\/title>/);
    expect(html).toMatch(/<meta name="description" content="[^"]{10,}">/);
    expect(html).toContain(`<link rel="canonical" href="${SITE}${urls.cultureItem(id)}">`);
    expect(html).toContain(`<meta property="og:image" content="${SITE}/og-card.png">`);
    expect(html).toMatch(/<meta property="og:title" content="[^"]+">/);
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
  });

  it('shows its pictures with the alt text its editor wrote', () => {
    const entry = culture.find((c) => c.id === id);
    const images = (entry?.data as { images: { alt: string }[] } | undefined)?.images ?? [];
    const shown = (html.match(/<img\b[^>]*>/g) ?? []).map((img) => /\balt="([^"]*)"/.exec(img)?.[1]);
    const escape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
    for (const image of images) expect(shown).toContain(escape(image.alt));
  });

  it('gives every image alt text and its dimensions', () => {
    for (const img of html.match(/<img\b[^>]*>/g) ?? []) {
      expect(img).toMatch(/\balt="[^"]*"/);
      expect(img).toMatch(/\bwidth="\d+"/);
      expect(img).toMatch(/\bheight="\d+"/);
    }
  });
});

describe('feeds, sitemap and robots', () => {
  it('the culture feed is valid RSS listing every public item and nothing else', () => {
    const links = items(xml('culture/rss.xml')).map((i) => i.link);
    expect(links.sort()).toEqual(culture.map((c) => `${SITE}${urls.cultureItem(c.id)}`).sort());
  });

  it('the case feed is valid RSS listing public cases only', () => {
    const links = items(xml('cases/rss.xml')).map((i) => i.link);
    const cases = published('cases').map((c) => `${SITE}${urls.case(c.id)}`);
    expect(links.length).toBe(Math.min(50, cases.length));
    for (const l of links) expect(cases).toContain(l);
  });

  it('the sitemap is valid XML with every content page and none of the utility pages', () => {
    const index = xml('sitemap-index.xml');
    expect(JSON.stringify(index)).toContain('sitemap-0.xml');
    const locs = ((xml('sitemap-0.xml')['urlset'] as { url: { loc: string }[] }).url ?? []).map((u) => u.loc);
    for (const c of culture) expect(locs).toContain(`${SITE}${urls.cultureItem(c.id)}`);
    for (const c of published('cases')) expect(locs).toContain(`${SITE}${urls.case(c.id)}`);
    expect(locs.filter((l) => /\/(search|builder|study)\/$|404/.test(l))).toEqual([]);
    expect(locs.length).toBe(htmlPages().filter((p) => !/^(search|builder|study)\/|^404/.test(p)).length);
  });

  it('robots.txt names the sitemap; the preview card exists; 404 offers search', () => {
    expect(distFile('robots.txt')).toContain(`Sitemap: ${SITE}/sitemap-index.xml`);
    expect(existsSync(`${DIST}/og-card.png`)).toBe(true);
    expect(distFile('404.html')).toMatch(/<form action="\/search\/"/);
  });
});
