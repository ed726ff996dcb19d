import { collectionSpecs } from '../schemas/index.ts';
import { ID_PATTERN, type CollectionName } from '../schemas/fragments.ts';
import { z } from '../schemas/messages.ts';
import { checkCaseBody } from './body-checks.ts';
import { checkLegalConsistency } from './legal-check.ts';
import { contentErrors, type ContentProblem } from './content-errors.ts';
import { checkReferences, findRefs, type CheckableEntry } from './references.ts';
import { checkGraphs } from './graph-checks.ts';
import { caseInterval, inForce, overlaps, successors } from './documents.ts';
import { parseArticleRef } from './urls.ts';
import type { CaseData } from '../schemas/case.ts';
import type { DocumentData } from '../schemas/document.ts';

export interface ValidatableEntry extends CheckableEntry {
  body: string;
}

const plainImage = () => z.string();
const schemaOf = (c: CollectionName) => collectionSpecs[c].schema(plainImage);

/**
 * Checks that need every entry at once: references between entries, and the sections a case body
 * must have. Runs over all entries, drafts and internal ones included, so a draft is never
 * published later with a broken link. Schema checks ran before, per file.
 */
export function validateEntries(entries: readonly ValidatableEntry[], unparsed: readonly { collection: CollectionName; id: string }[] = []): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const e of entries) problems.push(...checkEntryFile(e));
  problems.push(...checkReferences(entries, schemaOf, unparsed));
  problems.push(...checkVersionsInForce(entries));
  problems.push(...checkGraphs(entries));
  problems.push(...checkLegalConsistency(entries));
  problems.push(...checkDuplicateContent(entries));
  return problems;
}

/**
 * The same entry saved under two file names (“另存为” instead of renaming, or a copy made to edit
 * an internal case): two pages, and if the copy lost `visibility: internal`, an internal case on
 * the public edition. Same collection, same title, same body once whitespace is ignored.
 */
export function checkDuplicateContent(entries: readonly ValidatableEntry[]): ContentProblem[] {
  const groups = new Map<string, ValidatableEntry[]>();
  for (const e of entries) {
    if (collectionSpecs[e.collection].kind !== 'entries') continue;
    const key = `${e.collection}\u0000${String(e.data['title'] ?? '')}\u0000${e.body.replace(/\s+/g, '')}`;
    const group = groups.get(key);
    if (group) group.push(e);
    else groups.set(key, [e]);
  }
  const problems: ContentProblem[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const internalTwin = group.some((e) => e.data['visibility'] === 'internal') && group.some((e) => e.data['visibility'] !== 'internal' && e.data['draft'] !== true);
    for (const e of group) {
      const others = group.filter((o) => o !== e).map((o) => o.file);
      problems.push({ file: e.file, field: '', code: 'duplicateContent', message: contentErrors.duplicateContent.message(others, internalTwin) });
    }
  }
  return problems;
}

/** Checks of one entry that need neither valid data nor the other entries: its file name and case sections. */
export function checkEntryFile(e: ValidatableEntry): ContentProblem[] {
  const problems: ContentProblem[] = [];
  if (collectionSpecs[e.collection].kind === 'entries' && !ID_PATTERN.test(e.id)) {
    problems.push({ file: e.file, field: '文件名', code: 'badFormat', message: contentErrors.badFormat.message(`文件名“${e.id}”应只含小写英文字母、数字和连字符`) });
  }
  if (e.collection === 'cases') problems.push(...checkCaseBody(e.file, e.body));
  return problems;
}

const ymd = (d: Date) => `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;

/**
 * A case must cite the version of a rule that was in force while it happened: between the start
 * of the conduct and the end of the year it was decided. Model texts (示范文本) stand for a
 * unit's own rules and have no version history of their own, so they are not checked.
 */
export function checkVersionsInForce(entries: readonly ValidatableEntry[]): ContentProblem[] {
  const docs = entries.filter((e) => e.collection === 'documents').map((e) => ({ id: e.id, data: e.data as unknown as DocumentData }));
  const byId = new Map(docs.map((d) => [d.id, d]));
  const next = successors(docs);
  const problems: ContentProblem[] = [];
  for (const e of entries) {
    if (e.collection !== 'cases') continue;
    const c = e.data as unknown as CaseData;
    const period = caseInterval(c.conduct.from, c.year);
    for (const ref of findRefs(schemaOf('cases'), e.data)) {
      // A unit's own rules are held to the conduct alone, in legal-check.ts.
      if (ref.collection !== 'documents' || ref.field.startsWith('rulesBreached')) continue;
      const doc = byId.get(parseArticleRef(ref.value).documentId);
      if (!doc || doc.data.model) continue;
      const valid = inForce(doc.data, next.get(doc.id)?.data);
      if (overlaps(valid, period)) continue;
      const span = `施行于${ymd(valid.from)}${valid.to ? `至${ymd(new Date(valid.to.getTime() - 86_400_000))}` : '起'}`;
      problems.push({
        file: e.file,
        field: ref.field,
        code: 'versionNotInForce',
        message: contentErrors.versionNotInForce.message(`${doc.data.shortTitle}`, span, `${c.conduct.from}—${c.year}年`),
      });
    }
  }
  return problems;
}
