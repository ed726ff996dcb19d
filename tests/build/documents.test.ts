/** Rules as built: version links, article anchors, backlinks and the review board. */
import { describe, expect, it } from 'vitest';
import { articleAnchor } from '../../src/lib/cn-numerals.ts';
import { loadContent } from '../../src/lib/load-content.ts';
import { ARTICLE_CITING_CASES } from '../../src/lib/case-preview.ts';
import { CASES_PER_PAGE } from '../../src/lib/facets.ts';
import { isPublished } from '../../src/lib/publish.ts';
import { articleRefsOfCase, compareCases } from '../../src/lib/site-model.ts';
import { urls } from '../../src/lib/urls.ts';
import type { CaseData } from '../../src/schemas/case.ts';
import type { DocumentData } from '../../src/schemas/document.ts';
import { distFile, pageExists } from '../helpers/dist.ts';

const { entries } = loadContent('content');
const docs = entries.filter((e) => e.collection === 'documents').map((e) => ({ id: e.id, data: e.data as unknown as DocumentData }));
const cases = entries.filter((e) => e.collection === 'cases').map((e) => ({ id: e.id, data: e.data as unknown as CaseData }));

const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');

describe('document pages', () => {
  it('has at least 8 model texts', () => {
    expect(docs.filter((d) => d.data.model).length).toBeGreaterThanOrEqual(8);
  });

  it.each(docs.filter((d) => d.data.supersedes).map((d) => [d.data.supersedes as string, d.id]))('%s points to its successor %s', (old, successor) => {
    const html = distFile(`documents/${old}/index.html`);
    expect(html).toMatch(new RegExp(`<a href="${urls.document(successor)}" rel="successor-version"`));
    expect(html).toContain('id="compare"');
  });

  it('every article has its anchor', () => {
    for (const d of docs) {
      const html = distFile(`documents/${d.id}/index.html`);
      for (const a of d.data.articles) expect(html, `${d.id} ${a.n}`).toContain(`id="${articleAnchor(a.n)}"`);
    }
  });

  it('an article lists its newest citing cases, and says how many cite it when it lists only some', () => {
    const citing = cases.filter((c) => articleRefsOfCase(c.data).includes('criminal-law#385') && isPublished(c.data, 'public')).sort(compareCases);
    expect(citing.length).toBeGreaterThan(ARTICLE_CITING_CASES);
    const html = distFile('documents/criminal-law/index.html');
    const article = html.slice(html.indexOf(`id="${articleAnchor('385')}"`), html.indexOf(`id="${articleAnchor('386')}"`));
    for (const c of citing.slice(0, ARTICLE_CITING_CASES)) expect(article, c.id).toContain(`href="${urls.case(c.id)}"`);
    for (const c of citing.slice(ARTICLE_CITING_CASES)) expect(article, c.id).not.toContain(`href="${urls.case(c.id)}"`);
    expect(text(article)).toContain(`引用本条的案例（共 ${citing.length} 个，这里列出最新的 ${ARTICLE_CITING_CASES} 个）：`);
    // Cases and modules on lines of their own, so the reader can count the cases the line names.
    const caseLine = /<p class="article__cited[^>]*>\s*引用本条的案例[\s\S]*?<\/p>/.exec(article)?.[0] ?? '';
    expect([...caseLine.matchAll(/href="\/cases\//g)]).toHaveLength(ARTICLE_CITING_CASES);
    expect(caseLine).not.toContain('href="/courses/');
    expect(text(article)).toMatch(/讲到本条的培训模块：/);
  });

  it('「查看全部 N 个案例」 under an article leads to its own list of every citing case, newest first, page by page', () => {
    const citing = cases.filter((c) => articleRefsOfCase(c.data).includes('criminal-law#385') && isPublished(c.data, 'public')).sort(compareCases);
    const html = distFile('documents/criminal-law/index.html');
    const href = urls.articleCases('criminal-law', '385');
    expect(href).toBe('/documents/criminal-law/article-385/');
    expect(html).toMatch(new RegExp(`<a href="${href}"[^>]*>查看全部 ${citing.length} 个案例</a>`));
    const first = distFile('documents/criminal-law/article-385/index.html');
    expect(text(first)).toContain('引用《刑法》第三百八十五条的案例');
    expect(text(first)).toContain(`共 ${citing.length} 个案例引用本条，最新的在前。`);
    // The article's text and the way back to it in the rule.
    expect(first).toContain(`href="${urls.article('criminal-law', '385')}"`);
    const listed: string[] = [];
    for (let n = 1; n <= Math.ceil(citing.length / CASES_PER_PAGE); n++) {
      const page = distFile(`documents/criminal-law/article-385/${n === 1 ? '' : `page/${n}/`}index.html`);
      listed.push(...[...page.matchAll(/<h3 class="card__title"[^>]*><a href="\/cases\/([^/"]+)\/"/g)].map((m) => m[1] as string));
    }
    expect(listed).toEqual(citing.map((c) => c.id));
  });

  it('an article no case cites has no case list page', () => {
    const d = docs.find((x) => x.data.articles.some((a) => !cases.some((c) => articleRefsOfCase(c.data).includes(`${x.id}#${a.n}`))));
    const a = d?.data.articles.find((y) => !cases.some((c) => articleRefsOfCase(c.data).includes(`${d.id}#${y.n}`)));
    expect(a, 'some article is cited by no case').toBeDefined();
    expect(pageExists(`documents/${d?.id}/${articleAnchor(a?.n ?? '')}/`)).toBe(false);
  });

  it('the review board lists every current document and marks overdue ones', () => {
    const html = distFile('documents/review/index.html');
    for (const d of docs.filter((x) => x.data.status === 'current')) expect(html, d.id).toContain(`href="${urls.document(d.id)}"`);
    expect(html).toContain('review__row--overdue');
  });
});
