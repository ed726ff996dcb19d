import { describe, expect, it } from 'vitest';
import { matches, readFilter, writeFilter } from '../../src/components/documents/doc-filter-state.ts';

describe('document filter', () => {
  it('round-trips through the URL', () => {
    const f = { status: 'current', issuer: '某市纪委监委', unit: 'province-commission-regulations' };
    expect(readFilter(writeFilter(f))).toEqual(f);
    expect(writeFilter({ status: '', issuer: '', unit: '' })).toBe('');
    expect(readFilter('?unit=city-trading-center')).toEqual({ status: '', issuer: '', unit: 'city-trading-center' });
  });

  it('matches every filter that is set', () => {
    const item = { status: 'revised', issuer: '中共中央', unit: 'province-commission-regulations' };
    expect(matches(item, { status: '', issuer: '', unit: '' })).toBe(true);
    expect(matches(item, { status: 'revised', issuer: '', unit: '' })).toBe(true);
    expect(matches(item, { status: 'revised', issuer: '全国人大', unit: '' })).toBe(false);
    expect(matches(item, { status: 'current', issuer: '中共中央', unit: '' })).toBe(false);
    expect(matches(item, { status: '', issuer: '', unit: 'province-commission-regulations' })).toBe(true);
    expect(matches(item, { status: 'revised', issuer: '', unit: 'city-trading-center' })).toBe(false);
  });
});
