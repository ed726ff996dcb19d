import { describe, expect, it } from 'vitest';
import { orderByPrerequisites } from '../../src/lib/tracks.ts';
import type { CourseData } from '../../src/schemas/course.ts';

const mod = (id: string, prerequisites: string[] = [], durationMinutes = 45) => ({ id, data: { prerequisites, durationMinutes } as CourseData });

describe('module order in a track', () => {
  it('puts prerequisites first and keeps the rest in order', () => {
    const order = orderByPrerequisites([mod('c', ['b']), mod('a'), mod('b', ['a'])]).map((m) => m.id);
    expect(order).toEqual(['a', 'b', 'c']);
  });

  it('ignores prerequisites outside the track and survives a cycle', () => {
    expect(orderByPrerequisites([mod('x', ['elsewhere'])]).map((m) => m.id)).toEqual(['x']);
    expect(orderByPrerequisites([mod('p', ['q']), mod('q', ['p'])]).map((m) => m.id).sort()).toEqual(['p', 'q']);
  });
});
