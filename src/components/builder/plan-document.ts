/**
 * One description of a finished course plan, rendered twice: as the printable page and as the
 * Markdown file a trainer downloads. Both read from here, so they never disagree.
 */
import type { Catalog, CatalogCase, CatalogQuiz } from './catalog.ts';
import { agenda, BREAKS, checkTarget, type Lookup, type Plan, type PlanItem } from './plan.ts';

export interface PlanDocument {
  title: string;
  meta: [string, string][];
  agenda: { time: string; label: string; minutes: number }[];
  totals: string;
  objectives: { module: string; outcomes: string[] }[];
  materials: string[];
  questions: string[];
  quiz: CatalogQuiz[];
}

export function catalogLookup(catalog: Catalog, extraCases: ReadonlyMap<string, CatalogCase> = new Map()): Lookup & { caseInfo(id: string): CatalogCase | undefined } {
  const modules = new Map(catalog.modules.map((m) => [m.id, m]));
  const cases = new Map(catalog.cases.map((c) => [c.id, c]));
  const caseInfo = (id: string) => cases.get(id) ?? extraCases.get(id);
  return { module: (id) => modules.get(id), knowsCase: (id) => caseInfo(id) !== undefined, caseInfo };
}

type CatalogLookup = ReturnType<typeof catalogLookup>;

/** The item's own name, and the badge that says what kind of item it is. */
export function itemName(it: PlanItem, look: CatalogLookup): { name: string; kind: string } {
  if (it.kind === 'module') return { name: look.module(it.id)?.title ?? it.id, kind: '模块' };
  if (it.kind === 'case') return { name: look.caseInfo(it.id)?.title ?? it.id, kind: '案例' };
  return { name: BREAKS[it.id].name, kind: '安排' };
}

export function planDocument(plan: Plan, catalog: Catalog, extraCases: ReadonlyMap<string, CatalogCase> = new Map()): PlanDocument {
  const look = catalogLookup(catalog, extraCases);
  const modules = new Map(catalog.modules.map((m) => [m.id, m]));
  const { rows, minutes, hours } = agenda(plan, look);
  const target = checkTarget(plan, rows);
  const audience = catalog.audiences.find((a) => a.id === plan.audience)?.name ?? '未指定';
  const used = plan.items.flatMap((it) => (it.kind === 'module' ? (modules.get(it.id) ?? []) : []));
  const cases = plan.items.flatMap((it) => (it.kind === 'case' ? (look.caseInfo(it.id) ?? []) : []));
  return {
    title: plan.title || '未命名课程',
    meta: [
      ['培训对象', audience],
      ...(plan.unit ? [['主办单位', plan.unit] as [string, string]] : []),
      ['日期', plan.date || '待定'],
      ['地点', plan.venue || '待定'],
      ['主讲', plan.trainer || '待定'],
    ],
    agenda: rows.map((r) => ({
      time: `${r.start}—${r.end}`,
      label: r.item.kind === 'module' ? `培训模块：${itemName(r.item, look).name}` : r.item.kind === 'case' ? `案例研讨：${itemName(r.item, look).name}` : itemName(r.item, look).name,
      minutes: r.minutes,
    })),
    totals: `共 ${minutes} 分钟，合 ${hours} 学时${target.state === 'none' ? '' : `；${target.message}`}`,
    objectives: used.map((m) => ({ module: m.title, outcomes: m.outcomes })),
    materials: [...used.flatMap((m) => m.readings), ...cases.map((c) => `案例：${c.title}`)],
    questions: [...used.flatMap((m) => m.questions), ...cases.flatMap((c) => c.questions)],
    quiz: used.flatMap((m) => m.quiz),
  };
}

const letter = (i: number) => String.fromCharCode(65 + i);

export function toMarkdown(doc: PlanDocument): string {
  const lines: string[] = [`# ${doc.title}`, ''];
  for (const [k, v] of doc.meta) lines.push(`- ${k}：${v}`);
  lines.push('', '## 日程', '', '| 时间 | 内容 | 时长 |', '| --- | --- | --- |');
  for (const a of doc.agenda) lines.push(`| ${a.time} | ${a.label.replace(/\|/g, '｜')} | ${a.minutes} 分钟 |`);
  lines.push('', doc.totals, '', '## 学习目标', '');
  for (const o of doc.objectives) {
    lines.push(`### ${o.module}`, '');
    for (const x of o.outcomes) lines.push(`- ${x}`);
    lines.push('');
  }
  lines.push('## 材料', '');
  for (const m of doc.materials) lines.push(`- ${m}`);
  lines.push('', '## 讨论题', '');
  doc.questions.forEach((q, i) => lines.push(`${i + 1}. ${q}`));
  if (doc.quiz.length > 0) {
    lines.push('', '## 测验', '');
    doc.quiz.forEach((q, i) => {
      lines.push(`${i + 1}. （${q.type === 'single' ? '单选' : '多选'}）${q.question}`);
      q.options.forEach((o, j) => lines.push(`   - ${letter(j)}. ${o}`));
    });
    lines.push('', '## 参考答案（培训师用）', '');
    doc.quiz.forEach((q, i) => lines.push(`${i + 1}. ${q.answer.map(letter).join('')}：${q.explanation}`));
  }
  return `${lines.join('\n')}\n`;
}
