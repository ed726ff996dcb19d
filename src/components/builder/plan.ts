/**
 * A course plan and its place in the URL. The whole plan lives in the query string, readable and
 * short enough to paste into a chat:
 *
 *   /builder/?a=leader&t=标题&d=2026-12-08&s=09:00&v=会议室&r=主讲人&u=某县纪委监委&g=210&i=b.opening.15,m.leader-power-restraint,c.county-road-tender-tailoring.30
 *
 *   a  audience id            t  title        d  date (YYYY-MM-DD)   s  start time (HH:MM)
 *   v  venue                  r  trainer      u  organising unit     g  target length in minutes
 *   i  items in order: m.<module id>, c.<case id>.<minutes> or b.<opening|tea|lunch|closing>.<minutes>
 *
 * The same object, as JSON, is what the builder keeps in localStorage (`lianjian:builder:plan`).
 * Decoding never throws: anything malformed is dropped and reported as a notice.
 */
export type BreakKind = 'opening' | 'tea' | 'lunch' | 'closing';
export type PlanItem = { kind: 'module'; id: string } | { kind: 'case'; id: string; minutes: number } | { kind: 'break'; id: BreakKind; minutes: number };

/** Items that are not teaching: timed in the agenda, worth no 学时. 午休 does not count towards the target either. */
export const BREAKS: Record<BreakKind, { name: string; minutes: number }> = {
  opening: { name: '开班式', minutes: 15 },
  tea: { name: '茶歇', minutes: 15 },
  lunch: { name: '午休', minutes: 90 },
  closing: { name: '结业式', minutes: 15 },
};
const isBreak = (id: string): id is BreakKind => Object.hasOwn(BREAKS, id);

/** Lengths a trainer is usually asked for: a half day is about 3.5 hours of class, a day about 6.5. */
export const TARGETS = [
  { minutes: 210, name: '半天' },
  { minutes: 390, name: '一天' },
] as const;
const TARGET_SLACK = 15;

export interface Plan {
  audience: string;
  title: string;
  date: string;
  start: string;
  venue: string;
  trainer: string;
  unit: string;
  /** Target length in minutes, 0 when none is set. */
  target: number;
  items: PlanItem[];
}

export const STORAGE_KEY = 'lianjian:builder:plan';
export const DEFAULT_CASE_MINUTES = 30;
const MAX_TEXT = 80;
export const MAX_ITEMS = 40;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const emptyPlan = (): Plan => ({ audience: '', title: '', date: '', start: '09:00', venue: '', trainer: '', unit: '', target: 0, items: [] });

const clean = (s: string | null) => (s ?? '').replace(/[\u0000-\u001f]/g, '').trim().slice(0, MAX_TEXT);

function validDate(s: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return '';
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCDate() === Number(m[3]) && d.getUTCMonth() === Number(m[2]) - 1 ? s : '';
}

const validTime = (s: string) => (/^([01]\d|2[0-3]):[0-5]\d$/.test(s) ? s : '');
const validTarget = (s: string) => (/^\d{2,3}$/.test(s) && Number(s) >= 30 && Number(s) <= 720 ? Number(s) : 0);

export function encodePlan(plan: Plan): string {
  const p = new URLSearchParams();
  if (plan.audience) p.set('a', plan.audience);
  if (plan.title) p.set('t', plan.title);
  if (plan.date) p.set('d', plan.date);
  if (plan.start) p.set('s', plan.start);
  if (plan.venue) p.set('v', plan.venue);
  if (plan.trainer) p.set('r', plan.trainer);
  if (plan.unit) p.set('u', plan.unit);
  if (plan.target > 0) p.set('g', String(plan.target));
  if (plan.items.length > 0) p.set('i', plan.items.map((it) => (it.kind === 'module' ? `m.${it.id}` : `${it.kind === 'case' ? 'c' : 'b'}.${it.id}.${it.minutes}`)).join(','));
  const s = p.toString();
  return s ? `?${s}` : '';
}

export interface Decoded {
  plan: Plan;
  /** What could not be read, in words for the trainer. */
  notices: string[];
}

export function decodePlan(search: string): Decoded {
  const p = new URLSearchParams(search);
  const notices: string[] = [];
  const rawDate = clean(p.get('d'));
  const rawStart = clean(p.get('s'));
  const plan: Plan = {
    audience: ID.test(clean(p.get('a'))) ? clean(p.get('a')) : '',
    title: clean(p.get('t')),
    date: validDate(rawDate),
    start: validTime(rawStart) || '09:00',
    venue: clean(p.get('v')),
    trainer: clean(p.get('r')),
    unit: clean(p.get('u')),
    target: validTarget(clean(p.get('g'))),
    items: [],
  };
  if (p.get('g') && !plan.target) notices.push(`目标时长“${clean(p.get('g'))}”无法识别，已取消目标。`);
  if (rawDate && !plan.date) notices.push(`日期“${rawDate}”无法识别，已留空。`);
  if (rawStart && !validTime(rawStart)) notices.push(`开始时间“${rawStart}”无法识别，已改为 09:00。`);
  const raw = (p.get('i') ?? '').split(',').filter(Boolean);
  for (const token of raw.slice(0, MAX_ITEMS)) {
    const [kind, id = '', minutes] = token.split('.');
    if (kind === 'm' && ID.test(id)) plan.items.push({ kind: 'module', id });
    else if (kind === 'c' && ID.test(id)) {
      const n = Number(minutes);
      plan.items.push({ kind: 'case', id, minutes: Number.isInteger(n) && n >= 5 && n <= 240 ? n : DEFAULT_CASE_MINUTES });
    } else if (kind === 'b' && isBreak(id)) {
      const n = Number(minutes);
      plan.items.push({ kind: 'break', id, minutes: Number.isInteger(n) && n >= 5 && n <= 240 ? n : BREAKS[id].minutes });
    } else notices.push(`链接中的“${token.slice(0, 40)}”不是有效的模块或案例，已忽略。`);
  }
  if (raw.length > MAX_ITEMS) notices.push(`一次最多安排 ${MAX_ITEMS} 项，多出的已忽略。`);
  return { plan, notices };
}

