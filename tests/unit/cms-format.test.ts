/**
 * What the web editor writes: opening an entry and saving it unchanged leaves the file byte for
 * byte as it was (every sample entry), and an edit changes only the lines of the fields edited.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { canonicalPair, fromFile, SOURCE_KEY, toFile } from '../../src/lib/cms-format.ts';
import { cmsConfig } from '../../src/lib/cms-config.ts';
import { editorInputs } from '../../src/lib/editor-check.ts';
import { parseMarkdown } from '../../src/lib/frontmatter.ts';
import { collectionSpecs } from '../../src/schemas/index.ts';

const entryFolders = Object.values(collectionSpecs).filter((s) => s.kind === 'entries').map((s) => s.path);
const samples = ['content', 'tests/fixtures/mini'].flatMap((root) =>
  entryFolders.flatMap((folder) => {
    try {
      return readdirSync(join(root, folder)).filter((f) => f.endsWith('.md')).map((f) => join(root, folder, f));
    } catch {
      return [];
    }
  }),
);

const order = cmsConfig({ ...editorInputs('content'), contentFolder: 'content', branch: 'main', proxyUrl: 'http://x' }).collections.find((c) => c.name === 'cases')?.fields.map((f) => f.name) ?? [];
const road = readFileSync('content/cases/county-road-tender-tailoring.md', 'utf8');
const lines = (text: string) => text.split('\n');
/** Lines of `b` not in `a` and of `a` not in `b`. */
function changedLines(a: string, b: string) {
  const la = lines(a);
  const lb = lines(b);
  return { removed: la.filter((l) => !lb.includes(l)), added: lb.filter((l) => !la.includes(l)) };
}

describe('round trip: an entry saved unchanged is the same file', () => {
  it('has samples to check', () => {
    expect(samples.length).toBeGreaterThan(100);
  });
  for (const file of samples) {
    it(file, () => {
      const text = readFileSync(file, 'utf8');
      expect(toFile(fromFile(text), order)).toBe(text);
    });
  }
});

describe('an edit touches only what was edited', () => {
  it('changing the amount rewrites that one line', () => {
    const data = fromFile(road);
    data['amount'] = 140.5;
    expect(changedLines(road, toFile(data, order))).toEqual({ removed: ['amount: 132.4'], added: ['amount: 140.5'] });
  });

  it('clearing an optional field removes its line; the rest keeps its layout', () => {
    const data = fromFile(road);
    data['filed'] = '';
    const out = toFile(data, order);
    expect(changedLines(road, out)).toEqual({ removed: ['filed: 2018-09-12'], added: [] });
  });

  it('a newly filled field lands at its schema place, in the fixed style', () => {
    const data = fromFile(road);
    data['circumstance'] = { label: '其他较重情节', fact: '为他人谋取不正当利益，致使公共财产损失3.9万元' };
    const out = toFile(data, order);
    expect(out).toContain('amount: 132.4\ncircumstance:\n  label: 其他较重情节\n  fact: 为他人谋取不正当利益，致使公共财产损失3.9万元\ndisposition:\n');
    expect(parseMarkdown(out).data['circumstance']).toEqual(data['circumstance']);
  });

  it('the body is written as edited, the frontmatter untouched', () => {
    const data = fromFile(road);
    data['body'] = String(data['body']).replace('## 基本案情', '## 基本案情\n\n补充一句。');
    const out = toFile(data, order);
    expect(out.slice(0, out.indexOf('## 基本案情'))).toBe(road.slice(0, road.indexOf('## 基本案情')));
    expect(out).toContain('## 基本案情\n\n补充一句。');
  });
});

describe('a new entry', () => {
  const data = {
    title: '某镇财政所出纳挪用公款案',
    riskPoints: ['cash-without-dual-control'],
    summary: '出纳利用一人经手网银的漏洞挪用公款：用于个人理财。',
    published: '2026-11-29',
    questions: ['这个漏洞为什么多年没有被发现？', '#号开头的问题'],
    disposition: { measures: [], criminal: { charges: ['挪用公款罪'], term: '有期徒刑三年', basis: ['criminal-law#384'] } },
    body: '## 基本案情\n\n张某……\n',
  };
  const out = toFile(data, order);

  it('is written in schema order, dates and ids plain, sentences one a line', () => {
    expect(out).toBe(
      [
        '---',
        'title: 某镇财政所出纳挪用公款案',
        'summary: 出纳利用一人经手网银的漏洞挪用公款：用于个人理财。',
        'published: 2026-11-29',
        'riskPoints: [cash-without-dual-control]',
        'disposition:',
        '  criminal:',
        '    charges: [挪用公款罪]',
        '    term: 有期徒刑三年',
        '    basis: [criminal-law#384]',
        'questions:',
        '  - 这个漏洞为什么多年没有被发现？',
        "  - '#号开头的问题'",
        '---',
        '',
        '## 基本案情',
        '',
        '张某……',
        '',
      ].join('\n'),
    );
  });

  it('reads back to the same values, and round-trips from then on', () => {
    const { body, ...fields } = data;
    const back = parseMarkdown(out).data;
    expect(back).toEqual({ ...fields, disposition: { criminal: fields.disposition.criminal } });
    expect(toFile(fromFile(out), order)).toBe(out);
  });

  it('never writes the source it keeps for itself', () => {
    const reread = fromFile(out);
    expect(reread[SOURCE_KEY]).toBe(out);
    expect(toFile({ ...reread, title: '某镇财政所出纳挪用公款一案' }, order)).not.toContain(SOURCE_KEY);
  });
});

describe('the fixed style', () => {
  it('quotes only where YAML needs it, never folds long Chinese lines', () => {
    const long = '长'.repeat(200);
    expect(canonicalPair('note', long)).toBe(`note: ${long}`);
    expect(canonicalPair('note', 'true')).toBe("note: 'true'");
    expect(parse(canonicalPair('n', '388-1'))).toEqual({ n: '388-1' });
  });
});
