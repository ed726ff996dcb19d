/**
 * What a web server must send with the built site: the Content Security Policy Astro writes into
 * each page's <meta>, repeated as a header (a header also covers files that are not HTML), and an
 * nginx configuration that serves the site with it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { TEXT_SIZE_COOKIE, TEXT_SIZE_CSS, TEXT_SIZES, textSizeCookie, textSizeCssPath } from './text-size.ts';

/**
 * Sent with every response besides the CSP, by every server we ship and by nginx.conf: no content
 * sniffing (a text file is never run as script), and the full address never leaves the site.
 */
export const SECURITY_HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'same-origin' } as const;

export type Policy = Map<string, Set<string>>;

/** The policy of a built page's CSP <meta>, directive by directive. */
export function pagePolicy(html: string): Policy {
  const m = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html);
  if (!m?.[1]) throw new Error('页面中没有 Content-Security-Policy <meta>，请确认 astro.config.mjs 启用了 security.csp');
  const policy: Policy = new Map();
  for (const part of m[1].split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) policy.set(name, new Set(sources));
  }
  return policy;
}

/**
 * One header for the whole site. Astro hashes each page's own inline styles and scripts, so pages
 * can differ by a hash or two; the header allows the union of what the pages allow — still only
 * this site's own inline code, never 'unsafe-inline'.
 */
export function cspHeader(pages: readonly string[]): string {
  const union: Policy = new Map();
  for (const html of pages) {
    for (const [name, sources] of pagePolicy(html)) {
      const set = union.get(name) ?? new Set<string>();
      for (const s of sources) set.add(s);
      union.set(name, set);
    }
  }
  // frame-ancestors only works as a header; it keeps the site from being framed.
  union.set('frame-ancestors', new Set(["'none'"]));
  return [...union].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? htmlFiles(join(dir, d.name)) : d.name.endsWith('.html') ? [join(dir, d.name)] : []));
}

/** The header for a built site folder, from every page in it (a folder without pages allows only itself). */
export function siteCsp(dir: string): string {
  const pages = htmlFiles(dir).map((file) => {
    const html = readFileSync(file, 'utf8');
    try {
      pagePolicy(html);
    } catch (err) {
      throw new Error(`${relative(process.cwd(), file)}：${(err as Error).message}`);
    }
    return html;
  });
  return pages.length > 0 ? cspHeader(pages) : `default-src 'self'; ${cspHeader([])}`;
}

/** Whether a page's own policy allows nothing the header does not. */
export function covers(header: string, page: Policy): boolean {
  const h = new Map(header.split(';').map((p) => p.trim().split(/\s+/)).map(([n, ...s]) => [n ?? '', new Set(s)] as const));
  return [...page].every(([name, sources]) => [...sources].every((s) => h.get(name)?.has(s)));
}

/** `cors`: the sites allowed to search this one's bundle (issue 20, LIANJIAN_CORS_ORIGINS at packaging). */
export function nginxConfig(root: string, csp: string, cors: readonly string[] = []): string {
  const larger = TEXT_SIZES.filter((s) => s.id !== 'standard');
  const headers = [`add_header Content-Security-Policy "${csp}" always;`, ...Object.entries(SECURITY_HEADERS).map(([name, value]) => `add_header ${name} "${value}" always;`)];
  const indent = (lines: readonly string[], by: string) => lines.map((l) => `${by}${l}`).join('\n');
  return `# 廉鉴站点的 nginx 配置（放在 http 块内，如 /etc/nginx/conf.d/lianjian.conf）。root 指向构建出的站点目录。

# 读者在 /text-size/ 选的字号记在 cookie 里，每个页面都引用 ${TEXT_SIZE_CSS}，由这里换成对应字号的样式表，
# 并重新发一次 cookie（有的浏览器只把脚本写的 cookie 保留 7 天）。
map $cookie_${TEXT_SIZE_COOKIE} $lianjian_text_size_css {
    default ${textSizeCssPath('standard')};
${indent(larger.map((s) => `${s.id} ${textSizeCssPath(s.id)};`), '    ')}
}
map $cookie_${TEXT_SIZE_COOKIE} $lianjian_text_size_cookie {
    default "";
${indent(larger.map((s) => `${s.id} "${textSizeCookie(s.id)}";`), '    ')}
}

# 成员站点（议题 20）：省级平台等站点的搜索页直接读取本站的搜索索引（/pagefind*/、/narrative/）和数据导出
# （/network/export.json），浏览器要求本站以 CORS 头放行对方的地址。只放行列出的站点，不用 *：
# 内网中，读者打开的任何外部网页都可能借读者的浏览器读取内网索引。要增加一个站点，照样加一行：
#     "https://lianjian.省级平台.cn" $http_origin;
map $http_origin $lianjian_cors {
    default "";
${indent(cors.map((o) => `"${o}" $http_origin;`), '    ')}
}

server {
    listen 80;
    server_name _;
    root ${root};
    charset utf-8;

${indent(headers, '    ')}

    # 压缩文本（HTML 默认压缩）；Pagefind 的索引文件和案情索引的 .bin 文件已经压缩过，原样发送。
    gzip on;
    gzip_vary on;
    gzip_types text/css text/javascript application/javascript application/json application/xml text/xml image/svg+xml text/plain text/markdown;

    # Pagefind 的 WebAssembly 与索引分片
    types {
        application/wasm wasm;
    }
    include /etc/nginx/mime.types;

    location / {
        try_files $uri $uri/ $uri/index.html =404;
    }
    # 值为空时不发送这个头：未列出的站点读不到。
    location ~ ^/(pagefind[^/]*/|narrative/|network/export\.json$) {
${indent(headers, '        ')}
        add_header Access-Control-Allow-Origin $lianjian_cors always;
        add_header Vary Origin always;
        try_files $uri =404;
    }
    # 字号样式表随 cookie 变化，每次打开页面都向服务器确认。location 里的 add_header
    # 会取代上面的那几行，所以在这里重复一遍；值为空的 Set-Cookie 不会发送。
    location = ${TEXT_SIZE_CSS} {
        expires epoch;
${indent(headers, '        ')}
        add_header Vary Cookie always;
        add_header Set-Cookie $lianjian_text_size_cookie;
        try_files $lianjian_text_size_css =404;
    }
    error_page 404 /404.html;
}
`;
}
