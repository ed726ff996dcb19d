import { describe, expect, it } from 'vitest';
import { emptyState, parseState, setChecked, storageKey, summary } from '../../src/components/self-check/self-check-state.ts';

const ids = ['split-duties', 'usb-keys', 'reconcile'];
const now = new Date('2026-11-25T08:00:00Z');

describe('self-check state', () => {
  it('round-trips ticks through storage', () => {
    const s = setChecked(setChecked(emptyState(), 'usb-keys', true, now), 'reconcile', true, now);
    expect(parseState(JSON.stringify(s), ids)).toEqual({ v: 1, checked: ['usb-keys', 'reconcile'], updated: '2026-11-25T08:00:00.000Z' });
    expect(storageKey('finance-staff')).toBe('lianjian:self-check:finance-staff');
  });

  it('unticks', () => {
    const s = setChecked(setChecked(emptyState(), 'usb-keys', true, now), 'usb-keys', false, now);
    expect(s.checked).toEqual([]);
  });

  it('survives corrupt, foreign or outdated data', () => {
    expect(parseState('{not json', ids)).toEqual(emptyState());
    expect(parseState('[1,2]', ids)).toEqual(emptyState());
    expect(parseState(JSON.stringify({ v: 2, checked: ['usb-keys'] }), ids)).toEqual(emptyState());
    expect(parseState(JSON.stringify({ v: 1, checked: ['usb-keys', 'removed-item', 7, 'usb-keys'], updated: 5 }), ids)).toEqual({ v: 1, checked: ['usb-keys'], updated: null });
  });

  it('summarises what is done and what is still open, in list order', () => {
    const s = setChecked(emptyState(), 'reconcile', true, now);
    expect(summary(s, ids)).toEqual({ done: 1, open: ['split-duties', 'usb-keys'] });
  });
});
