/**
 * The case library's filter as it lives in the URL: `/cases/?sector=engineering&tier=leader`,
 * one value per facet, facets combined with AND. Values are the ids of the static facet pages,
 * so a filtered URL and a facet page name the same thing.
 */
export const FACET_KEYS = ['sector', 'risk', 'violation', 'tier', 'stage', 'year', 'unit'] as const;
export type FacetKey = (typeof FACET_KEYS)[number];
export type Selection = Partial<Record<FacetKey, string>>;

const isFacet = (k: string): k is FacetKey => (FACET_KEYS as readonly string[]).includes(k);

export function readSelection(search: string): Selection {
  const params = new URLSearchParams(search);
  const out: Selection = {};
  for (const [k, v] of params) if (isFacet(k) && v && out[k] === undefined) out[k] = v;
  return out;
}

export function writeSelection(selection: Selection): string {
  const params = new URLSearchParams();
  for (const k of FACET_KEYS) {
    const v = selection[k];
    if (v) params.set(k, v);
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** Selecting the value already selected clears that facet; another value replaces it. */
export function toggle(selection: Selection, key: FacetKey, value: string): Selection {
  const next: Selection = { ...selection };
  if (next[key] === value) delete next[key];
  else next[key] = value;
  return next;
}

export function isEmpty(selection: Selection): boolean {
  return FACET_KEYS.every((k) => !selection[k]);
}

/**
 * Pagefind filters for a selection. `filterValue` maps an id to the value the case pages
 * carry (工程建设 for engineering); unknown ids map to undefined and are dropped, reported back.
 */
export function pagefindFilters(selection: Selection, filterValue: (key: FacetKey, id: string) => string | undefined): { filters: Record<string, string>; unknown: FacetKey[] } {
  const filters: Record<string, string> = { kind: '案例' };
  const unknown: FacetKey[] = [];
  for (const k of FACET_KEYS) {
    const id = selection[k];
    if (!id) continue;
    const value = filterValue(k, id);
    if (value === undefined) unknown.push(k);
    else filters[k] = value;
  }
  return { filters, unknown };
}

export type Counts = Record<string, Record<string, number>>;

/**
 * The searches behind honest facet counts. Pagefind counts each value as "the selection plus
 * this value", which is right for a facet nobody chose yet; for a chosen facet that would show
 * every other value as 0, though choosing it replaces the current value. So a chosen facet is
 * counted on the selection without it. One search for the selection, one more per chosen facet.
 */
export function countSearches(selection: Selection): { selection: Selection; facets: FacetKey[] }[] {
  const chosen = FACET_KEYS.filter((k) => selection[k]);
  return [
    { selection, facets: FACET_KEYS.filter((k) => !selection[k]) },
    ...chosen.map((k) => {
      const without: Selection = { ...selection };
      delete without[k];
      return { selection: without, facets: [k] };
    }),
  ];
}

/** Each facet's counts taken from the search that counts it (see countSearches). */
export function mergeCounts(parts: { facets: readonly FacetKey[]; counts: Counts }[]): Counts {
  const out: Counts = {};
  for (const { facets, counts } of parts) for (const k of facets) out[k] = counts[k] ?? {};
  return out;
}
