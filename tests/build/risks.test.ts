/** The risk spine as built: every risk point page lists exactly the entries that reference it. */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/load-content.ts';
import { POST_PAGE_CASES, RISK_PAGE_CASES } from '../../src/lib/case-preview.ts';
import type { Post } from '../../src/lib/posts.ts';
import { isPublished } from '../../src/lib/publish.ts';
import { compareCases } from '../../src/lib/site-model.ts';
import { urls } from '../../src/lib/urls.ts';
import type { CaseData } from '../../src/schemas/case.ts';
import type { CourseData } from '../../src/schemas/course.ts';
import type { z } from '../../src/schemas/messages.ts';
import type { indicatorSchema, selfCheckSchema } from '../../src/schemas/spine.ts';
import { distFile } from '../helpers/dist.ts';

const { entries } = loadContent('content');
const of = <T>(c: string) => entries.filter((e) => e.collection === c).map((e) => ({ id: e.id, data: e.data as unknown as T }));
const cases = of<CaseData>('cases');
const courses = of<CourseData>('courses');
const indicators = of<z.infer<typeof indicatorSchema>>('indicators');
const selfChecks = of<z.infer<typeof selfCheckSchema>>('selfChecks');
const riskPoints = entries.filter((e) => e.collection === 'riskPoints').map((e) => e.id);

/** The link a reader follows to every case on a risk point, as the page words it. */
const allCasesLink = (rp: string, total: number) => new RegExp(`href="${urls.caseFacet('risk', rp)}"[^>]*>查看全部 ${total} 个案例</a>`);

/** The hrefs inside one `<h2 id=…>` section of a page, up to the next h2. */
function sectionLinks(html: string, id: string): string[] {
  const start = html.indexOf(`<h2 id="${id}"`);
  if (start < 0) return [];
  const end = html.indexOf('<h2', start + 1);
  return [...html.slice(start, end < 0 ? undefined : end).matchAll(/href="([^"]+)"/g)].map((m) => m[1] ?? '');
}

describe('risk taxonomy and map', () => {
  it('has at least 30 risk points across at least 10 sectors', () => {
    const sectors = new Set(entries.filter((e) => e.collection === 'riskPoints').map((e) => (e.data as { sector: string }).sector));
    expect(riskPoints.length).toBeGreaterThanOrEqual(30);
    expect(sectors.size).toBeGreaterThanOrEqual(10);
  });

  it('draws the map with a link for every case cell and a data table: recent years by default, all years on their own page', () => {
    const newest = Math.max(...cases.map((c) => c.data.year));
    for (const [path, shown] of [
      ['risks/index.html', cases.filter((c) => c.data.year > newest - 5)],
      ['risks/all/index.html', cases],
    ] as const) {
      const html = distFile(path);
      expect(html).toContain('<svg');
      expect(html).toContain('id="heat-title"');
      expect(html).toContain('以表格查看风险地图数据');
      for (const c of shown) for (const rp of c.data.riskPoints) expect(html, path).toContain(`href="${urls.riskPoint(rp)}#sector-${c.data.sector}"`);
    }
  });
});

describe.each(riskPoints)('risk point %s', (rp) => {
  const html = distFile(`risks/${rp}/index.html`);
  const expectLinks = (section: string, expected: string[]) => {
    const entryPages = sectionLinks(html, section).filter((h) => /^\/(cases|courses|indicators|self-check)\/[^/]+\/$/.test(h));
    expect([...new Set(entryPages)].sort(), section).toEqual([...new Set(expected)].sort());
  };

  it('lists its newest cases in each sector, and links to all of them when there are more', () => {
    const all = cases.filter((c) => c.data.riskPoints.includes(rp) && isPublished(c.data, 'public')).sort(compareCases);
    const bySector = new Map<string, typeof all>();
    for (const c of all) bySector.set(c.data.sector, [...(bySector.get(c.data.sector) ?? []), c]);
    const shown = [...bySector.values()].flatMap((list) => list.slice(0, RISK_PAGE_CASES));
    expectLinks('cases', shown.map((c) => urls.case(c.id)));
    if (shown.length < all.length) expect(html).toMatch(allCasesLink(rp, all.length));
    else expect(html).not.toContain('查看全部');
  });

  it('lists exactly its modules, indicators and self-check lists', () => {
    expectLinks('modules', courses.filter((c) => c.data.riskPoints.includes(rp)).map((c) => urls.course(c.id)));
    expectLinks('indicators', indicators.filter((x) => x.data.riskPoints.includes(rp)).map((x) => urls.indicator(x.id)));
    expectLinks('self-check', selfChecks.filter((s) => s.data.items.some((i) => i.riskPoints.includes(rp))).map((s) => urls.selfCheck(s.id)));
  });
});

describe.each(entries.filter((e) => e.collection === 'posts').map((e) => ({ id: e.id, data: e.data as unknown as Post })))('post $id', (post) => {
  it('shows its first cases (its own tier first) and links to all the cases of each risk point it cannot show in full', () => {
    const html = distFile(`posts/${post.id}/index.html`);
    const all = cases.filter((c) => isPublished(c.data, 'public') && c.data.riskPoints.some((r) => post.data.riskPoints.includes(r))).sort(compareCases);
    const ordered = [...all.filter((c) => c.data.tier === post.data.tier), ...all.filter((c) => c.data.tier !== post.data.tier)];
    const shown = ordered.slice(0, POST_PAGE_CASES);
    const caseLinks = sectionLinks(html, 'cases').filter((h) => /^\/cases\/[^/]+\/$/.test(h));
    expect(caseLinks).toEqual(shown.map((c) => urls.case(c.id)));
    for (const rp of post.data.riskPoints) {
      const onRisk = all.filter((c) => c.data.riskPoints.includes(rp));
      if (onRisk.some((c) => !shown.includes(c))) expect(html, rp).toMatch(allCasesLink(rp, onRisk.length));
      else expect(html, rp).not.toContain(`href="${urls.caseFacet('risk', rp)}"`);
    }
  });
});
