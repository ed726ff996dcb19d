/**
 * The chain a 复盘会 walks through — conduct → the rule it broke → the disposition → the criminal
 * article and sentence — as data, read by the case page and by the courseware files.
 */
import type { CaseData } from '../schemas/case.ts';

export interface DispositionStep<A> {
  label: string;
  outcome?: string;
  items: A[];
}

export function dispositionSteps<A>(c: Pick<CaseData, 'disposition' | 'rulesBreached'>, resolve: (ref: string) => A | undefined): DispositionStep<A>[] {
  const d = c.disposition;
  const links = (refs: readonly string[]) => refs.flatMap((r) => resolve(r) ?? []);
  const steps: (DispositionStep<A> | false | undefined)[] = [
    c.rulesBreached.length > 0 && { label: '违反的本单位制度', items: links(c.rulesBreached) },
    d.measures.length > 0 && { label: '处置方式', items: [], outcome: d.measures.join('、') },
    d.party && { label: '党纪处分', items: links(d.party.basis), outcome: d.party.sanction + (d.party.note ? `（${d.party.note}）` : '') },
    d.government && { label: '政务处分', items: links(d.government.basis), outcome: d.government.sanction + (d.government.note ? `（${d.government.note}）` : '') },
    d.criminal && {
      label: '刑事判决',
      items: links(d.criminal.basis),
      outcome: `${d.criminal.charges.join('、')}，${d.criminal.term}${d.criminal.fine ? `，${d.criminal.fine}` : ''}${d.criminal.year ? `（${d.criminal.year}年判决）` : ''}`,
    },
  ];
  return steps.filter((s): s is DispositionStep<A> => !!s);
}

/** One line per step, as printed in a handout or on a slide: “党纪处分：开除党籍（依据：《…》第…条）”. */
export function dispositionLines(steps: readonly DispositionStep<{ label: string }>[]): string[] {
  return steps.map((s) => {
    const basis = s.items.map((a) => a.label).join('、');
    if (!s.outcome) return `${s.label}：${basis}`;
    return `${s.label}：${s.outcome}${basis ? `；依据：${basis}` : ''}`;
  });
}
