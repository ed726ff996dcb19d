import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { collectionSpecs as specs } from './schemas/index.ts';
import { withCatalogueMessages as messages } from './schemas/messages.ts';
import { contentRoot } from './lib/content-root.ts';

const root = contentRoot();
// Editors write Markdown; MDX (which runs code) is kept for the project's own pages.
const entries = (path: string) => glob({ pattern: '**/[^_]*.md', base: `${root}/${path}` });
const terms = (path: string) => file(`${root}/${path}`);

export const collections = {
  cases: defineCollection({ loader: entries(specs.cases.path), schema: () => messages(specs.cases.schema()) }),
  courses: defineCollection({ loader: entries(specs.courses.path), schema: () => messages(specs.courses.schema()) }),
  culture: defineCollection({ loader: entries(specs.culture.path), schema: ({ image }) => messages(specs.culture.schema(image)) }),
  documents: defineCollection({ loader: entries(specs.documents.path), schema: () => messages(specs.documents.schema()) }),
  indicators: defineCollection({ loader: entries(specs.indicators.path), schema: () => messages(specs.indicators.schema()) }),
  selfChecks: defineCollection({ loader: entries(specs.selfChecks.path), schema: () => messages(specs.selfChecks.schema()) }),
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
};
