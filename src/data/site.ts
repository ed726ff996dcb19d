/**
 * The only place pages get content from: loads every collection once and builds the site model
 * for this edition. The build ran the full content check before it started
 * (integrations/content-check.ts); the dev server did not, so it checks references here.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { ContentError } from '../lib/content-errors.ts';
import { contentRoot, edition } from '../lib/content-root.ts';
import { hiddenEntries } from '../lib/edition-loader.ts';
import { parseMarkdown, readContentText } from '../lib/frontmatter.ts';
import { buildSiteModel, type SiteModel } from '../lib/site-model.ts';
import { validateEntries, type ValidatableEntry } from '../lib/validate.ts';
import { collectionNames, type CollectionName } from '../schemas/fragments.ts';
import { collectionSpecs } from '../schemas/index.ts';

export type CaseEntry = CollectionEntry<'cases'>;
export type CourseEntry = CollectionEntry<'courses'>;
export type CultureEntry = CollectionEntry<'culture'>;
export type DocumentEntry = CollectionEntry<'documents'>;
export type IndicatorEntry = CollectionEntry<'indicators'>;
export type SelfCheckEntry = CollectionEntry<'selfChecks'>;
export type Site = SiteModel<CaseEntry, CourseEntry, CultureEntry, DocumentEntry, IndicatorEntry, SelfCheckEntry>;

async function load(): Promise<Site> {
  const input = {
    cases: await getCollection('cases'),
    courses: await getCollection('courses'),
    culture: await getCollection('culture'),
    documents: await getCollection('documents'),
    indicators: await getCollection('indicators'),
    selfChecks: await getCollection('selfChecks'),
    sectors: await getCollection('sectors'),
    riskPoints: await getCollection('riskPoints'),
    violationTypes: await getCollection('violationTypes'),
    audiences: await getCollection('audiences'),
    powerStages: await getCollection('powerStages'),
    actors: await getCollection('actors'),
    networkLevels: await getCollection('networkLevels'),
    networkLinks: await getCollection('networkLinks'),
    practices: await getCollection('practices'),
    legalThresholds: await getCollection('legalThresholds'),
    networkResources: await getCollection('networkResources'),
    preventionModes: await getCollection('preventionModes'),
    posts: await getCollection('posts'),
    units: await getCollection('units'),
  };
  // An empty taxonomy means the content folder is wrong or unreadable: never build an empty site.
  for (const name of ['sectors', 'riskPoints', 'audiences', 'powerStages'] as const) {
    if (input[name].length === 0) {
      throw new Error(`内容目录“${contentRoot()}”中没有读到任何${collectionNames[name]}（${collectionSpecs[name].path}）。请检查 LIANJIAN_CONTENT 是否指向正确的内容目录。`);
    }
  }
  if (import.meta.env.DEV) {
    const all: ValidatableEntry[] = (Object.entries(input) as [CollectionName, { id: string; data: object; filePath?: string | undefined; body?: string | undefined }[]][]).flatMap(([collection, list]) =>
      list.map((e) => {
        const termsFile = collectionSpecs[collection].kind === 'terms' ? `${contentRoot()}/${collectionSpecs[collection].path}` : undefined;
        const body = collection === 'cases' ? entryBody(e, collection) : (e.body ?? '');
        return { collection, id: e.id, file: e.filePath ?? termsFile ?? collection, data: e.data as Record<string, unknown>, body, ...(termsFile ? { fieldPrefix: `[${e.id}]` } : {}) };
      }),
    );
    // Entries this edition leaves out never reach Astro (lib/edition-loader.ts) but still exist:
    // references to them are valid.
    const hidden = (['cases', 'courses', 'culture', 'documents', 'indicators', 'selfChecks'] as const).flatMap((collection) =>
      hiddenEntries(contentRoot(), collection, edition()).map((f) => ({ collection, id: f.replace(/\.md$/, '') })),
    );
    const problems = validateEntries(all, hidden);
    if (problems.length > 0) throw new ContentError(problems);
  }
  return buildSiteModel(input, edition());
}

/**
 * An entry's Markdown source. Cases reach Astro without it (content.config.ts, `retainBody`), so it
 * is read from the file: at the path Astro recorded (relative to the project root, where
 * `npm run build` and the dev server run), else by id in the content folder (the benchmark runs
 * Astro from its temporary folder with --root).
 */
export function entryBody(e: { id: string; body?: string | undefined; filePath?: string | undefined }, collection: CollectionName): string {
  if (e.body !== undefined) return e.body;
  const candidates = [...(e.filePath ? [resolve(e.filePath)] : []), join(contentRoot(), collectionSpecs[collection].path, `${e.id}.md`)];
  const file = candidates.find((f) => existsSync(f));
  if (!file) throw new Error(`读不到“${e.id}”的正文：${candidates.join('、')} 都不存在`);
  return parseMarkdown(readContentText(file)).body;
}

let site: Promise<Site> | undefined;
/** Memoised: every page of a build shares one load and one set of indexes. */
export function getSite(): Promise<Site> {
  site ??= load();
  return site;
}
