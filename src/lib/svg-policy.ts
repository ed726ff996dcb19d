/**
 * What an SVG may contain before it is published. An SVG opened directly (not through an <img>)
 * is a document on the site's origin: a script in it runs wherever the host does not send the
 * site's CSP header. Editors' images are drawn for this project, so anything beyond shapes and
 * text means the file came from elsewhere or was exported with extras; it is rejected, naming what
 * to remove, rather than silently rewritten (see the commit introducing this file for why).
 */
import { findPersonalData, type PersonalDataFinding } from './personal-data.ts';

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", colon: ':', sol: '/', tab: '\t', newline: '\n' };

/** Entities decoded, so `jav&#x61;script:` and `&#x2F;&#x2F;host` are seen for what they are. */
function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]+));?/g, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    const code = dec ? Number(dec) : hex ? Number.parseInt(hex, 16) : undefined;
    if (code !== undefined) return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    return NAMED[(name ?? '').toLowerCase()] ?? whole;
  });
}

/** Attribute values and CSS `url()`s that load something. */
const LINKS = /(?:\s(?:xlink:)?href|\ssrc)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))|url\(\s*(?:"([^"]*)"|'([^']*)'|([^)]*))\)|@import\s+(?:"([^"]*)"|'([^']*)')/gi;

/** Chinese descriptions of everything unsafe in an SVG; empty when it is safe to publish. */
export function unsafeSvgParts(svg: string): string[] {
  const text = decodeEntities(svg);
  const found = new Set<string>();
  if (/<\s*script\b/i.test(text)) found.add('<script> 脚本');
  for (const tag of text.matchAll(/<[a-zA-Z][^>]*>/g)) {
    for (const m of tag[0].matchAll(/[\s"'/]on([a-z]+)\s*=/gi)) found.add(`事件属性 on${(m[1] ?? '').toLowerCase()}`);
  }
  if (/<\s*foreignObject\b/i.test(text)) found.add('<foreignObject>（可嵌入网页内容）');
  if (/<\s*(?:iframe|embed|object)\b/i.test(text)) found.add('嵌入的网页或插件（<iframe>、<embed>、<object>）');
  if (/<!\s*(?:DOCTYPE|ENTITY)/i.test(text)) found.add('DOCTYPE/ENTITY 声明');
  // Control characters and whitespace inside a scheme (`java\tscript:`) still run in some browsers.
  const squeezed = text.replace(/[\s\u0000-\u001f]+/g, '');
  if (/javascript:/i.test(squeezed) || /vbscript:/i.test(squeezed)) found.add('javascript: 链接');
  for (const m of text.matchAll(LINKS)) {
    const value = (m.slice(1).find((v) => v !== undefined) ?? '').replace(/[\s\u0000-\u001f]+/g, '');
    if (/^data:/i.test(value)) found.add('data: 链接（内嵌的图片或文件）');
    else if (/^(?:[a-z][a-z0-9+.-]*:|\/\/|\\\\)/i.test(value) && !/^javascript:/i.test(value)) found.add(`指向外部的引用 ${value.slice(0, 60)}`);
  }
  return [...found];
}

/**
 * The text an SVG shows (and its title, description and labels), for the personal-data scan.
 * Pieces of one line (`<tspan>`) are joined; separate text elements are kept apart so numeric
 * chart labels side by side are not read as one long number.
 */
export function svgText(svg: string): string {
  const labels = [...svg.matchAll(/\s(?:aria-label|title)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)].map((m) => m[1] ?? m[2] ?? '');
  const body = svg
    .replace(/<!--[\s\S]*?-->/g, '|')
    .replace(/<\/?tspan\b[^>]*>/gi, '')
    .replace(/<[^>]*>/g, '|');
  return decodeEntities([body, ...labels].join('|'));
}

export function personalDataInSvg(svg: string): PersonalDataFinding[] {
  return findPersonalData(svgText(svg));
}
