/**
 * What a web server must send with the built site: the Content Security Policy Astro writes into
 * each page's <meta>, repeated as a header (a header also covers files that are not HTML), and an
 * nginx configuration that serves the site with it.
 */

/** The policy from a built page's CSP <meta>, for use as an HTTP header. */
export function cspHeader(html: string): string {
  const m = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html);
  if (!m?.[1]) throw new Error('页面中没有 Content-Security-Policy <meta>，请确认 astro.config.mjs 启用了 security.csp');
  // frame-ancestors only works as a header; it keeps the site from being framed.
  return `${m[1].replace(/\s+/g, ' ').trim()} frame-ancestors 'none';`;
}

export function nginxConfig(root: string, csp: string): string {
  return `# 廉鉴站点的 nginx 配置示例。root 指向构建出的站点目录。
server {
    listen 80;
    server_name _;
    root ${root};
    charset utf-8;

    add_header Content-Security-Policy "${csp}" always;
    add_header X-Content-Type-Options "nosniff" always;
    add_header Referrer-Policy "same-origin" always;

    # Pagefind 的 WebAssembly 与索引分片
    types {
        application/wasm wasm;
    }
    include /etc/nginx/mime.types;

    location / {
        try_files $uri $uri/ $uri/index.html =404;
    }
    error_page 404 /404.html;
}
`;
}
