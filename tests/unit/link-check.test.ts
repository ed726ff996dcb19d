import { describe, expect, it } from 'vitest';
import { checkLinks, urlOf } from '../../src/lib/link-check.ts';

const pages = [
  { file: 'index.html', html: '<a href="/documents/law/#article-385">x</a><a href="/cases/">y</a><a href="https://example.org/">z</a>' },
  { file: 'cases/index.html', html: '<main id="main"><a href="../documents/law/#article-999">bad anchor</a><a href="#main">skip</a></main>' },
  { file: 'documents/law/index.html', html: '<section id="article-385"></section><a href="/gone/">gone</a><a href="/favicon.svg">icon</a>' },
];

describe('internal link check', () => {
  it('maps files to the URLs they serve', () => {
    expect(urlOf('index.html')).toBe('/');
    expect(urlOf('cases/x/index.html')).toBe('/cases/x/');
    expect(urlOf('404.html')).toBe('/404.html');
  });

  it('finds a missing page and a missing anchor, and accepts everything else', () => {
    expect(checkLinks(pages, ['favicon.svg'])).toEqual([
      { page: 'cases/index.html', href: '../documents/law/#article-999', reason: 'missing-anchor' },
      { page: 'documents/law/index.html', href: '/gone/', reason: 'missing-page' },
    ]);
  });
});
