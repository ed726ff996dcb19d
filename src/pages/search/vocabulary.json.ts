import type { APIRoute } from 'astro';
import { getSite } from '../../data/site.ts';
import { searchVocabulary } from '../../lib/search-vocabulary.ts';

/** Fetched by the search page only when a query finds nothing whole: suggestions and word splits. */
export const GET: APIRoute = async () => {
  const site = await getSite();
  const t = site.terms;
  const words = searchVocabulary({
    terms: [...t.sectors.values(), ...t.riskPoints.values(), ...t.violationTypes.values()],
    shortTitles: site.documents.map((d) => d.data.shortTitle),
    tags: [...site.cases, ...site.courses, ...site.culture, ...site.documents].map((e) => e.data.tags),
  });
  return new Response(JSON.stringify(words), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
