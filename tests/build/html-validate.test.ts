/** Every built page is valid HTML by html-validate's recommended rules. */
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { DIST, htmlPages } from '../helpers/dist.ts';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // A multiple-choice question is a group of checkboxes sharing one name, as HTML intends.
    'form-dup-name': ['error', { shared: ['radio', 'checkbox', 'button', 'reset', 'submit'] }],
    // HTML allows ids that start with a digit; Markdown headings such as “86元” produce them.
    'valid-id': ['error', { relaxed: true }],
  },
});

describe('valid HTML', () => {
  it('every page of every type passes html-validate', async () => {
    const pages = htmlPages();
    expect(pages.length).toBeGreaterThan(100);
    const problems: string[] = [];
    for (const page of pages) {
      const report = await validator.validateFile(`${DIST}/${page}`);
      for (const r of report.results) for (const m of r.messages) problems.push(`${page}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(problems).toEqual([]);
  });

  it('catches a planted fault', async () => {
    const report = await validator.validateString('<!doctype html><html lang="zh-CN"><head><title>t</title></head><body><main><p><div>x</div></p><img src="a.png"></main></body></html>');
    expect(report.valid).toBe(false);
    expect(report.results[0]?.messages.map((m) => m.ruleId)).toEqual(expect.arrayContaining(['wcag/h37']));
  });
});
