/**
 * Shared reference pages listed once in a federated search (issue 20). Members take their rules
 * and risk points from the parent site's export (src/lib/federation.ts), so the same rule sits on
 * every member at the same path: merged by score, one search for 受贿 showed the same 《…》 once per
 * member and crowded out half the first page. A page of a shared kind served by several sources
 * at the same path under the same title is one page: this site's copy when it has one (its links
 * stay on this site), otherwise the best-scored member's, listed where the best copy ranked.
 *
 * Cases, modules, culture items, indicators and self-checks are each unit's own writing: two
 * members' 张某 cases at one path are two cases, so they are never collapsed.
 */
import type { PagefindResultData } from './pagefind.ts';

/**
 * The page kinds (BaseLayout `kind`) a member republishes from its parent's export: 制度 (documents),
 * 条款 (their articles' own records, lib/search-index.ts articleRecords) and 风险点
 * (taxonomies.riskPoints). Sectors and violation types have no pages of their own in the index.
 */
export const SHARED_KINDS: readonly string[] = ['制度', '条款', '风险点'];

/** How many of the merged results are read to find copies: the pages a reader looks at (search-page's relaxed depth). */
export const SHARED_DEPTH = 30;

/**
 * What makes two sources' results the same shared page: kind, path on its own site and title
 * (a unit's own rule, layer unit, may share an id with another unit's but not its title too).
 * Undefined for every other kind. `base` is the member's address; this site's URLs are root paths.
 */
export function sharedKey(d: PagefindResultData, base?: string): string | undefined {
  const kind = d.meta['kind'];
  if (!kind || !SHARED_KINDS.includes(kind)) return undefined;
  const url = new URL(d.url, base ?? 'http://self.invalid/');
  const root = new URL(base ?? 'http://self.invalid/');
  const path = url.origin === root.origin && url.pathname.startsWith(root.pathname) ? url.pathname.slice(root.pathname.length) : url.pathname.replace(/^\//, '');
  // With the anchor: two articles of one rule are two results, one article from two members is one.
  return `${kind}\u0000${path}${url.hash}\u0000${d.meta['title'] ?? ''}`;
}

export interface Sourced<T> {
  item: T;
  source: string;
  /** sharedKey of its data; undefined when it is not a shared page or its data is not read. */
  key: string | undefined;
}

/**
 * The merged list (best first) with each shared page once, at the rank of its best copy: this
 * site's copy (source `self`) when it has one, otherwise the first. Later copies are dropped, so
 * the next result moves up into the freed slot.
 */
export function collapseShared<T>(list: readonly Sourced<T>[], self: string): T[] {
  const chosen = new Map<string, Sourced<T>>();
  for (const s of list) {
    if (s.key === undefined) continue;
    const kept = chosen.get(s.key);
    if (!kept || (s.source === self && kept.source !== self)) chosen.set(s.key, s);
  }
  const placed = new Set<string>();
  const out: T[] = [];
  for (const s of list) {
    if (s.key === undefined) {
      out.push(s.item);
      continue;
    }
    if (placed.has(s.key)) continue;
    placed.add(s.key);
    out.push((chosen.get(s.key) as Sourced<T>).item);
  }
  return out;
}
