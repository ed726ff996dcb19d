/**
 * Larger text that persists with no script on reading pages. Every page links one stylesheet,
 * TEXT_SIZE_CSS; as built it changes nothing. The text-size page (an interactive page with its own
 * script) stores the reader's choice in a cookie, and the server answers TEXT_SIZE_CSS with that
 * size's stylesheet: the project's own server (static-server.ts, used by the intranet package) and
 * the nginx configuration (deploy.ts) both do. On a host that can do neither, the text-size page
 * falls back to a service worker (public/text-size-sw.js) that answers the same URL from the
 * browser's cache storage.
 *
 * Cookie shape: `lianjian_text_size=<id>` where <id> is one of TEXT_SIZES; anything else means
 * standard. Underscores, because nginx exposes a cookie as $cookie_<name> and a hyphen cannot
 * appear there.
 */

export const TEXT_SIZES = [
  { id: 'standard', label: '标准', percent: 100 },
  { id: 'large', label: '大', percent: 125 },
  { id: 'larger', label: '特大', percent: 150 },
] as const;

export type TextSizeId = (typeof TEXT_SIZES)[number]['id'];

export const TEXT_SIZE_COOKIE = 'lianjian_text_size';
/** The stylesheet every page links; what it contains depends on the reader's choice. */
export const TEXT_SIZE_CSS = '/text-size/current.css';
/** Where each size's stylesheet is written at build time, for servers to answer TEXT_SIZE_CSS with. */
export const textSizeCssPath = (id: TextSizeId) => `/text-size/${id}.css`;
/** The cache-storage name the service-worker fallback reads (public/text-size-sw.js repeats it). */
export const TEXT_SIZE_CACHE = 'lianjian-text-size';
export const TEXT_SIZE_WORKER = '/text-size-sw.js';
/** A year: the choice outlives the session, as 适老化 guidance asks. */
const MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

export function isTextSize(value: unknown): value is TextSizeId {
  return TEXT_SIZES.some((s) => s.id === value);
}

/**
 * The stylesheet for a size. `html:root` outranks the base stylesheet's `html` rule wherever the
 * link lands in <head>; every length on the site is in rem, so one root size scales all of it.
 * Each size's stylesheet differs, so the text-size page can tell which one the site is serving.
 */
export function textSizeCss(id: TextSizeId): string {
  const size = TEXT_SIZES.find((s) => s.id === id) ?? TEXT_SIZES[0];
  if (size.percent === 100) return `/* 字号：${size.label}。不改变任何样式。 */\n`;
  // Screen only: print keeps its own sizes.
  return `/* 字号：${size.label}（${size.percent}%） */\n@media screen { html:root { font-size: ${size.percent}%; } }\n`;
}

/** The reader's choice from a Cookie header (or document.cookie); standard when absent or unknown. */
export function textSizeFromCookie(header: string | undefined | null): TextSizeId {
  for (const part of (header ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name !== TEXT_SIZE_COOKIE) continue;
    const value = rest.join('=');
    return isTextSize(value) ? value : 'standard';
  }
  return 'standard';
}

/** Which size a served stylesheet is, if it is one of ours. */
export function textSizeOfCss(css: string): TextSizeId | undefined {
  return TEXT_SIZES.find((s) => textSizeCss(s.id) === css)?.id;
}

/** The cookie that records a choice; choosing standard deletes it. */
export function textSizeCookie(id: TextSizeId): string {
  const maxAge = id === 'standard' ? 0 : MAX_AGE_SECONDS;
  return `${TEXT_SIZE_COOKIE}=${id}; Path=/; Max-Age=${maxAge}; SameSite=Lax`;
}

/**
 * Where "back to the page you were reading" goes: the referring page when it is on this site and
 * is not the text-size page itself; otherwise nowhere (the page offers the home page instead).
 */
export function returnPath(referrer: string, origin: string): string | undefined {
  let url: URL;
  try {
    url = new URL(referrer);
  } catch {
    return undefined;
  }
  if (url.origin !== origin || url.pathname.startsWith('/text-size/')) return undefined;
  return `${url.pathname}${url.search}${url.hash}`;
}
