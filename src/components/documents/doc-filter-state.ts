/**
 * The document list's filter, kept in the URL: `/documents/?status=current&issuer=…`.
 * Both filters are optional; an item shows when it matches every one that is set.
 */
export interface DocFilter {
  status: string;
  issuer: string;
}

export function readFilter(search: string): DocFilter {
  const p = new URLSearchParams(search);
  return { status: p.get('status') ?? '', issuer: p.get('issuer') ?? '' };
}

export function writeFilter(f: DocFilter): string {
  const p = new URLSearchParams();
  if (f.status) p.set('status', f.status);
  if (f.issuer) p.set('issuer', f.issuer);
  const s = p.toString();
  return s ? `?${s}` : '';
}

export function matches(item: { status: string; issuer: string }, f: DocFilter): boolean {
  return (!f.status || item.status === f.status) && (!f.issuer || item.issuer === f.issuer);
}
