/** 2024-03-05 → 2024年3月5日, in UTC so a date never shifts with the build machine's time zone. */
export function formatDate(d: Date): string {
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}
