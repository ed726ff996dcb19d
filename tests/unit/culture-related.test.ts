import { describe, expect, it } from 'vitest';
import { relatedCulture } from '../../src/lib/culture-related.ts';

const item = (id: string, category: string, tags: string[], day: number) => ({ id, data: { category, tags, published: new Date(Date.UTC(2026, 0, day)) } });

describe('related culture items', () => {
  const items = [
    item('yang-zhen', 'history', ['四知', '拒贿'], 1),
    item('bao-zheng', 'history', ['清廉', '拒贿'], 2),
    item('hai-rui', 'history', ['清廉'], 3),
    item('family', 'family', ['家风', '拒贿'], 4),
    item('saying', 'saying', ['格言'], 5),
  ];
  const related = relatedCulture(items, 2);

  it('prefers shared tags, then the same category, then the newer item', () => {
    expect(related.get('yang-zhen')?.map((x) => x.id)).toEqual(['bao-zheng', 'family']);
    expect(related.get('hai-rui')?.map((x) => x.id)).toEqual(['bao-zheng', 'yang-zhen']);
  });

  it('never relates an item to itself, and an item sharing nothing gets nothing', () => {
    for (const [id, list] of related) expect(list.map((x) => x.id)).not.toContain(id);
    expect(related.get('saying')).toEqual([]);
  });
});
