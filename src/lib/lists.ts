/** The entries before and after `id` in an ordered list, for previous / next links. */
export function neighbours<T extends { id: string }>(list: readonly T[], id: string): { previous?: T; next?: T } {
  const i = list.findIndex((e) => e.id === id);
  if (i < 0) return {};
  const previous = list[i - 1];
  const next = list[i + 1];
  return { ...(previous ? { previous } : {}), ...(next ? { next } : {}) };
}
