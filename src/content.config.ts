import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { collectionSpecs } from './schemas/index.ts';
import type { CollectionName } from './schemas/fragments.ts';
import { contentRoot } from './lib/content-root.ts';

const root = contentRoot();

function collection(name: CollectionName) {
  const spec = collectionSpecs[name];
  // Editors write Markdown; MDX (which runs code) is kept for the project's own pages.
  const loader = spec.kind === 'entries' ? glob({ pattern: '**/[^_]*.md', base: `${root}/${spec.path}` }) : file(`${root}/${spec.path}`);
  return defineCollection({ loader, schema: ({ image }) => spec.schema(image) });
}

export const collections = {
  cases: collection('cases'),
  courses: collection('courses'),
  culture: collection('culture'),
  documents: collection('documents'),
  sectors: collection('sectors'),
  riskPoints: collection('riskPoints'),
  violationTypes: collection('violationTypes'),
  audiences: collection('audiences'),
  powerStages: collection('powerStages'),
  actors: collection('actors'),
};