export interface Lookup {
  module(id: string): { title: string; minutes: number; hours: number } | undefined;
  /** Cases are known when listed in the catalog or found since; unknown ones are checked by the caller. */
  knowsCase(id: string): boolean;
}

/** Drops ids the site no longer has, saying which, so an old link opens with a notice instead of failing. */
export function resolvePlan(plan: Plan, lookup: Lookup): Decoded {
  const notices: string[] = [];
  const items = plan.items.filter((it) => {
    if (it.kind === 'break') return true;
    const ok = it.kind === 'module' ? lookup.module(it.id) !== undefined : lookup.knowsCase(it.id);
    if (!ok) notices.push(`${it.kind === 'module' ? '培训模块' : '案例'}“${it.id}”已不存在或已下线，已从课程中移除。`);
    return ok;
  });
  return { plan: { ...plan, items }, notices };
}

export function moveItem(plan: Plan, from: number, to: number): Plan {
  if (from === to || from < 0 || to < 0 || from >= plan.items.length || to >= plan.items.length) return plan;
  const items = [...plan.items];
  const [it] = items.splice(from, 1);
  if (it) items.splice(to, 0, it);
  return { ...plan, items };
}

export interface AgendaRow {
  item: PlanItem;
  start: string;
  end: string;
  minutes: number;
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const toClock = (m: number) => `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Times for each item from the start time, and the totals in minutes and 学时 (cases count 45 minutes = 1 学时). */
export function agenda(plan: Plan, lookup: Lookup): { rows: AgendaRow[]; minutes: number; hours: number } {
  let t = toMinutes(plan.start || '09:00');
  let hours = 0;
  const rows: AgendaRow[] = [];
  for (const item of plan.items) {
    const m = item.kind === 'module' ? lookup.module(item.id) : undefined;
    const minutes = item.kind === 'module' ? (m?.minutes ?? 0) : item.minutes;
    hours += item.kind === 'module' ? (m?.hours ?? 0) : item.kind === 'case' ? Math.round((item.minutes / 45) * 2) / 2 : 0;
    rows.push({ item, start: toClock(t), end: toClock(t + minutes), minutes });
    t += minutes;
  }
  return { rows, minutes: rows.reduce((s, r) => s + r.minutes, 0), hours };
}

/**
 * Adds a module or case once: the same one twice is almost always a slip, so the plan is returned
 * unchanged with the position of the one already there. Breaks may repeat (two 茶歇 in a day).
 */
export function addToPlan(plan: Plan, item: PlanItem): { plan: Plan; duplicateAt?: number; full?: true } {
  if (item.kind !== 'break') {
    const at = plan.items.findIndex((it) => it.kind === item.kind && it.id === item.id);
    if (at >= 0) return { plan, duplicateAt: at };
  }
  if (plan.items.length >= MAX_ITEMS) return { plan, full: true };
  return { plan: { ...plan, items: [...plan.items, item] } };
}

export interface TargetCheck {
  /** Minutes counted against the target: everything but 午休. */
  counted: number;
  state: 'none' | 'under' | 'fits' | 'over';
  message: string;
}

export const targetName = (target: number) => TARGETS.find((t) => t.minutes === target)?.name ?? `${target} 分钟`;

/** Whether the plan fills its target length, within a quarter of an hour either way. */
export function checkTarget(plan: Plan, rows: readonly AgendaRow[]): TargetCheck {
  const counted = rows.reduce((s, r) => s + (r.item.kind === 'break' && r.item.id === 'lunch' ? 0 : r.minutes), 0);
  if (plan.target <= 0) return { counted, state: 'none', message: '' };
  const goal = `目标${targetName(plan.target)}（${plan.target} 分钟，不含午休）`;
  const diff = counted - plan.target;
  if (diff > TARGET_SLACK) return { counted, state: 'over', message: `已超出${goal} ${diff} 分钟：请移除一项，或缩短案例研讨。` };
  if (diff < -TARGET_SLACK) return { counted, state: 'under', message: `距${goal}还差 ${-diff} 分钟：可再添加模块、案例研讨或茶歇。` };
  return { counted, state: 'fits', message: `与${goal}相符（${counted} 分钟）。` };
}
