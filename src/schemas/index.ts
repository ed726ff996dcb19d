/**
 * Every collection's schema and where its files live, in one table. `content.config.ts` turns it
 * into Astro collections; `npm run check` and the tests parse the same files with the same schemas.
 */
import type { z } from './messages.ts';
import { caseSchema } from './case.ts';
import { courseSchema } from './course.ts';
import { cultureSchema } from './culture.ts';
import { documentSchema } from './document.ts';
import type { CollectionName } from './fragments.ts';
import { legalThresholdSchema } from './legal.ts';
import { indicatorSchema, selfCheckSchema } from './spine.ts';
import { networkResourceSchema, preventionModeSchema } from './network.ts';
import { actorSchema, audienceSchema, networkLevelSchema, networkLinkSchema, practiceSchema, postSchema, synonymSchema, powerStageSchema, riskPointSchema, sectorSchema, unitSchema, violationTypeSchema } from './taxonomies.ts';

export interface CollectionSpec {
  /** Markdown entries (one file each) or one YAML file holding a list of terms. */
  kind: 'entries' | 'terms';
  /** Folder for entries, file for terms, relative to the content root. */
  path: string;
  schema: <I extends z.ZodType>(image: () => I) => z.ZodType;
}

export const collectionSpecs = {
  cases: { kind: 'entries', path: 'cases', schema: () => caseSchema },
  courses: { kind: 'entries', path: 'courses', schema: () => courseSchema },
  culture: { kind: 'entries', path: 'culture', schema: <I extends z.ZodType>(image: () => I) => cultureSchema(image) },
  documents: { kind: 'entries', path: 'documents', schema: () => documentSchema },
  indicators: { kind: 'entries', path: 'indicators', schema: () => indicatorSchema },
  selfChecks: { kind: 'entries', path: 'self-checks', schema: () => selfCheckSchema },
  sectors: { kind: 'terms', path: 'taxonomies/sectors.yaml', schema: () => sectorSchema },
  riskPoints: { kind: 'terms', path: 'taxonomies/risk-points.yaml', schema: () => riskPointSchema },
  violationTypes: { kind: 'terms', path: 'taxonomies/violation-types.yaml', schema: () => violationTypeSchema },
  audiences: { kind: 'terms', path: 'taxonomies/audiences.yaml', schema: () => audienceSchema },
  powerStages: { kind: 'terms', path: 'taxonomies/power-stages.yaml', schema: () => powerStageSchema },
  actors: { kind: 'terms', path: 'taxonomies/actors.yaml', schema: () => actorSchema },
  networkLevels: { kind: 'terms', path: 'network/levels.yaml', schema: () => networkLevelSchema },
  networkLinks: { kind: 'terms', path: 'network/links.yaml', schema: () => networkLinkSchema },
  practices: { kind: 'terms', path: 'network/practices.yaml', schema: () => practiceSchema },
  networkResources: { kind: 'terms', path: 'network/resources.yaml', schema: () => networkResourceSchema },
  preventionModes: { kind: 'terms', path: 'network/modes.yaml', schema: () => preventionModeSchema },
  synonyms: { kind: 'terms', path: 'taxonomies/synonyms.yaml', schema: () => synonymSchema },
  legalThresholds: { kind: 'terms', path: 'taxonomies/legal-thresholds.yaml', schema: () => legalThresholdSchema },
  posts: { kind: 'terms', path: 'taxonomies/posts.yaml', schema: () => postSchema },
  units: { kind: 'terms', path: 'taxonomies/units.yaml', schema: () => unitSchema },
} as const satisfies Record<CollectionName, CollectionSpec>;
