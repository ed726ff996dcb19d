import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/load-content.ts';
import { postDigests, postFamilies, type Post } from '../../src/lib/posts.ts';
import type { CaseData } from '../../src/schemas/case.ts';
import type { CourseData } from '../../src/schemas/course.ts';

const post = (id: string, data: Partial<Post>) => ({ id, data: { id, name: id, description: '岗位说明', order: 100, family: 'key-post', level: 'unit', tier: 'key-post', riskPoints: [], ...data } as Post });
const kase = (id: string, tier: string, riskPoints: string[]) => ({ id, data: { tier, riskPoints } as unknown as CaseData });
const course = (id: string, audiences: string[], riskPoints: string[]) => ({ id, data: { audiences, riskPoints } as unknown as CourseData });
const indicator = (id: string, riskPoints: string[]) => ({ id, data: { riskPoints } });

describe('what a post should read', () => {
  const sources = {
    cases: [kase('leader-split', 'leader', ['split-purchase']), kase('clerk-split', 'key-post', ['split-purchase', 'bid-rigging']), kase('village', 'key-post', ['village-cash'])],
    courses: [course('for-leaders', ['leader'], ['split-purchase']), course('for-buyers', ['key-post'], ['bid-rigging']), course('unrelated', ['key-post'], ['village-cash'])],
    indicators: [indicator('same-ip', ['bid-rigging']), indicator('near-limit', ['split-purchase', 'bid-rigging'])],
    selfChecks: [{ id: 'procurement-staff', data: {} }],
  };
  const digests = postDigests([post('buyer', { riskPoints: ['split-purchase', 'bid-rigging'], selfCheck: 'procurement-staff' })], sources);
  const buyer = digests.get('buyer');

  it('gathers each case on its risk points once, those at its own tier first', () => {
    expect(buyer?.cases.map((c) => c.id)).toEqual(['clerk-split', 'leader-split']);
    expect(buyer?.riskCounts).toEqual([
      { id: 'split-purchase', cases: 2 },
      { id: 'bid-rigging', cases: 1 },
    ]);
  });

  it('separates modules for its tier from modules for other audiences on the same risks', () => {
    expect(buyer?.modules.map((m) => m.id)).toEqual(['for-buyers']);
    expect(buyer?.otherModules.map((m) => m.id)).toEqual(['for-leaders']);
  });

  it('lists indicators once, and its self-check list by id', () => {
    expect(buyer?.indicators.map((i) => i.id)).toEqual(['same-ip', 'near-limit']);
    expect(buyer?.selfCheck?.id).toBe('procurement-staff');
  });

  it('leaves a self-check list out when it is not published, instead of linking to nothing', () => {
    const d = postDigests([post('p', { riskPoints: ['village-cash'], selfCheck: 'gone' })], sources).get('p');
    expect(d?.selfCheck).toBeUndefined();
    expect(d?.cases.map((c) => c.id)).toEqual(['village']);
  });

  it('groups posts by family in a fixed order', () => {
    const groups = postFamilies([post('b', { family: 'soe', order: 1 }), post('a', { family: 'leadership', order: 2 }), post('c', { family: 'leadership', order: 1 })]);
    expect(groups.map((g) => [g.label, g.posts.map((p) => p.id)])).toEqual([
      ['领导干部', ['c', 'a']],
      ['国有企业', ['b']],
    ]);
  });
});

describe('the sample posts', () => {
  const { entries, problems } = loadContent('content');
  const of = (c: string) => entries.filter((e) => e.collection === c).map((e) => ({ id: e.id, data: e.data }));
  const posts = of('posts') as { id: string; data: Post }[];

  it('pass the content check, and every post leads to cases, a self-check list and modules', () => {
    expect(problems).toEqual([]);
    const digests = postDigests(posts, { cases: of('cases') as { id: string; data: CaseData }[], courses: of('courses') as { id: string; data: CourseData }[], indicators: of('indicators') as { id: string; data: { riskPoints: string[] } }[], selfChecks: of('selfChecks') });
    for (const [id, d] of digests) {
      expect(d.cases.length, id).toBeGreaterThan(0);
      expect(d.selfCheck, id).toBeDefined();
      expect(d.modules.length + d.otherModules.length, id).toBeGreaterThan(0);
    }
  });
});
