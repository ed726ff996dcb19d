/** Courseware details for the builder's downloads (see components/builder/catalog.ts): exercises and the cases in full. */
import type { APIRoute } from 'astro';
import type { CoursewareData } from '../../components/builder/catalog.ts';
import { entryBody, getSite } from '../../data/site.ts';
import { bodySections } from '../../lib/case-text.ts';
import { dispositionLines, dispositionSteps } from '../../lib/disposition.ts';

export const GET: APIRoute = async () => {
  const site = await getSite();
  const caseIds = new Set(site.courses.flatMap((m) => m.data.cases));
  const data: CoursewareData = {
    modules: site.courses.map((m) => ({
      id: m.id,
      exercises: m.data.exercises.map((x) => ({ title: x.title, description: x.description, minutes: x.minutes, timing: x.timing })),
    })),
    // Only published cases, as in catalog.json: an internal case never reaches a public download.
    cases: site.publishedCases([...caseIds]).map((c) => {
      const s = bodySections(entryBody(c, 'cases'));
      return {
        id: c.id,
        title: c.data.title,
        background: s.get('基本案情') ?? [],
        facts: s.get('违纪违法事实') ?? [],
        outcome: s.get('处理结果') ?? [],
        chain: dispositionLines(dispositionSteps(c.data, (r) => site.resolveArticle(r))),
        lessons: s.get('警示启示') ?? [],
        questions: c.data.questions,
      };
    }),
  };
  return new Response(JSON.stringify(data), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
