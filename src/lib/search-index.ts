/**
 * How pages are presented to the search indexer. The built HTML stays as it is; the indexer sees
 * each content page's main region with the missing forms of its synonym groups added, articles of
 * rules as records of their own (so 第二十八条 lands on the article), and pages split into shards
 * of bounded size so Chinese segmentation never needs more memory than one shard takes.
 */
import { articleLabel } from './cn-numerals.ts';
import { urls } from './urls.ts';
import { SYNONYM_MARK } from './search-mark.ts';
import type { DocumentData } from '../schemas/document.ts';

export interface SynonymGroup {
  terms: readonly string[];
}

/** The words a page lacks from each synonym group it touches. */
export function missingSynonyms(text: string, groups: readonly SynonymGroup[]): string[] {
  const out = new Set<string>();
  for (const g of groups) {
    if (!g.terms.some((t) => text.includes(t))) continue;
    for (const t of g.terms) if (!text.includes(t)) out.add(t);
  }
  return [...out];
}

export { SYNONYM_MARK } from './search-mark.ts';

const MAIN = /<main\b[^>]*\bdata-pagefind-body\b[^>]*>[\s\S]*<\/main>/;
const TITLE = /<title>[\s\S]*?<\/title>/;

/**
 * Labels repeated on every page of a kind (重点领域, 对领导干部, 党纪处分, the chain's note): each adds a
 * posting per page and nothing a searcher types, and Chinese segmentation costs memory per indexed
 * character. One rule here rather than an attribute on every label.
 */
export const INDEX_EXCLUDE: readonly string[] = ['.meta-list dt', '.lessons dt', '.chain__step > strong', '.chain__note'];

/** A content page: its <main> carries data-pagefind-body (BaseLayout sets it for pages of a kind). */
export const isContentPage = (html: string) => MAIN.test(html);

const IGNORED = /<([a-z][a-z0-9]*)\b[^>]*\sdata-pagefind-ignore\b[^>]*>/g;
const VOID = new Set(['area', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** Where the element whose start tag ends at `from` closes, counting nested elements of its name. */
function closeOf(html: string, tag: string, from: number): number {
  if (VOID.has(tag)) return from;
  const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'g');
  re.lastIndex = from;
  let depth = 1;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return re.lastIndex;
  }
  return html.length;
}

/**
 * The text the indexer reads from a page: elements marked data-pagefind-ignore (a case's narrative,
 * related cases) left out, so synonyms are added only for words the record really holds.
 */
export function indexedText(html: string): string {
  let text = '';
  let at = 0;
  IGNORED.lastIndex = 0;
  for (let m = IGNORED.exec(html); m; m = IGNORED.exec(html)) {
    text += html.slice(at, m.index);
    at = closeOf(html, m[1] ?? '', IGNORED.lastIndex);
    IGNORED.lastIndex = at;
  }
  return `${text}${html.slice(at)}`.replace(/<[^>]+>/g, ' ');
}

/**
 * What the indexer sees of a built content page: its <main> and <title> only, with the missing
 * forms of its synonym groups added at the end, where they weigh least. Header, footer and head
 * would only be parsed to be thrown away; the page on disk is left as it is.
 * Returns undefined for a page that is not a content page.
 */
export function pageForIndex(html: string, groups: readonly SynonymGroup[]): string | undefined {
  const main = MAIN.exec(html)?.[0];
  if (!main) return undefined;
  const extra = missingSynonyms(indexedText(main), groups);
  const at = main.lastIndexOf('</main>');
  // Sorting by year keeps every result: a page with no year of its own sorts last instead of vanishing.
  const undated = /data-pagefind-sort="year/.test(main) ? '' : '<span data-pagefind-sort="year:0"></span>';
  const tail = `${undated}${headAliases(main, groups)}${extra.length === 0 ? '' : `<p data-pagefind-weight="0.5">${SYNONYM_MARK}${extra.join(' ')}</p>`}`;
  const body = tail ? `${main.slice(0, at)}${tail}</main>` : main;
  return `<!doctype html><html lang="zh-CN"><head>${TITLE.exec(html)?.[0] ?? ''}</head><body>${body}</body></html>`;
}

const SUMMARY = /<([a-z][a-z0-9]*)\b[^>]*\sdata-pagefind-meta="summary"[^>]*>([\s\S]*?)<\/\1>/;
const plain = (html: string | undefined) => (html ?? '').replace(/<[^>]+>/g, '');

/**
 * The other forms of the synonym groups a page's title and summary touch, as metadata (stored with
 * the result, never indexed): the search page ranks 「补助被村干部扣了」's case whose summary says
 * 补贴 as a title-and-summary match (rank.ts), as it would had the summary said 补助. Empty when
 * neither touches a group.
 */
function headAliases(main: string, groups: readonly SynonymGroup[]): string {
  const meta = (key: string, words: string[]) => (words.length === 0 ? '' : `<span data-pagefind-meta="${key}:${words.join('|')}"></span>`);
  return `${meta('titleAliases', missingSynonyms(plain(H1.exec(main)?.[1]), groups))}${meta('summaryAliases', missingSynonyms(plain(SUMMARY.exec(main)?.[2]), groups))}`;
}

/** The elements of a case page that form its narrative record: 基本案情 … 整改措施, 以案四说, 讨论题. */
const NARRATIVE = /<([a-z][a-z0-9]*)\b[^>]*\sdata-search-narrative\b[^>]*>/g;
const H1 = /<h1\b[^>]*>([\s\S]*?)<\/h1>/;
const FILTER = /<([a-z][a-z0-9]*)\b[^>]*\sdata-pagefind-filter="([a-z]+)"[^>]*>([\s\S]*?)<\/\1>/g;
const SORT_YEAR = /data-pagefind-sort="year(?::(\d+))?"[^>]*>(\d*)</;

