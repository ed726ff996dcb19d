/**
 * Related culture items from an index of tags and categories: items sharing more tags come first,
 * then the same category, then the newer. Each item looks only at items sharing something with
 * it, through the index, never at the whole list.
 */
export interface CultureRelatable {
  id: string;
  data: { category: string; tags: string[]; published: Date };
}

export function relatedCulture<T extends CultureRelatable>(items: readonly T[], limit = 3): Map<string, T[]> {
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
  const out = new Map<string, T[]>();
  for (const item of items) {
    const score = new Map<T, number>();
    for (const tag of new Set(item.data.tags)) for (const other of byKey.get(`tag:${tag}`) ?? []) score.set(other, (score.get(other) ?? 0) + 2);
    for (const other of (byKey.get(`category:${item.data.category}`) ?? []).slice(0, 50)) score.set(other, (score.get(other) ?? 0) + 1);
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
