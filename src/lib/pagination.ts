/** Splits a list into numbered pages; page 1 lives at the base URL, page n at `<base>page/<n>/`. */
export interface Page<T> {
  items: T[];
  number: number;
  total: number;
  url: string;
  previous?: string;
  next?: string;
}

export function pageUrl(base: string, n: number): string {
  return n === 1 ? base : `${base}page/${n}/`;
}

export function paginate<T>(list: readonly T[], size: number, base: string): Page<T>[] {
  if (size < 1) throw new RangeError('page size must be at least 1');
  const total = Math.max(1, Math.ceil(list.length / size));
  return Array.from({ length: total }, (_, i) => {
    const n = i + 1;
    return {
      items: list.slice(i * size, n * size),
      number: n,
      total,
      url: pageUrl(base, n),
      ...(n > 1 ? { previous: pageUrl(base, n - 1) } : {}),
      ...(n < total ? { next: pageUrl(base, n + 1) } : {}),
    };
  });
}
