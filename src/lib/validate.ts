import { collectionSpecs } from '../schemas/index.ts';
import { ID_PATTERN, type CollectionName } from '../schemas/fragments.ts';
import { z } from '../schemas/messages.ts';
import { checkCaseBody } from './body-checks.ts';
import { contentErrors, type ContentProblem } from './content-errors.ts';
import { checkReferences, type CheckableEntry } from './references.ts';

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
  for (const e of entries) {
    if (collectionSpecs[e.collection].kind === 'entries' && !ID_PATTERN.test(e.id)) {
      problems.push({ file: e.file, field: '文件名', code: 'badFormat', message: contentErrors.badFormat.message(`文件名“${e.id}”应只含小写英文字母、数字和连字符`) });
    }
    if (e.collection === 'cases') problems.push(...checkCaseBody(e.file, e.body));
  }
  problems.push(...checkReferences(entries, schemaOf, unparsed));
  return problems;
}
