import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Where `npm test` builds the real site: its own folder, so the tests never replace the dist/ that
 * `npm start` may be serving at the same time.
 */
export const DIST = 'dist-test';

export function distFile(path: string): string {
  return readFileSync(join(DIST, path), 'utf8');
}

export function pageExists(urlPath: string): boolean {
  return existsSync(join(DIST, urlPath, 'index.html'));
}

/** Every file under the test build, as paths relative to it. */
export function allFiles(dir = DIST): string[] {
  const out: string[] = [];
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, item.name);
    if (item.isDirectory()) out.push(...allFiles(full));
    else out.push(relative(DIST, full));
  }
  return out;
}

export const htmlPages = () => allFiles().filter((f) => f.endsWith('.html'));
