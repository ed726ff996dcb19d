/**
 * The culture landing for the public: one lead story (the newest item with a picture), then
 * every other item exactly once under its category, and for each category a cover picture for
 * its entry tile. Items arrive newest first (site model order).
 */
export interface LandingItem {
  id: string;
  data: { category: string; images: readonly unknown[] };
}

export function cultureLanding<T extends LandingItem, K extends string>(items: readonly T[], categories: readonly K[]) {
  const lead = items.find((c) => c.data.images.length > 0) ?? items[0];
  const groups = categories
    .map((category) => {
      const all = items.filter((c) => c.data.category === category);
      return {
        category,
        count: all.length,
        items: all.filter((c) => c !== lead),
        cover: all.find((c) => c.data.images.length > 0 && c !== lead) ?? all.find((c) => c.data.images.length > 0),
      };
    })
    .filter((g) => g.count > 0);
  return { lead, groups };
}
