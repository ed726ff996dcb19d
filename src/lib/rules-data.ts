/** Rules as data: the shapes the responsibility matrix and the deadline timeline render from. */
import type { DocumentData } from '../schemas/document.ts';

export type Role = 'lead' | 'execute' | 'consult';

export function responsibilityMatrix(rows: DocumentData['responsibilities']) {
  const actors: string[] = [];
  const seen = new Set<string>();
  const out = rows.map((r) => {
    const roles = new Map<string, Role>();
    // A lead outranks executing, which outranks being consulted, if a list names an actor twice.
    for (const [role, list] of [['consult', r.consult], ['execute', r.execute], ['lead', r.lead]] as const) for (const a of list) roles.set(a, role);
    for (const a of [...r.lead, ...r.execute, ...r.consult]) {
      if (!seen.has(a)) {
        seen.add(a);
        actors.push(a);
      }
    }
    return { duty: r.duty, article: r.article, roles };
  });
  return { actors, rows: out };
}

const UNIT = { 'working-days': '个工作日', days: '日', months: '个月' } as const;

/** 「3个工作日内」「1个月后」, with the event it counts from when the step names one. */
export function stepLimit(s: DocumentData['timeline'][number]): string {
  if (s.within === 0) return s.from ? `${s.from}后即时` : '即时';
  const span = `${s.within}${UNIT[s.unit]}`;
  if (s.relation === 'after') return `${s.from ?? ''}${span}后`;
  return s.from ? `${s.from}后${span}内` : `${span}内`;
}

/**
 * Each step with its own limit and, while the steps share a unit and follow one another, the
 * latest point counted from the start (最迟第 N 个工作日): the whole chain's length at a glance.
 * A step that waits (1个月后) or counts from another event ends that running total.
 */
export function timelineSteps(steps: DocumentData['timeline']) {
  let total = 0;
  let unit: keyof typeof UNIT | undefined;
  let comparable = true;
  return steps.map((s) => {
    if (s.relation === 'after' || s.from) comparable = false;
    if (s.within > 0 && comparable) {
      if (unit === undefined) unit = s.unit;
      if (unit !== s.unit) comparable = false;
      total += s.within;
    }
    const cumulative = s.within > 0 && comparable && unit ? `自发现起最迟第 ${total} ${UNIT[unit]}` : undefined;
    return { step: s.step, actor: s.actor, article: s.article, limit: stepLimit(s), cumulative };
  });
}
