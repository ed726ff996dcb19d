/**
 * The document list's filter, kept in the URL: `/documents/?status=current&issuer=…&unit=…`.
 * Every filter is optional; an item shows when it matches every one that is set. `unit` is the
 * contributing unit's id (供稿单位).
 */
export const DOC_FILTER_KEYS = ['status', 'issuer', 'unit'] as const;
export type DocFilterKey = (typeof DOC_FILTER_KEYS)[number];
export type DocFilter = Record<DocFilterKey, string>;

export function readFilter(search: string): DocFilter {
  const p = new URLSearchParams(search);
  return { status: p.get('status') ?? '', issuer: p.get('issuer') ?? '', unit: p.get('unit') ?? '' };
}

export function writeFilter(f: DocFilter): string {
  const p = new URLSearchParams();
  for (const key of DOC_FILTER_KEYS) if (f[key]) p.set(key, f[key]);
  const s = p.toString();
  return s ? `?${s}` : '';
}

export function matches(item: DocFilter, f: DocFilter): boolean {
  return DOC_FILTER_KEYS.every((key) => !f[key] || item[key] === f[key]);
}
