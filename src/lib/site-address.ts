/**
 * The site's public address (LIANJIAN_SITE): canonical links, Open Graph, feeds and the sitemap
 * are built from it. The placeholder keeps a local build working, but a package someone deploys
 * must never carry it: every shared link would be dead.
 */
export const PLACEHOLDER_SITE = 'https://lianjian.example.cn';

export type SiteCheck = { ok: true; url: string } | { ok: false; error: string };

export function checkSiteAddress(value: string | undefined): SiteCheck {
  const text = value?.trim() ?? '';
  if (!text) return { ok: false, error: '没有给出站点地址。' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, error: `“${text}”不是完整的网址，应写成 https://lianjian.某单位.cn/ 这样，以 http:// 或 https:// 开头。` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, error: `站点地址应以 http:// 或 https:// 开头，而不是“${url.protocol}”。` };
  if (url.hostname === new URL(PLACEHOLDER_SITE).hostname) return { ok: false, error: `${url.hostname} 只是示例地址，用它生成的分享链接、订阅源和站点地图都打不开。请给出内网实际访问本站的地址。` };
  return { ok: true, url: url.origin + (url.pathname === '/' ? '' : url.pathname.replace(/\/$/, '')) };
}

/** `--site https://…` or `--site=https://…` from a command line; undefined when absent. */
export function siteArgument(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--site') return argv[i + 1] ?? '';
    if (arg.startsWith('--site=')) return arg.slice('--site='.length);
  }
  return undefined;
}