/** Block elements: their text is a block of its own in the record's stored text. */
const BLOCK = /<\/?(?:p|div|section|article|aside|header|footer|h[1-6]|ul|ol|li|dl|dt|dd|blockquote|table|tr|td|th|figure|figcaption|br)\b[^>]*>/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const decode = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] !== '#') return ENTITIES[e.toLowerCase()] ?? m;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : m;
  });

/** An element's readable text: blocks joined as Pagefind joins them (". "), inline markup dropped. */
export function blockText(html: string): string {
  return decode(html.replace(BLOCK, '\n').replace(/<[^>]+>/g, ''))
    .split(/\s*\n\s*/)
    .map((b) => b.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('. ');
}

export interface NarrativeRecord {
  title: string;
  kind?: string | undefined;
  /** The record's readable text (title and narrative): what is indexed, and what excerpts are cut from and checked against. */
  text: string;
  /** The page's facet values (data-pagefind-filter), so facet filters treat the record as the case. */
  filters: Record<string, string[]>;
  /** The year the page sorts by; 0 for none. */
  year: number;
}

/**
 * A case's narrative as a record of the narrative index (lib/narrative-writer.ts), searched only
 * when the main bundle's answer is thin: the case's title, to combine a title word with a detail,
 * and the narrative sections, with the page's filters and year. Undefined for a page with no narrative.
 */
export function narrativeRecord(html: string): NarrativeRecord | undefined {
  const main = MAIN.exec(html)?.[0];
  if (!main) return undefined;
  const parts: string[] = [];
  NARRATIVE.lastIndex = 0;
  for (let m = NARRATIVE.exec(main); m; m = NARRATIVE.exec(main)) {
    const end = closeOf(main, m[1] ?? '', NARRATIVE.lastIndex);
    parts.push(main.slice(m.index, end));
    NARRATIVE.lastIndex = end;
  }
  if (parts.length === 0) return undefined;
  const title = decode(H1.exec(main)?.[1]?.replace(/<[^>]+>/g, '').trim() ?? '');
  const kind = /<main\b[^>]*\bdata-pagefind-filter="kind:([^"]+)"/.exec(main)?.[1];
  const filters: Record<string, string[]> = kind ? { kind: [kind] } : {};
  for (const f of main.matchAll(FILTER)) (filters[f[2] ?? ''] ??= []).push(decode((f[3] ?? '').replace(/<[^>]+>/g, '')).trim());
  const sort = SORT_YEAR.exec(main);
  return { title, kind, text: [title, ...parts.map(blockText)].filter(Boolean).join('. '), filters, year: Number(sort?.[1] ?? sort?.[2] ?? 0) || 0 };
}

export interface ArticleRecord {
  url: string;
  /** A small HTML page for the indexer: the article's label weighs like a title, its text lightly. */
  content: string;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * One search record per article, found by 第二十八条, 第28条 or 监察法第二十八条 and landing on its
 * anchor. Its text weighs less than a page's, so a query for a rule's name still ranks the rule's
 * own page above the many articles that repeat that name.
 */
export function articleRecords(id: string, doc: DocumentData, statusLabel: string): ArticleRecord[] {
  return doc.articles.map((a) => {
    const label = articleLabel(a.n);
    const arabic = `第${a.n.replace('-', '条之')}条`.replace(/条之(\d+)条$/, '条之$1');
    const title = `《${doc.shortTitle}》${label}${a.title ? ` ${a.title}` : ''}`;
    // The rule's name stays out of the heading: a heading weighs most, and the name belongs to the rule's page.
    const content = [
      // One meta per attribute: Pagefind reads 「kind:条款, title:…」 as a single kind value.
      `<html lang="zh-CN"><body><main data-pagefind-body data-pagefind-meta="kind:条款" data-pagefind-filter="kind:制度">`,
      `<h1 data-pagefind-meta="title:${escape(title)}" data-pagefind-sort="year:${doc.effective.getUTCFullYear()}">${escape(label)}</h1>`,
      `<p data-pagefind-weight="0.5">${escape(`${doc.shortTitle}${label} ${arabic}`)}</p>`,
      `<p data-pagefind-weight="0.3" data-pagefind-meta="summary">${escape(a.text)}</p>`,
      `<span data-pagefind-filter="status">${escape(statusLabel)}</span>`,
      '</main></body></html>',
    ].join('');
    return { url: urls.article(id, a.n), content };
  });
}

/** A stable shard for a page, so a page stays in its shard from build to build. */
export function shardOf(path: string, shards: number): number {
  let h = 2166136261;
  for (let i = 0; i < path.length; i++) {
    h ^= path.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0) % Math.max(1, shards);
}

export const shardCount = (pages: number, perShard: number) => Math.max(1, Math.ceil(pages / Math.max(1, perShard)));

/** The shard manifest the browser reads to merge every shard into one search (see search/pagefind.ts). */
export const SHARD_MANIFEST = 'pagefind/lianjian-shards.json';
export const shardDir = (i: number) => (i === 0 ? 'pagefind' : `pagefind-${i}`);
/** The narrative index's folder (lib/pair-index.ts), named in the shard manifest. */
export const NARRATIVE_DIR = 'narrative';
/** URL paths of the search's files, as the benchmarks count them: every index folder, and the narrative index's. */
export const INDEX_PATH = /^\/(?:pagefind(?:-\d+)?|narrative)\//;
export const NARRATIVE_PATH = /^\/narrative\//;

/** What lianjian-shards.json tells the browser: the main bundle's extra shards and the narrative index's folder. */
export interface ShardManifest {
  shards: string[];
  narrative?: string;
}
