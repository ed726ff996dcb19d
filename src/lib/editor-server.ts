/**
 * The web editor's own small server (`npm run edit`): the editor page at /admin/, its script,
 * the configuration generated from the schemas, and the content check the page calls before
 * saving. It is a separate server from the site, so /admin/ cannot end up in any build, and its
 * looser CSP (Decap injects styles and compiles validators at run time) never touches the site's.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { basename, extname } from 'node:path';
import { build } from 'esbuild';
import type { CmsConfig } from './cms-config.ts';
import { checkProposedEntry, describeProposed, type ProposedEntry } from './editor-check.ts';

export interface EditorServerOptions {
  contentDir: string;
  config: CmsConfig;
  /** The bundled page script (see bundleEditorScript). */
  assets: EditorAssets;
  /** The site's live preview (astro dev), linked from the page; empty when not running. */
  previewUrl: string;
  log?: (line: string) => void;
}

/** decap-server answers on its own port; the page must be allowed to call it. */
function csp(config: CmsConfig): string {
  const api = config.local_backend?.url ?? ('api_root' in config.backend ? config.backend.api_root : '');
  const base = 'base_url' in config.backend && config.backend.base_url ? ` ${new URL(config.backend.base_url).origin}` : '';
  const proxy = `${api ? new URL(api).origin : ''}${base}`;
  return [
    "default-src 'self'",
    // Decap compiles its config validator with new Function().
    "script-src 'self' 'unsafe-eval'",
    // Decap's components style themselves with injected <style> elements.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    // Decap reads uploaded pictures back from blob: URLs before saving them.
    `connect-src 'self' blob: ${proxy}`,
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function editorPage(previewUrl: string): string {
  const preview = previewUrl ? `<a href="${previewUrl}" target="_blank" rel="noopener">网站预览</a>` : '';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>廉鉴 · 内容编辑</title>
<link rel="stylesheet" href="/admin/editor.css">
</head>
<body>
<nav class="lianjian-bar" aria-label="编辑器">廉鉴 · 内容编辑（本机）${preview}</nav>
<script type="module" src="/admin/editor.js"></script>
</body>
</html>
`;
}

const PAGE_CSS = `
.lianjian-bar { position: fixed; right: 1rem; bottom: 0.5rem; z-index: 400; font: 14px/1.5 sans-serif; color: #555; background: #fff; padding: 0.25rem 0.75rem; border-radius: 4px; box-shadow: 0 1px 4px rgba(0,0,0,.15); }
.lianjian-bar a { margin-left: 0.75rem; }
#lianjian-check { position: fixed; right: 1rem; top: 4.5rem; z-index: 500; max-width: 32rem; max-height: 70vh; overflow: auto; background: #fff5f5; border: 2px solid #b42318; border-radius: 6px; padding: 0.75rem 1rem; font: 15px/1.6 sans-serif; color: #1f1f1f; box-shadow: 0 4px 16px rgba(0,0,0,.2); }
#lianjian-check h2 { font-size: 16px; margin: 0 0 0.5rem; color: #b42318; }
#lianjian-check ul { margin: 0 0 0.5rem; padding-left: 1.25rem; }
.lianjian-field-error { color: #b42318; margin: 0.25rem 0 0; }
`;

/** Files of the bundled page script by name (`editor.js` and the assets it loads), served under /admin/. */
export type EditorAssets = ReadonlyMap<string, Uint8Array>;

/** Bundles the page script with Decap and React, once when the editor starts. */
export async function bundleEditorScript(entry: string): Promise<EditorAssets> {
  const result = await build({
    entryPoints: { editor: entry },
    bundle: true,
    format: 'esm',
    minify: true,
    write: false,
    outdir: '/admin',
    publicPath: '/admin/',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    loader: { '.wasm': 'file', '.woff': 'file', '.woff2': 'file', '.ttf': 'file' },
    logLevel: 'error',
  });
  const files = new Map(result.outputFiles.map((f) => [basename(f.path), f.contents]));
  if (!files.has('editor.js')) throw new Error('编辑器脚本打包失败');
  return files;
}

const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf' };

function readBody(req: IncomingMessage, limit = 5_000_000): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) reject(new Error('请求太大'));
      else chunks.push(c);
    });
    req.on('end', () => resolvePromise(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string | Uint8Array, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...extra });
  res.end(body);
}

function isProposed(v: unknown): v is ProposedEntry {
  if (!v || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  return typeof o['collection'] === 'string' && typeof o['slug'] === 'string' && typeof o['text'] === 'string';
}

export function createEditorServer(options: EditorServerOptions): Server {
  const log = options.log ?? (() => undefined);
  const policy = csp(options.config);
  const page = editorPage(options.previewUrl);
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    void (async () => {
      try {
        if (req.method === 'GET' && (url.pathname === '/' || url.pathname === '/admin')) {
          res.writeHead(302, { location: '/admin/' }).end();
        } else if (req.method === 'GET' && url.pathname === '/admin/') {
          send(res, 200, 'text/html; charset=utf-8', page, { 'content-security-policy': policy, 'referrer-policy': 'same-origin' });
        } else if (req.method === 'GET' && url.pathname === '/admin/editor.css') {
          send(res, 200, 'text/css; charset=utf-8', PAGE_CSS);
        } else if (req.method === 'GET' && url.pathname === '/admin/config.json') {
          send(res, 200, 'application/json; charset=utf-8', JSON.stringify(options.config));
        } else if (req.method === 'POST' && url.pathname === '/admin/check') {
          const body: unknown = JSON.parse(await readBody(req));
          if (!isProposed(body)) {
            send(res, 400, 'application/json; charset=utf-8', JSON.stringify({ error: '请求应包含 collection、slug 和 text' }));
            return;
          }
          const result = checkProposedEntry(options.contentDir, body);
          log(`检查${describeProposed(body)}：${result.problems.length === 0 ? '通过' : `${result.problems.length} 处问题`}`);
          send(res, 200, 'application/json; charset=utf-8', JSON.stringify(result));
        } else if (req.method === 'GET' && options.assets.has(url.pathname.slice('/admin/'.length)) && url.pathname.startsWith('/admin/')) {
          const name = url.pathname.slice('/admin/'.length);
          send(res, 200, TYPES[extname(name)] ?? 'application/octet-stream', options.assets.get(name) ?? '');
        } else {
          send(res, 404, 'text/plain; charset=utf-8', '没有这个页面');
        }
      } catch (err) {
        send(res, 500, 'text/plain; charset=utf-8', `编辑服务出错：${err instanceof Error ? err.message : String(err)}`);
      }
    })();
  });
}
