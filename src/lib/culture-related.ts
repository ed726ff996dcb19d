/**
 * Related culture items from an index of tags and categories: items sharing more tags come first,
 * then the same category, then the newer. Each item looks only at items sharing something with
 * it, through the index, and at most `window` of them per tag or category, those nearest it in the
 * list's order (newest first in the site model): a tag every item carries would otherwise make each
 * item score every other, quadratic in the number of items (tests/unit/linearity.test.ts).
 */
export interface CultureRelatable {
  id: string;
  data: { category: string; tags: string[]; published: Date };
}

export function relatedCulture<T extends CultureRelatable>(items: readonly T[], limit = 3, window = 50): Map<string, T[]> {
  const byKey = new Map<string, T[]>();
  const add = (key: string, item: T) => {
    const list = byKey.get(key);
    if (list) list.push(item);
    else byKey.set(key, [item]);
  };
  for (const item of items) {
    for (const tag of new Set(item.data.tags)) add(`tag:${tag}`, item);
    add(`category:${item.data.category}`, item);
  }
  // Where each item sits in each list, so finding its neighbours is a lookup, not a scan.
  const positions = new Map<T[], Map<T, number>>();
  for (const list of byKey.values()) positions.set(list, new Map(list.map((x, i) => [x, i])));
  const near = (key: string, item: T): T[] => {
    const list = byKey.get(key) ?? [];
    const i = positions.get(list)?.get(item) ?? 0;
    const start = Math.max(0, Math.min(i - Math.floor(window / 2), list.length - window));
    return list.slice(start, start + window);
  };
  const out = new Map<string, T[]>();
  for (const item of items) {
    const score = new Map<T, number>();
    for (const tag of new Set(item.data.tags)) for (const other of near(`tag:${tag}`, item)) score.set(other, (score.get(other) ?? 0) + 2);
    for (const other of near(`category:${item.data.category}`, item)) score.set(other, (score.get(other) ?? 0) + 1);
    score.delete(item);
    out.set(
      item.id,
      [...score]
        .sort((a, b) => b[1] - a[1] || b[0].data.published.getTime() - a[0].data.published.getTime() || a[0].id.localeCompare(b[0].id))
        .slice(0, limit)
        .map(([other]) => other),
    );
  }
  return out;
}
