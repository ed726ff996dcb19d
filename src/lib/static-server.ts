/**
 * A small static file server for a built site: used by the browser tests and by the intranet
 * package, where Pagefind cannot run from file:// and no web server may be installed.
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { pipeline } from 'node:stream';
import { createGzip } from 'node:zlib';
import { extname, join, normalize, resolve, sep } from 'node:path';
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

function fileFor(root: string, urlPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return undefined;
  }
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

export function serveStatic(dir: string, headers: Record<string, string> = {}): Server {
  const root = resolve(dir);
  return createServer((req, res) => {
    const url = req.url ?? '/';
    const path = url.split('?')[0] ?? '/';
    // /cases → /cases/ as a static host does, so relative links resolve the same way.
    if (!path.endsWith('/') && !extname(path) && fileFor(root, `${path}/`)) {
      res.writeHead(301, { location: `${path}/${url.slice(path.length)}` });
      res.end();
      return;
    }
    // The reader's text size, chosen on /text-size/ and kept in a cookie; revalidated on every page
    // so a new choice shows on the next page opened.
    const varies = path === TEXT_SIZE_CSS;
    const size = textSizeFromCookie(req.headers.cookie);
    const file = varies ? fileFor(root, textSizeCssPath(size)) : fileFor(root, url);
    const status = file ? 200 : 404;
    const target = file ?? join(root, '404.html');
    const type = TYPES[extname(target)] ?? 'application/octet-stream';
    // Text is sent compressed, as any production web server does (nginx.conf turns gzip on too);
    // Pagefind's index files are compressed already and go as they are.
    const gzip = COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(status, {
      'content-type': type,
      vary: varies ? 'Cookie, Accept-Encoding' : 'Accept-Encoding',
      ...(varies ? { 'cache-control': 'no-cache' } : {}),
      // Renewed from the server: some browsers (Safari) keep a cookie set by script for 7 days only.
      ...(varies && size !== 'standard' ? { 'set-cookie': textSizeCookie(size) } : {}),
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      ...headers,
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
