import { CASE_SECTIONS } from '../schemas/case.ts';
import { contentErrors, type ContentProblem } from './content-errors.ts';

/** Level-two headings of a Markdown body, in order. */
export function headings(body: string): string[] {
  return [...body.matchAll(/^##\s+(.+?)\s*$/gm)].map((m) => (m[1] ?? '').trim());
}

/** A case body must carry the sections a 案例复盘会 works through. */
export function checkCaseBody(file: string, body: string): ContentProblem[] {
  const present = new Set(headings(body));
  return CASE_SECTIONS.filter((s) => !present.has(s)).map((s) => ({
    file,
    field: '正文',
    code: 'missingSection' as const,
    message: contentErrors.missingSection.message(s),
  }));
}
