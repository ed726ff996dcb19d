/** 课件包 in the built site: the data the downloads read, and the writers kept out of the builder's own script. */
import { describe, expect, it } from 'vitest';
import { coursewareBytes } from '../../src/bench/run.ts';
import type { CoursewareData } from '../../src/components/builder/catalog.ts';
import { DIST, distFile } from '../helpers/dist.ts';

describe('courseware in the built site', () => {
  it('loads pptxgenjs and docx only on download: the builder page stays under 30 KB of script', () => {
    const js = coursewareBytes(DIST);
    expect(js.builderPage).toBeLessThan(30_000);
    expect(js.slides).toBeGreaterThan(100_000);
    expect(js.handout).toBeGreaterThan(100_000);
    expect(distFile('builder/index.html')).not.toMatch(/pptx-export|docx-export/);
  });

  it('gives every catalogue case its four parts and article chain, and only published cases', () => {
    const data = JSON.parse(distFile('builder/courseware.json')) as CoursewareData;
    const catalog = JSON.parse(distFile('builder/catalog.json')) as { cases: { id: string }[] };
    expect(data.cases.map((c) => c.id).sort()).toEqual(catalog.cases.map((c) => c.id).sort());
    for (const c of data.cases) {
      for (const part of [c.background, c.facts, c.outcome, c.lessons]) expect(part.length, c.id).toBeGreaterThan(0);
      expect(c.chain.length, c.id).toBeGreaterThan(0);
      expect([...c.background, ...c.facts].join(''), c.id).not.toMatch(/\*\*|\]\(/);
    }
  });
});
