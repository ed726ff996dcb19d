import { describe, expect, it } from 'vitest';
import { addItem, emptyRecord, mergeRecords, parseRecord, removeItem, totals, type StudyItem } from '../../src/components/study/study-record.ts';

const mod: StudyItem = { kind: 'module', id: 'leader-power-restraint', title: '权力制约', hours: 3, at: '2026-11-20' };
const kase: StudyItem = { kind: 'case', id: 'county-road-tender-tailoring', title: '公路招标案', hours: 0, at: '2026-11-21' };

describe('study record', () => {
  it('adds items once, removes them, and totals 学时', () => {
    let r = addItem(addItem(addItem(emptyRecord(), mod), kase), { ...mod, at: '2026-11-25' });
    expect(r.items).toHaveLength(2);
    expect(r.items[0]?.at).toBe('2026-11-20');
    expect(totals(r)).toEqual({ modules: 1, cases: 1, hours: 3 });
    r = removeItem(r, 'module', mod.id);
    expect(totals(r)).toEqual({ modules: 0, cases: 1, hours: 0 });
  });

  it('exports and imports the same record', () => {
    const r = addItem(addItem(emptyRecord(), mod), kase);
    expect(parseRecord(JSON.stringify(r))).toEqual({ record: r, rejected: 0 });
  });

  it('rejects a foreign or broken file with a reason, and skips unreadable items', () => {
    expect(parseRecord('not json').error).toBe('文件不是有效的 JSON。');
    expect(parseRecord('{"items":[]}').error).toBe('这不是廉鉴导出的学习记录文件。');
    const mixed = { v: 1, items: [mod, { kind: 'video', id: 'x', title: 't' }, { ...kase, id: '../etc' }, { ...kase, hours: 99 }] };
    const { record, rejected } = parseRecord(JSON.stringify(mixed));
    expect(rejected).toBe(2);
    expect(record.items).toEqual([mod, kase]);
  });

  it('merges an import into the current record, keeping the earlier date', () => {
    const a = addItem(emptyRecord(), { ...mod, at: '2026-11-22' });
    const b = addItem(addItem(emptyRecord(), mod), kase);
    expect(mergeRecords(a, b).items).toEqual([mod, kase]);
  });
});
