/**
 * Each page's CSP <meta> keeps only the hashes of its own inline code (src/lib/csp-prune.ts): done
 * here, as each page is rendered, rather than by reading every written page back after the build.
 */
import { defineMiddleware } from 'astro:middleware';
import { pruneCspHashes } from './lib/csp-prune.ts';

export const onRequest = defineMiddleware(async (_context, next) => {
  const res = await next();
  if (!res.headers.get('content-type')?.startsWith('text/html')) return res;
  return new Response(pruneCspHashes(await res.text()), { status: res.status, statusText: res.statusText, headers: res.headers });
});
