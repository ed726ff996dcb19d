/**
 * A screen-reader user moves through a page by its headings: every built page has exactly one
 * <h1>, and no heading skips a level below the one before it (an <h1> followed by an <h3> leaves the
 * reader wondering what was missed; Lighthouse and axe report it as heading-order). The order is
 * checked by html-validate's heading-level rule on every page of every type; what scripts add
 * (search results, the filtered case list) is checked by axe in a11y.test.ts.
 */
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { DIST, distFile, htmlPages } from '../helpers/dist.ts';

const validator = new HtmlValidate({ rules: { 'heading-level': ['error', { allowMultipleH1: false, minInitialRank: 'h1' }] } });

async function headingProblems(html: string): Promise<string[]> {
  const report = await validator.validateString(html);
  const problems = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.message}`));
  const h1 = (html.match(/<h1[\s>]/g) ?? []).length;
  if (h1 !== 1) problems.push(`${h1} 个 <h1>（应为 1 个）`);
  return problems;
}

describe('heading levels', () => {
  it('every page of every type has one h1 and no skipped heading level', async () => {
    const pages = htmlPages();
    expect(pages.length).toBeGreaterThan(100);
    const problems: string[] = [];
    for (const page of pages) for (const p of await headingProblems(distFile(page))) problems.push(`${DIST}/${page}:${p}`);
    expect(problems).toEqual([]);
  });

  it('catches a list of cards under the page title with no heading between', async () => {
    const skipped = '<!doctype html><html lang="zh-CN"><head><title>t</title></head><body><main><h1>学习路径</h1><ul><li><h3>领导干部学习路径</h3></li></ul></main></body></html>';
    expect(await headingProblems(skipped)).toEqual([expect.stringContaining('expected <h2> but got <h3>')]);
    const noTitle = '<!doctype html><html lang="zh-CN"><head><title>t</title></head><body><main><p>没有标题</p></main></body></html>';
    expect(await headingProblems(noTitle)).toEqual(['0 个 <h1>（应为 1 个）']);
  });
});
