/** DOM for the course builder: the editable plan list and the printable course plan. Text only, never HTML strings. */
import type { CatalogCase } from './catalog.ts';
import { itemName, type PlanDocument } from './plan-document.ts';
import type { Lookup, Plan } from './plan.ts';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

export function renderPlanList(list: Element | null, plan: Plan, look: Lookup & { caseInfo(id: string): CatalogCase | undefined }): void {
  if (!list) return;
  if (plan.items.length === 0) {
    list.replaceChildren(el('li', '还没有内容：添加培训模块、案例或开班、茶歇等安排。', { class: 'builder__empty' }));
    return;
  }
  list.replaceChildren(
    ...plan.items.map((it, i) => {
      const li = el('li', undefined, { class: 'builder__item' });
      const { name, kind } = itemName(it, look);
      li.append(el('span', kind, { class: 'badge' }), ' ', el('span', name, { class: 'builder__name' }));
      if (it.kind === 'case' || it.kind === 'break') {
        const label = el('label', it.kind === 'case' ? '研讨' : '', { class: 'builder__minutes' });
        const input = el('input', undefined, { type: 'number', min: '5', max: '240', step: '5', value: String(it.minutes), 'data-minutes-for': String(i), 'aria-label': `${name}：分钟数` });
        label.append(input, '分钟');
        li.append(label);
      } else li.append(el('span', `${look.module(it.id)?.minutes ?? 0} 分钟`, { class: 'builder__minutes' }));
      const controls = el('span', undefined, { class: 'builder__controls' });
      if (i > 0) controls.append(el('button', '上移', { type: 'button', class: 'button--quiet', 'data-move': `${i}:${i - 1}`, 'aria-label': `上移：${name}` }));
      if (i < plan.items.length - 1) controls.append(el('button', '下移', { type: 'button', class: 'button--quiet', 'data-move': `${i}:${i + 1}`, 'aria-label': `下移：${name}` }));
      controls.append(el('button', '移除', { type: 'button', class: 'button--quiet', 'data-remove': String(i), 'aria-label': `移除：${name}` }));
      li.append(controls);
      return li;
    }),
  );
}

const letter = (i: number) => String.fromCharCode(65 + i);

function section(title: string, ...children: Node[]): HTMLElement {
  const s = el('section');
  s.append(el('h2', title), ...children);
  return s;
}

function list(tag: 'ul' | 'ol', items: string[]): HTMLElement {
  const l = el(tag);
  l.append(...items.map((t) => el('li', t)));
  return l;
}

export function renderPrintView(box: Element | null, doc: PlanDocument): void {
  if (!box) return;
  const meta = el('dl', undefined, { class: 'meta-list' });
  for (const [k, v] of doc.meta) meta.append(el('dt', k), el('dd', v));
  const table = el('table');
  const head = el('tr');
  head.append(el('th', '时间'), el('th', '内容'), el('th', '时长'));
  table.append(head, ...doc.agenda.map((a) => {
    const tr = el('tr');
    tr.append(el('td', a.time), el('td', a.label), el('td', `${a.minutes} 分钟`));
    return tr;
  }));
  const objectives = el('div');
  for (const o of doc.objectives) objectives.append(el('h3', o.module), list('ul', o.outcomes));
  const parts: Node[] = [el('h1', doc.title), meta, section('日程', table, el('p', doc.totals)), section('学习目标', objectives), section('材料', list('ul', doc.materials)), section('讨论题', list('ol', doc.questions))];
  if (doc.quiz.length > 0) {
    const quiz = el('ol');
    for (const q of doc.quiz) {
      const li = el('li', `（${q.type === 'single' ? '单选' : '多选'}）${q.question}`);
      li.append(list('ul', q.options.map((o, i) => `${letter(i)}. ${o}`)));
      quiz.append(li);
    }
    const key = section('参考答案（培训师用）', list('ol', doc.quiz.map((q) => `${q.answer.map(letter).join('')}：${q.explanation}`)));
    key.classList.add('builder__answer-key');
    parts.push(section('课后测验', quiz), key);
  }
  box.replaceChildren(...parts);
}

/** The 签到表: course, date and place at the top, one numbered row per participant to sign. */
export function renderSignIn(box: Element | null, doc: PlanDocument, rows: number): void {
  if (!box) return;
  const meta = el('dl', undefined, { class: 'meta-list' });
  for (const [k, v] of doc.meta) meta.append(el('dt', k), el('dd', v));
  const table = el('table', undefined, { class: 'builder__signin-table' });
  const head = el('tr');
  for (const h of ['序号', '姓名', '单位', '职务', '签到时间', '签名']) head.append(el('th', h, { scope: 'col' }));
  table.append(el('thead'), el('tbody'));
  table.tHead?.append(head);
  for (let i = 1; i <= rows; i++) {
    const tr = el('tr');
    tr.append(el('td', String(i)), ...Array.from({ length: 5 }, () => el('td', '')));
    table.tBodies[0]?.append(tr);
  }
  box.replaceChildren(el('h1', `${doc.title}　签到表`), meta, table, el('p', `应到 ${rows} 人，实到＿＿人。　　核对人：＿＿＿＿＿＿`));
}
