/**
 * The only place pages get content from: loads every collection once, runs the whole-site checks
 * (references, case sections) and builds the site model for this edition. A content error stops
 * the build with every problem listed, each naming its file and field.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { ContentError } from '../lib/content-errors.ts';
import { contentRoot, edition } from '../lib/content-root.ts';
import { collectionSpecs } from '../schemas/index.ts';
import { collectionNames, type CollectionName } from '../schemas/fragments.ts';
import { buildSiteModel, type SiteModel } from '../lib/site-model.ts';
import { validateEntries, type ValidatableEntry } from '../lib/validate.ts';

export type CaseEntry = CollectionEntry<'cases'>;
export type CourseEntry = CollectionEntry<'courses'>;
export type CultureEntry = CollectionEntry<'culture'>;
export type DocumentEntry = CollectionEntry<'documents'>;
export type Site = SiteModel<CaseEntry, CourseEntry, CultureEntry, DocumentEntry>;

async function load(): Promise<Site> {
  const [cases, courses, culture, documents, sectors, riskPoints, violationTypes, audiences, powerStages, actors] = await Promise.all([
    getCollection('cases'),
    getCollection('courses'),
    getCollection('culture'),
    getCollection('documents'),
    getCollection('sectors'),
    getCollection('riskPoints'),
    getCollection('violationTypes'),
    getCollection('audiences'),
    getCollection('powerStages'),
    getCollection('actors'),
  ]);
  const all: ValidatableEntry[] = [];
  const add = (collection: CollectionName, list: readonly { id: string; data: object; filePath?: string | undefined; body?: string | undefined }[], termsFile?: string) => {
    for (const e of list) {
      all.push({ collection, id: e.id, file: e.filePath ?? termsFile ?? collection, data: e.data as Record<string, unknown>, body: e.body ?? '', ...(termsFile ? { fieldPrefix: `[${e.id}]` } : {}) });
    }
  };
  add('cases', cases);
  add('courses', courses);
  add('culture', culture);
  add('documents', documents);
  const termsFile = (name: CollectionName) => `${contentRoot()}/${collectionSpecs[name].path}`;
  add('sectors', sectors, termsFile('sectors'));
  add('riskPoints', riskPoints, termsFile('riskPoints'));
  add('violationTypes', violationTypes, termsFile('violationTypes'));
  add('audiences', audiences, termsFile('audiences'));
  add('powerStages', powerStages, termsFile('powerStages'));
  add('actors', actors, termsFile('actors'));
  // An empty taxonomy means the content folder is wrong or unreadable: never build an empty site.
  for (const [name, list] of [['sectors', sectors], ['riskPoints', riskPoints], ['audiences', audiences], ['powerStages', powerStages]] as const) {
    if (list.length === 0) throw new Error(`内容目录“${contentRoot()}”中没有读到任何${collectionNames[name]}（${collectionSpecs[name].path}）。请检查 LIANJIAN_CONTENT 是否指向正确的内容目录。`);
  }
  // A build ran the full content check before it started (integrations/content-check.ts); the dev
  // server did not, so it checks references here, where an edit shows up at once.
  if (import.meta.env.DEV) {
    const problems = validateEntries(all);
    if (problems.length > 0) throw new ContentError(problems);
  }
  return buildSiteModel({ cases, courses, culture, documents, sectors, riskPoints, violationTypes, audiences, powerStages, actors }, edition());
}

let site: Promise<Site> | undefined;
/** Memoised: every page of a build shares one load and one set of indexes. */
export function getSite(): Promise<Site> {
  site ??= load();
  return site;
}
