import type { APIRoute } from 'astro';
import { edition } from '../lib/content-root.ts';

/** The public edition welcomes crawlers and names its sitemap; the intranet edition turns them away. */
export const GET: APIRoute = ({ site }) => {
  const body =
    edition() === 'internal'
      ? 'User-agent: *\nDisallow: /\n'
      : `User-agent: *\nAllow: /\nDisallow: /search/\nDisallow: /builder/\nDisallow: /study/\n\nSitemap: ${new URL('/sitemap-index.xml', site).href}\n`;
  return new Response(body, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
