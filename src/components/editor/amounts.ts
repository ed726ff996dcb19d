/**
 * The 罪名 → 数额 field (`disposition.criminal.amounts`) edited as plain lines, `受贿罪: 31.5`,
 * because Decap has no widget for a map with free keys. Parsing keeps what it cannot read out of
 * the value and reports it, so a typo is shown instead of being dropped.
 */
export interface ParsedAmounts {
  value: Record<string, number>;
  /** Lines that are not `罪名: 数额`, as typed. */
  unreadable: string[];
}

export function parseAmounts(text: string): ParsedAmounts {
  const value: Record<string, number> = {};
  const unreadable: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const m = /^(.+?)\s*[:：]\s*([0-9]+(?:\.[0-9]+)?)\s*(?:万元)?$/.exec(line);
    if (m?.[1] && m[2]) value[m[1].trim()] = Number(m[2]);
    else unreadable.push(line);
  }
  return { value, unreadable };
}

export function formatAmounts(value: unknown): string {
  if (!value || typeof value !== 'object') return '';
  return Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join('\n');
}
