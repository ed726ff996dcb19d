import { describe, expect, it } from 'vitest';
import { cultureLanding } from '../../src/lib/culture-landing.ts';

const item = (id: string, category: string, images = 0) => ({ id, data: { category, images: Array.from({ length: images }, () => ({})) } });

describe('culture landing', () => {
  const items = [item('new-saying', 'saying'), item('story-pic', 'story', 1), item('old-story', 'story'), item('history-pic', 'history', 1)];
  const { lead, groups } = cultureLanding(items, ['story', 'family', 'history', 'saying']);

  it('leads with the newest item that has a picture', () => {
    expect(lead?.id).toBe('story-pic');
  });

  it('lists every other item once, under its category, and skips empty categories', () => {
    expect(groups.map((g) => [g.category, g.count, g.items.map((i) => i.id)])).toEqual([
      ['story', 2, ['old-story']],
      ['history', 1, ['history-pic']],
      ['saying', 1, ['new-saying']],
    ]);
    const ids = [lead?.id, ...groups.flatMap((g) => g.items.map((i) => i.id))];
    expect(ids.sort()).toEqual(items.map((i) => i.id).sort());
  });

  it('gives a category a cover picture when one of its items has one', () => {
    expect(groups.find((g) => g.category === 'history')?.cover?.id).toBe('history-pic');
    expect(groups.find((g) => g.category === 'story')?.cover?.id).toBe('story-pic');
    expect(groups.find((g) => g.category === 'saying')?.cover).toBeUndefined();
  });
});
