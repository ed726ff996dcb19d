import type { CaseData } from '../schemas/case.ts';
import type { CourseData } from '../schemas/course.ts';
import type { CultureLike, Entry } from './site-model.ts';

interface TrackSource<C, M, U> {
  cases: readonly C[];
  courses: readonly M[];
  culture: readonly U[];
}

/**
 * What one audience should study: its modules (prerequisites first), the cases whose offender
 * sat at that tier, and the culture items written for it.
 */
export function trackFor<C extends Entry<CaseData>, M extends Entry<CourseData>, U extends Entry<CultureLike>>(audience: string, site: TrackSource<C, M, U>, caseLimit = 8) {
  const modules = orderByPrerequisites(site.courses.filter((m) => m.data.audiences.includes(audience)));
  // The newest few at this tier: stop at the limit, so the page costs the same however large the library.
  const cases: C[] = [];
  for (const c of site.cases) {
    if (cases.length >= caseLimit) break;
    if (c.data.tier === audience) cases.push(c);
  }
  const culture = site.culture.filter((c) => c.data.audiences.includes(audience));
  const totalMinutes = modules.reduce((sum, m) => sum + m.data.durationMinutes, 0);
  const totalCreditHours = modules.reduce((sum, m) => sum + m.data.creditHours, 0);
  return { modules, cases, culture, totalMinutes, totalCreditHours };
}

/** Stable topological order: a module comes after the prerequisites that are in the same list. */
export function orderByPrerequisites<M extends Entry<CourseData>>(modules: readonly M[]): M[] {
  const byId = new Map(modules.map((m) => [m.id, m]));
  const done = new Set<string>();
  const out: M[] = [];
  const visit = (m: M, path: Set<string>) => {
    if (done.has(m.id) || path.has(m.id)) return;
    path.add(m.id);
    for (const p of m.data.prerequisites) {
      const pre = byId.get(p);
      if (pre) visit(pre, path);
    }
    done.add(m.id);
    out.push(m);
  };
  for (const m of modules) visit(m, new Set());
  return out;
}
