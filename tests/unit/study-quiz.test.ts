import { describe, expect, it } from 'vitest';
import { proofText } from '../../src/components/study/study-proof.ts';
import { addItem, emptyRecord, parseRecord, recordQuiz } from '../../src/components/study/study-record.ts';

const power = { id: 'leader-power-restraint', title: '领导干部：权力制约', hours: 3 };

describe('quiz scores in the study record', () => {
  it('adds a module when its quiz is taken, and a later attempt replaces the score', () => {
    let r = recordQuiz(emptyRecord(), power, { score: 3, total: 5, at: '2026-11-20' });
    expect(r.items).toEqual([{ kind: 'module', ...power, at: '2026-11-20', quiz: { score: 3, total: 5, at: '2026-11-20' } }]);
    r = recordQuiz(r, power, { score: 5, total: 5, at: '2026-11-22' });
    expect(r.items).toHaveLength(1);
    expect(r.items[0]).toMatchObject({ at: '2026-11-20', quiz: { score: 5, total: 5 } });
  });

  it('survives export and import, and drops an impossible score instead of showing it', () => {
    const r = recordQuiz(emptyRecord(), power, { score: 4, total: 5, at: '2026-11-20' });
    expect(parseRecord(JSON.stringify(r)).record).toEqual(r);
    const forged = JSON.stringify({ v: 1, items: [{ kind: 'module', ...power, at: '2026-11-20', quiz: { score: 9, total: 5 } }] });
    expect(parseRecord(forged).record.items[0]?.quiz).toBeUndefined();
  });

  it('prints a 学习证明 with the name typed in, the period, 学时 and each score', () => {
    let r = recordQuiz(emptyRecord(), power, { score: 4, total: 5, at: '2026-11-20' });
    r = addItem(r, { kind: 'module', id: 'staff-gifts', title: '普通职工：礼品礼金', hours: 1, at: '2026-11-25' });
    r = addItem(r, { kind: 'case', id: 'road', title: '公路案', hours: 0, at: '2026-11-21' });
    const p = proofText(r, '李明', '2026-11-29');
    expect(p.statement).toBe('兹证明 李明 于 2026-11-20 至 2026-11-25 期间学习了以下 2 个廉洁教育培训模块，累计 4 学时。');
    expect(p.rows.slice(1)).toEqual([
      ['领导干部：权力制约', '3', '2026-11-20', '4/5（2026-11-20）'],
      ['普通职工：礼品礼金', '1', '2026-11-25', '未测验'],
    ]);
  });
});
