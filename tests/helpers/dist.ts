import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const DIST = 'dist';

export function distFile(path: string): string {
  return readFileSync(join(DIST, path), 'utf8');
}

export function pageExists(urlPath: string): boolean {
  return existsSync(join(DIST, urlPath, 'index.html'));
}

/** Every file under dist/, as paths relative to it. */
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
