/** The course builder's catalog: every published module and the cases they use (see components/builder/catalog.ts). */
import type { APIRoute } from 'astro';
import type { Catalog } from '../../components/builder/catalog.ts';
import { getSite } from '../../data/site.ts';

export const GET: APIRoute = async () => {
  const site = await getSite();
  const caseIds = new Set(site.courses.flatMap((m) => m.data.cases));
  const catalog: Catalog = {
    audiences: [...site.terms.audiences.values()].map((a) => ({ id: a.id, name: a.data.name })),
    modules: site.courses.map((m) => ({
      id: m.id,
      title: m.data.title,
      summary: m.data.summary,
      audiences: m.data.audiences,
      minutes: m.data.durationMinutes,
      hours: m.data.creditHours,
      outcomes: m.data.outcomes,
      schedule: m.data.schedule,
      readings: m.data.readings.map((r) => (r.note ? `${r.title}：${r.note}` : r.title)),
      questions: m.data.questions,
      quiz: m.data.quiz,
      // Only published cases: an internal case never reaches the public catalog.
      cases: site.publishedCases(m.data.cases).map((c) => c.id),
    })),
    cases: site.publishedCases([...caseIds]).map((c) => ({ id: c.id, title: c.data.title, summary: c.data.summary, questions: c.data.questions })),
  };
  return new Response(JSON.stringify(catalog), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
