/**
 * Previous / next links over an ordered list. The positions are indexed once, so the lookup every
 * detail page makes costs the same at 20,000 entries as at 20 (a scan per page made the whole
 * build quadratic in the number of cases).
 */
export function neighbourLookup<T extends { id: string }>(list: readonly T[]): (id: string) => { previous?: T; next?: T } {
  const position = new Map(list.map((e, i) => [e.id, i]));
  return (id) => {
    const i = position.get(id);
    if (i === undefined) return {};
    const previous = list[i - 1];
    const next = list[i + 1];
    return { ...(previous ? { previous } : {}), ...(next ? { next } : {}) };
  };
}
