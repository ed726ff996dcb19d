import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/components/builder/catalog.ts';
import { catalogLookup, planDocument } from '../../src/components/builder/plan-document.ts';
import { addToPlan, agenda, checkTarget, decodePlan, emptyPlan, encodePlan, type Plan } from '../../src/components/builder/plan.ts';

const catalog: Catalog = {
  audiences: [],
  modules: [
    { id: 'power', title: '权力制约', summary: '', audiences: ['leader'], minutes: 90, hours: 2, outcomes: [], schedule: [], readings: [], questions: [], quiz: [], cases: [] },
    { id: 'money', title: '资金监管', summary: '', audiences: ['leader'], minutes: 90, hours: 2, outcomes: [], schedule: [], readings: [], questions: [], quiz: [], cases: [] },
  ],
  cases: [],
};
const look = catalogLookup(catalog);

const halfDay: Plan = {
  ...emptyPlan(),
  title: '半天专题',
  unit: '某县纪委监委',
  target: 210,
  items: [
    { kind: 'break', id: 'opening', minutes: 15 },
    { kind: 'module', id: 'power' },
    { kind: 'break', id: 'tea', minutes: 15 },
    { kind: 'module', id: 'money' },
  ],
};

describe('a course with a target length and breaks', () => {
  it('keeps the unit, the target and the breaks in the link', () => {
    const search = encodePlan(halfDay);
    expect(decodeURIComponent(search)).toContain('i=b.opening.15,m.power,b.tea.15,m.money');
    expect(decodePlan(search)).toEqual({ plan: halfDay, notices: [] });
  });

  it('times 开班 and 茶歇 in the agenda, with no 学时 for them', () => {
    const { rows, minutes, hours } = agenda(halfDay, look);
    expect(rows.map((r) => `${r.start}—${r.end}`)).toEqual(['09:00—09:15', '09:15—10:45', '10:45—11:00', '11:00—12:30']);
    expect(minutes).toBe(210);
    expect(hours).toBe(4);
    expect(planDocument(halfDay, catalog).agenda.map((a) => a.label)).toEqual(['开班式', '培训模块：权力制约', '茶歇', '培训模块：资金监管']);
  });

  it('says a half day fits, and warns when it runs over or under', () => {
    expect(checkTarget(halfDay, agenda(halfDay, look).rows)).toMatchObject({ state: 'fits', counted: 210 });
    const over = { ...halfDay, items: [...halfDay.items, { kind: 'case' as const, id: 'x', minutes: 60 }] };
    const overCheck = checkTarget(over, agenda(over, { ...look, knowsCase: () => true }).rows);
    expect(overCheck.state).toBe('over');
    expect(overCheck.message).toBe('已超出目标半天（210 分钟，不含午休） 60 分钟：请移除一项，或缩短案例研讨。');
    const day = { ...halfDay, target: 390 };
    expect(checkTarget(day, agenda(day, look).rows).message).toContain('还差 180 分钟');
  });

  it('does not count 午休 towards a day', () => {
    const day: Plan = { ...halfDay, target: 390, items: [...halfDay.items, { kind: 'break', id: 'lunch', minutes: 90 }, { kind: 'module', id: 'power' }] };
    expect(checkTarget(day, agenda(day, look).rows)).toMatchObject({ counted: 300, state: 'under' });
  });

  it('refuses the same module twice and says where it already is, but allows a second 茶歇', () => {
    const again = addToPlan(halfDay, { kind: 'module', id: 'money' });
    expect(again.duplicateAt).toBe(3);
    expect(again.plan).toBe(halfDay);
    expect(addToPlan(halfDay, { kind: 'break', id: 'tea', minutes: 15 }).plan.items).toHaveLength(5);
  });

  it('stops at 40 items and says so instead of dropping the new one silently', () => {
    const full: Plan = { ...halfDay, items: Array.from({ length: 40 }, () => ({ kind: 'break' as const, id: 'tea' as const, minutes: 15 })) };
    expect(addToPlan(full, { kind: 'module', id: 'power' })).toEqual({ plan: full, full: true });
  });

  it('drops a target it cannot read, saying so', () => {
    expect(decodePlan('?g=半天&i=m.power')).toMatchObject({ plan: { target: 0 }, notices: ['目标时长“半天”无法识别，已取消目标。'] });
  });
});
