import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { collectionSpecs as specs } from './schemas/index.ts';
import { withCatalogueMessages as messages } from './schemas/messages.ts';
import { contentRoot, edition } from './lib/content-root.ts';
import { publishedEntries } from './lib/edition-loader.ts';
import type { CollectionName } from './schemas/fragments.ts';

const root = contentRoot();
// Only what this edition publishes reaches Astro, so nothing else can reach its asset pipeline.
const entries = (collection: CollectionName, options?: { retainBody: boolean }) => publishedEntries(root, collection, edition(), options);
const terms = (path: string) => file(`${root}/${path}`);

export const collections = {
  // A case's Markdown is most of the library's bytes; pages use its rendered HTML, and the few
  // readers of its source (courseware, the dev check) read the file (data/site.ts, entryBody).
  cases: defineCollection({ loader: entries('cases', { retainBody: false }), schema: () => messages(specs.cases.schema()) }),
  courses: defineCollection({ loader: entries('courses'), schema: () => messages(specs.courses.schema()) }),
  culture: defineCollection({ loader: entries('culture'), schema: ({ image }) => messages(specs.culture.schema(image)) }),
  documents: defineCollection({ loader: entries('documents'), schema: () => messages(specs.documents.schema()) }),
  indicators: defineCollection({ loader: entries('indicators'), schema: () => messages(specs.indicators.schema()) }),
  selfChecks: defineCollection({ loader: entries('selfChecks'), schema: () => messages(specs.selfChecks.schema()) }),
  sectors: defineCollection({ loader: terms(specs.sectors.path), schema: () => messages(specs.sectors.schema()) }),
  riskPoints: defineCollection({ loader: terms(specs.riskPoints.path), schema: () => messages(specs.riskPoints.schema()) }),
  violationTypes: defineCollection({ loader: terms(specs.violationTypes.path), schema: () => messages(specs.violationTypes.schema()) }),
  audiences: defineCollection({ loader: terms(specs.audiences.path), schema: () => messages(specs.audiences.schema()) }),
  powerStages: defineCollection({ loader: terms(specs.powerStages.path), schema: () => messages(specs.powerStages.schema()) }),
  actors: defineCollection({ loader: terms(specs.actors.path), schema: () => messages(specs.actors.schema()) }),
  networkLevels: defineCollection({ loader: terms(specs.networkLevels.path), schema: () => messages(specs.networkLevels.schema()) }),
  networkLinks: defineCollection({ loader: terms(specs.networkLinks.path), schema: () => messages(specs.networkLinks.schema()) }),
  synonyms: defineCollection({ loader: terms(specs.synonyms.path), schema: () => messages(specs.synonyms.schema()) }),
  posts: defineCollection({ loader: terms(specs.posts.path), schema: () => messages(specs.posts.schema()) }),
  practices: defineCollection({ loader: terms(specs.practices.path), schema: () => messages(specs.practices.schema()) }),
  legalThresholds: defineCollection({ loader: terms(specs.legalThresholds.path), schema: () => messages(specs.legalThresholds.schema()) }),
  networkResources: defineCollection({ loader: terms(specs.networkResources.path), schema: () => messages(specs.networkResources.schema()) }),
  preventionModes: defineCollection({ loader: terms(specs.preventionModes.path), schema: () => messages(specs.preventionModes.schema()) }),
  units: defineCollection({ loader: terms(specs.units.path), schema: () => messages(specs.units.schema()) }),
};
