/** The case library as built: coverage of the sample cases, the sections of each page, and links. */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/load-content.ts';
import { checkLinks } from '../../src/lib/link-check.ts';
import type { CaseData } from '../../src/schemas/case.ts';
import { allFiles, distFile, htmlPages } from '../helpers/dist.ts';

const cases = loadContent('content').entries.filter((e) => e.collection === 'cases');
const data = cases.map((c) => c.data as unknown as CaseData);
const chinese = (s: string) => (s.match(/[\u4e00-\u9fff]/g) ?? []).length;

describe('the sample case library', () => {
  it('has at least 40 hand-written teaching cases of 800–2,000 Chinese characters', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    for (const c of cases) {
      expect((c.data as unknown as CaseData).kind, c.file).toBe('teaching');
      expect(chinese(c.body), c.file).toBeGreaterThanOrEqual(800);
      expect(chinese(c.body), c.file).toBeLessThanOrEqual(2000);
    }
  });

  it('covers 10 sectors, all power stages, all tiers and every year 2018–2025', () => {
    expect(new Set(data.map((d) => d.sector)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(data.map((d) => d.powerStage))).toEqual(new Set(['decision', 'execution', 'supervision']));
    expect(new Set(data.map((d) => d.tier))).toEqual(new Set(['leader', 'key-post', 'staff']));
    const years = new Set(data.map((d) => d.year));
    for (let y = 2018; y <= 2025; y++) expect(years.has(y), String(y)).toBe(true);
  });
});

describe('case pages', () => {
  it.each(cases.map((c) => c.id))('%s has every section and says it is an anonymised teaching case', (id) => {
    const html = distFile(`cases/${id}/index.html`);
    for (const heading of ['基本案情', '违纪违法事实', '处理结果', '警示启示', '整改措施', '处理依据链条', '分层警示', '以案四说', '讨论题']) {
      expect(html, heading).toMatch(new RegExp(`<h2[^>]*>${heading}</h2>`));
    }
    expect(html).toContain('本案例为教学案例，人物、单位均为化名。');
  });

  it('every link in the site, article anchors included, lands on something that exists', () => {
    const pages = htmlPages().map((file) => ({ file, html: distFile(file) }));
    expect(checkLinks(pages, allFiles())).toEqual([]);
  });

  it('every legal-basis link of a case points at an article anchor', () => {
    const anchors = cases.flatMap((c) => [...distFile(`cases/${c.id}/index.html`).matchAll(/href="(\/documents\/[^"#]+\/#article-[^"]+)"/g)].map((m) => m[1]));
    expect(anchors.length).toBeGreaterThan(cases.length);
  });
});

describe('model texts on a case page', () => {
  it('are offered for comparison, never as the rule the unit broke', () => {
    const html = distFile('cases/soe-chairman-meeting-bypass/index.html').replace(/<[^>]+>/g, '');
    expect(html).toContain('可对照的示范条款');
    expect(html).toContain('下列条款出自本站的示范文本，不是本案单位当时施行的制度，本案并非违反了它们。');
    expect(html).toContain('《“三重一大”集体决策制度》第三条');
    for (const c of cases) expect(distFile(`cases/${c.id}/index.html`), c.id).not.toContain('违反的本单位制度');
  });
});
