import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { loadContent } from '../../src/lib/load-content.ts';

export const MINI = 'tests/fixtures/mini';

/** A private copy of the mini fixture site, to plant a fault in. */
export function copyFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lianjian-fixture-'));
  cpSync(MINI, dir, { recursive: true });
  return dir;
}

/** Edits one file of a fixture copy with a string replacement that must match. */
export function plant(dir: string, file: string, from: string | RegExp, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`fixture edit did not match in ${file}: ${String(from)}`);
  writeFileSync(path, next);
}

/** Plants one fault in a fresh fixture copy and checks it: the problems, and the file path they name. */
export function problemsAfter(file: string, from: string | RegExp, to: string) {
  const dir = copyFixture();
  try {
    plant(dir, file, from, to);
    const { problems } = loadContent(dir, '/');
    return { problems, path: relative('/', join(dir, file)) };
  } finally {
    // Only the problems and the path are kept: without this a test run left a copy per fault in the temp folder.
    rmSync(dir, { recursive: true, force: true });
  }
}
