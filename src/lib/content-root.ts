/**
 * The content folder the build reads. The sample content lives in `content/`; tests point
 * LIANJIAN_CONTENT at tiny fixture sites and the benchmark at a generated corpus, so neither
 * ever writes into `content/`.
 */
export function contentRoot(env: Record<string, string | undefined> = process.env): string {
  return (env['LIANJIAN_CONTENT'] ?? './content').replace(/\/+$/, '');
}

export type Edition = 'public' | 'internal';

/** `public` unless LIANJIAN_EDITION=internal: a build never includes internal entries by accident. */
export function edition(env: Record<string, string | undefined> = process.env): Edition {
  const value = env['LIANJIAN_EDITION'];
  if (value === undefined || value === '' || value === 'public') return 'public';
  if (value === 'internal') return 'internal';
  throw new Error(`LIANJIAN_EDITION 只能是 public 或 internal，实际是“${value}”`);
}
