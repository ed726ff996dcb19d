/**
 * The course as teaching material: one model read by the slide deck and the Word handout, built from
 * the plan, the catalog and courseware.json. Cases appear once, under the first module (or plan
 * item) that uses them; quiz answers are kept apart so that neither file shows them next to the
 * questions.
 */
import type { Catalog, CatalogCase, CatalogQuiz, CoursewareCase, CoursewareData, CoursewareExercise } from './catalog.ts';
import { planDocument, type PlanDocument } from './plan-document.ts';
import type { Plan } from './plan.ts';
import { paginate, type SlideSpec } from './slide-layout.ts';

export type CourseSection =
  | { kind: 'module'; title: string; minutes: number; outcomes: string[]; cases: CoursewareCase[]; questions: string[]; exercises: CoursewareExercise[] }
  | { kind: 'case'; minutes: number; case: CoursewareCase };

export interface Courseware {
  doc: PlanDocument;
  sections: CourseSection[];
  quiz: CatalogQuiz[];
}

/** The official channel, printed on every closing slide and handout. */
export const REPORTING = ['中央纪委国家监委举报网站：www.12388.gov.cn', '举报电话：12388'];

export function buildCourseware(plan: Plan, catalog: Catalog, data: CoursewareData, extra: ReadonlyMap<string, CatalogCase & Partial<CoursewareCase>> = new Map()): Courseware {
  const modules = new Map(catalog.modules.map((m) => [m.id, m]));
  const details = new Map(data.modules.map((m) => [m.id, m]));
  const cases = new Map(data.cases.map((c) => [c.id, c]));
  const caseOf = (id: string): CoursewareCase | undefined => {
    const full = cases.get(id);
    if (full) return full;
    const x = extra.get(id);
    return x ? { id, title: x.title, background: x.background ?? (x.summary ? [x.summary] : []), facts: x.facts ?? [], outcome: x.outcome ?? [], chain: x.chain ?? [], lessons: x.lessons ?? [], questions: x.questions } : undefined;
  };
  const shown = new Set<string>();
  const once = (id: string) => {
    if (shown.has(id)) return [];
    shown.add(id);
    return caseOf(id) ?? [];
  };
  const sections: CourseSection[] = [];
  const quiz: CatalogQuiz[] = [];
  for (const it of plan.items) {
    if (it.kind === 'module') {
      const m = modules.get(it.id);
      if (!m) continue;
      sections.push({ kind: 'module', title: m.title, minutes: m.minutes, outcomes: m.outcomes, cases: m.cases.flatMap(once), questions: m.questions, exercises: details.get(m.id)?.exercises ?? [] });
      quiz.push(...m.quiz);
    } else if (it.kind === 'case') {
      const c = once(it.id);
      if (!Array.isArray(c)) sections.push({ kind: 'case', minutes: it.minutes, case: c });
    }
  }
  return { doc: planDocument(plan, catalog, new Map([...extra].map(([k, v]) => [k, { id: v.id, title: v.title, summary: v.summary, questions: v.questions }]))), sections, quiz };
}

export const letter = (i: number) => String.fromCharCode(65 + i);
export const TIMING = { 'before-class': '课前', 'in-class': '课堂' } as const;
export const quizLine = (q: CatalogQuiz, i: number) => `${i + 1}．（${q.type === 'single' ? '单选' : '多选'}）${q.question}`;
export const answerLine = (q: CatalogQuiz, i: number) => `${i + 1}．${q.answer.map(letter).join('')}。${q.explanation}`;

/** The four steps of a 案例复盘 and the discussion, each a slide or more. */
function caseSlides(c: CoursewareCase): SlideSpec[] {
  const para = (text: string) => ({ text });
  return [
    { title: `案情｜${c.title}`, blocks: c.background.map(para) },
    { title: `违纪违法事实｜${c.title}`, blocks: c.facts.map(para) },
    { title: `处理结果｜${c.title}`, blocks: [...c.chain.map((text) => ({ text, bullet: true, bold: true })), ...c.outcome.map(para)] },
    { title: `警示启示｜${c.title}`, blocks: c.lessons.map(para) },
    { title: `研讨｜${c.title}`, blocks: c.questions.map((text) => ({ text, bullet: true })) },
  ].filter((s) => s.blocks.length > 0);
}

/** Every slide of the deck, in order, each within its box: title, agenda, sections, quiz, closing, then the answers. */
export function slideDeck(cw: Courseware): SlideSpec[] {
  const d = cw.doc;
  const specs: SlideSpec[] = [];
  // The cover shows what the trainer filled in; 「待定」 belongs in a draft plan, not on a slide.
  const metaLines = d.meta.filter(([k, v]) => k !== '地点' && v !== '待定' && v !== '未指定').map(([k, v]) => ({ text: `${k}：${v}` }));
  specs.push({ layout: 'title', title: d.title, blocks: metaLines });
  specs.push({ title: '课程安排', blocks: [...d.agenda.map((a) => ({ text: `${a.time}　${a.label}（${a.minutes} 分钟）` })), { text: d.totals, bold: true }] });
  for (const s of cw.sections) {
    if (s.kind === 'case') {
      specs.push(...caseSlides(s.case));
      continue;
    }
    specs.push({ title: `学习目标｜${s.title}`, blocks: s.outcomes.map((text) => ({ text, bullet: true })) });
    for (const c of s.cases) specs.push(...caseSlides(c));
    specs.push({ title: `讨论题｜${s.title}`, blocks: s.questions.map((text) => ({ text, bullet: true })) });
    if (s.exercises.length > 0) {
      specs.push({ title: `课堂练习｜${s.title}`, blocks: s.exercises.flatMap((x) => [{ text: `${x.title}（${TIMING[x.timing]}，${x.minutes} 分钟）`, bold: true }, { text: x.description }]) });
    }
  }
  if (cw.quiz.length > 0) {
    specs.push({ title: '课后测验', blocks: cw.quiz.flatMap((q, i) => [{ text: quizLine(q, i), bold: true }, ...q.options.map((o, j) => ({ text: `${letter(j)}．${o}` }))]) });
  }
  specs.push({ layout: 'title', title: '廉洁从业　警钟长鸣', blocks: [{ text: `感谢参加“${d.title}”。发现违纪违法问题线索，请通过官方渠道如实反映：` }, ...REPORTING.map((text) => ({ text, bold: true }))] });
  if (cw.quiz.length > 0) specs.push({ title: '参考答案（培训师用，放映时请略过）', blocks: cw.quiz.map((q, i) => ({ text: answerLine(q, i) })) });
  return specs.flatMap((s) => paginate(s));
}
