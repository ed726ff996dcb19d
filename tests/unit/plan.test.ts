import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/components/builder/catalog.ts';
import { catalogLookup, planDocument, toMarkdown } from '../../src/components/builder/plan-document.ts';
import { agenda, decodePlan, emptyPlan, encodePlan, moveItem, resolvePlan, type Plan } from '../../src/components/builder/plan.ts';

const quiz = (q: string) => ({ question: q, type: 'single' as const, options: ['对', '错'], answer: [0], explanation: `${q}的解析` });
const catalog: Catalog = {
  audiences: [{ id: 'leader', name: '领导干部' }],
  modules: [
    { id: 'power', title: '权力制约', summary: '', audiences: ['leader'], minutes: 90, hours: 2, outcomes: ['识别风险'], schedule: [], readings: ['《刑法》'], questions: ['谁来监督一把手？'], quiz: [quiz('问一')], cases: ['road'] },
    { id: 'decisions', title: '重大决策', summary: '', audiences: ['leader'], minutes: 45, hours: 1, outcomes: ['集体决策'], schedule: [], readings: [], questions: [], quiz: [quiz('问二')], cases: [] },
  ],
  cases: [{ id: 'road', title: '公路招标案', summary: '', questions: ['招标文件谁审核？'] }],
};
const lookup = catalogLookup(catalog);

const plan: Plan = {
  ...emptyPlan(),
  audience: 'leader',
  title: '一把手警示教育',
  date: '2026-12-08',
  start: '09:00',
  venue: '三楼会议室',
  trainer: '王老师',
  items: [
    { kind: 'module', id: 'power' },
    { kind: 'case', id: 'road', minutes: 30 },
    { kind: 'module', id: 'decisions' },
  ],
};

describe('plan in the URL', () => {
  it('round-trips exactly', () => {
    const search = encodePlan(plan);
    expect(decodePlan(search)).toEqual({ plan, notices: [] });
  });

  it('is short and readable', () => {
    expect(decodeURIComponent(encodePlan(plan))).toContain('i=m.power,c.road.30,m.decisions');
  });

  it('drops unknown ids with a notice instead of failing', () => {
    const withGone: Plan = { ...plan, items: [...plan.items, { kind: 'module', id: 'retired-module' }, { kind: 'case', id: 'gone', minutes: 20 }] };
    const { plan: resolved, notices } = resolvePlan(decodePlan(encodePlan(withGone)).plan, lookup);
    expect(resolved.items).toEqual(plan.items);
    expect(notices).toEqual(['培训模块“retired-module”已不存在或已下线，已从课程中移除。', '案例“gone”已不存在或已下线，已从课程中移除。']);
  });

  it('survives tampered input', () => {
    const { plan: p, notices } = decodePlan('?a=<script>&t=' + 'x'.repeat(500) + '&d=2026-02-30&s=25:99&i=m.ok,x.bad,c.UPPER,c.road.99999,m.');
    expect(p.audience).toBe('');
    expect(p.title).toHaveLength(80);
    expect(p.date).toBe('');
    expect(p.start).toBe('09:00');
    expect(p.items).toEqual([
      { kind: 'module', id: 'ok' },
      { kind: 'case', id: 'road', minutes: 30 },
    ]);
    expect(notices).toHaveLength(5);
  });

  it('reorders items', () => {
    expect(moveItem(plan, 2, 0).items.map((i) => i.id)).toEqual(['decisions', 'power', 'road']);
    expect(moveItem(plan, 0, 9)).toBe(plan);
  });
});

describe('agenda', () => {
  it('times every item from the start and sums minutes and 学时', () => {
    const a = agenda(plan, lookup);
    expect(a.rows.map((r) => `${r.start}-${r.end}`)).toEqual(['09:00-10:30', '10:30-11:00', '11:00-11:45']);
    expect(a.minutes).toBe(165);
    expect(a.hours).toBe(3.5);
  });
});

describe('plan document', () => {
  const doc = planDocument(plan, catalog);

  it('collects objectives, materials, questions and the quiz', () => {
    expect(doc.objectives.map((o) => o.module)).toEqual(['权力制约', '重大决策']);
    expect(doc.materials).toEqual(['《刑法》', '案例：公路招标案']);
    expect(doc.questions).toEqual(['谁来监督一把手？', '招标文件谁审核？']);
    expect(doc.quiz.map((q) => q.question)).toEqual(['问一', '问二']);
  });

  it('writes Markdown with the quiz and a separate answer key', () => {
    const md = toMarkdown(doc);
    expect(md).toContain('# 一把手警示教育');
    expect(md).toContain('| 09:00—10:30 | 培训模块：权力制约 | 90 分钟 |');
    expect(md).toContain('共 165 分钟，合 3.5 学时');
    expect(md.indexOf('## 测验')).toBeLessThan(md.indexOf('## 参考答案（培训师用）'));
    expect(md).toContain('1. A：问一的解析');
  });
});
