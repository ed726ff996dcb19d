import { describe, expect, it } from 'vitest';
import { matches, readFilter, writeFilter } from '../../src/components/documents/doc-filter-state.ts';

describe('document filter', () => {
  it('round-trips through the URL', () => {
    const f = { status: 'current', issuer: '某市纪委监委' };
    expect(readFilter(writeFilter(f))).toEqual(f);
    expect(writeFilter({ status: '', issuer: '' })).toBe('');
  });

  it('matches every filter that is set', () => {
    const item = { status: 'revised', issuer: '中共中央' };
    expect(matches(item, { status: '', issuer: '' })).toBe(true);
    expect(matches(item, { status: 'revised', issuer: '' })).toBe(true);
    expect(matches(item, { status: 'revised', issuer: '全国人大' })).toBe(false);
    expect(matches(item, { status: 'current', issuer: '中共中央' })).toBe(false);
  });
});
