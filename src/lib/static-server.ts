/**
 * A small static file server for a built site: used by `npm start`, `npm run serve`, the browser
 * tests and the intranet package, where Pagefind cannot run from file:// and no web server may be
 * installed. It sends what a production server should (deploy.ts): the site's CSP as a header
 * (which adds frame-ancestors), nosniff and a Referrer-Policy, on every response.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { pipeline } from 'node:stream';
import { createGzip } from 'node:zlib';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { SECURITY_HEADERS, siteCsp } from './deploy.ts';
import { corsHeaders, corsOrigins } from './federation.ts';
import { TEXT_SIZE_CSS, textSizeCookie, textSizeCssPath, textSizeFromCookie } from './text-size.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
  '.md': 'text/markdown; charset=utf-8',
};

const COMPRESSIBLE = /^(text\/|application\/(json|xml)|image\/svg)/;

/**
 * Only paths a browser would send for a real page are served or redirected: one leading slash, and
 * once decoded no empty, `.` or `..` segment and no backslash. `//evil.example/%2e%2e` would
 * otherwise resolve to the home page and be redirected to `//evil.example/%2e%2e/`, which a
 * browser reads as another host.
 */
function canonical(urlPath: string): boolean {
  let path: string;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return false;
  }
  if (!path.startsWith('/') || path.includes('\\')) return false;
  const segments = path.slice(1).split('/');
  return segments.every((s, i) => s !== '.' && s !== '..' && (s !== '' || i === segments.length - 1));
}

function fileFor(root: string, urlPath: string): string | undefined {
  const path = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  const full = normalize(join(root, path));
  if (full !== root && !full.startsWith(root + sep)) return undefined;
  for (const candidate of [full, join(full, 'index.html')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // try the next candidate
    }
  }
  return undefined;
}

const NOT_FOUND = '404：找不到这个页面。\n';

/**
 * The folder's header, read again after a rebuild: an editor who runs `npm run build` while
 * `npm run serve` is still up gets the new pages' inline-style hashes allowed, instead of pages
 * drawn unstyled until the server is restarted. A rebuild rewrites index.html, so its time is
 * the sign; one stat a request. A folder caught half-written keeps the last good header.
 */
function liveCsp(root: string): () => string {
  const builtAt = () => {
    try {
      return statSync(join(root, 'index.html')).mtimeMs;
    } catch {
      return 0;
    }
  };
  let header = siteCsp(root);
  let stamp = builtAt();
  return () => {
    const now = builtAt();
    if (now === stamp) return header;
    try {
      header = siteCsp(root);
      stamp = now;
    } catch {
      // A page without its policy yet (the build is still writing): try again on the next request.
    }
    return header;
  };
}

/**
 * `csp` defaults to the header computed from the folder's pages (deploy.ts); `cors`, the origins
 * of the sites that search this one (issue 20), to LIANJIAN_CORS_ORIGINS.
 */
export function serveStatic(dir: string, { csp, cors = corsOrigins() }: { csp?: string; cors?: readonly string[] } = {}): Server {
  const root = resolve(dir);
  const policy = csp === undefined ? liveCsp(root) : () => csp;
  return createServer((req, res) => {
    const security = { 'Content-Security-Policy': policy(), ...SECURITY_HEADERS };
    const url = req.url ?? '/';
    const path = url.split('?')[0] ?? '/';
    const ok = canonical(path);
    // /cases → /cases/ as a static host does, so relative links resolve the same way. A canonical
    // path starts with one slash and a segment, so the location never names another host.
    if (ok && !path.endsWith('/') && !extname(path) && fileFor(root, `${path}/`)) {
      res.writeHead(301, { location: `${path}/${url.slice(path.length)}`, ...security });
      res.end();
      return;
    }
    // The reader's text size, chosen on /text-size/ and kept in a cookie; revalidated on every page
    // so a new choice shows on the next page opened.
    const varies = path === TEXT_SIZE_CSS;
    const size = textSizeFromCookie(req.headers.cookie);
    const file = !ok ? undefined : varies ? fileFor(root, textSizeCssPath(size)) : fileFor(root, url);
    const status = file ? 200 : 404;
    const target = file ?? join(root, '404.html');
    // A folder without a 404 page still answers with something a reader can see.
    if (!file && !existsSync(target)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...security });
      res.end(req.method === 'HEAD' ? undefined : NOT_FOUND);
      return;
    }
    const type = TYPES[extname(target)] ?? 'application/octet-stream';
    // Validators let a browser reuse what it already has (a member's search runtime asked again):
    // answered with 304 and no body. no-cache makes it ask every time, so a rebuilt
    // page is never served stale from the cache during editing.
    const modified = file && !varies ? new Date(Math.floor(statSync(file).mtimeMs / 1000) * 1000) : undefined;
    const since = Date.parse(String(req.headers['if-modified-since'] ?? ''));
    const shared = corsHeaders(path, typeof req.headers.origin === 'string' ? req.headers.origin : undefined, cors);
    if (modified && status === 200 && !Number.isNaN(since) && since >= modified.getTime()) {
      // A portal revalidating a member's index file gets the same CORS answer as the first time,
      // as nginx's add_header does for a 304.
      res.writeHead(304, { 'last-modified': modified.toUTCString(), 'cache-control': 'no-cache', vary: cors.length > 0 ? 'Accept-Encoding, Origin' : 'Accept-Encoding', ...shared, ...security });
      res.end();
      return;
    }
    // Text is sent compressed, as any production web server does (nginx.conf turns gzip on too);
    // Pagefind's index files are compressed already and go as they are.
    const gzip = COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(status, {
      'content-type': type,
      vary: varies ? 'Cookie, Accept-Encoding' : cors.length > 0 ? 'Accept-Encoding, Origin' : 'Accept-Encoding',
      ...shared,
      ...(modified ? { 'last-modified': modified.toUTCString(), 'cache-control': 'no-cache' } : {}),
      ...(varies ? { 'cache-control': 'no-cache' } : {}),
      // Renewed from the server: some browsers (Safari) keep a cookie set by script for 7 days only.
      ...(varies && size !== 'standard' ? { 'set-cookie': textSizeCookie(size) } : {}),
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      ...security,
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    // pipeline passes a read or compression error on and closes the file if the client goes away;
    // a response cut short is destroyed rather than ended, so it never looks complete.
    const done = (err: Error | null) => {
      if (err) res.destroy();
    };
    if (gzip) pipeline(createReadStream(target), createGzip(), res, done);
    else pipeline(createReadStream(target), res, done);
  });
}
