/**
 * Checks on what a file would publish, run by `npm run check` and the build's check alike
 * (through load-content.ts): personal data wherever a reader could see it, the SVGs that ship,
 * and the images a Markdown body points at.
 */
import { existsSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { contentErrors, type ContentProblem } from './content-errors.ts';
import { findingKey, findPersonalData, findPersonalDataInValues, PERSONAL_DATA_LABELS, type PersonalDataFinding } from './personal-data.ts';
import { isUnsafeUrl } from './markdown-safety.ts';
import { svgText, unsafeSvgParts } from './svg-policy.ts';

const problem = (file: string, field: string, f: PersonalDataFinding): ContentProblem => ({
  file,
  field,
  code: 'personalData',
  message: contentErrors.personalData.message(PERSONAL_DATA_LABELS[f.kind], f.masked),
});

export interface ScannedFile {
  /** As shown in reports. */
  file: string;
  /** The whole file as read. */
  text: string;
  /** Parsed frontmatter or YAML list, when it parsed. */
  data?: unknown;
  /** Lines 1..n of `text` hold the YAML that `data` came from; later lines are the Markdown body. */
  yamlLines?: number;
  /** The entry id (the file name), which becomes a URL, a sitemap and a feed entry. */
  id?: string;
  allowed: readonly string[];
}

/**
 * One scan over what a file publishes. Parsed values are named by field; the raw text (the body,
 * YAML comments, numbers YAML turned into numbers) by line, without repeating a value the field
 * scan already reported.
 */
export function personalDataProblems(s: ScannedFile): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const seen = new Set<string>();
  if (s.data !== undefined) {
    for (const f of findPersonalDataInValues(s.data, s.allowed)) {
      seen.add(findingKey(f));
      problems.push(problem(s.file, f.field || '（整条内容）', f));
    }
  }
  for (const f of findPersonalData(s.text, s.allowed)) {
    if (s.yamlLines !== undefined && f.line <= s.yamlLines && seen.has(findingKey(f))) continue;
    problems.push(problem(s.file, `第 ${f.line} 行`, f));
  }
  if (s.id !== undefined) for (const f of findPersonalData(s.id, s.allowed)) problems.push(problem(s.file, '文件名', f));
  return problems;
}

/** An SVG that ships: nothing that runs or loads from elsewhere, and no personal data in its text. */
export function svgProblems(file: string, svg: string): ContentProblem[] {
  const unsafe = unsafeSvgParts(svg).map((what) => ({ file, field: '', code: 'unsafeSvg' as const, message: contentErrors.unsafeSvg.message(what) }));
  return [...unsafe, ...findPersonalData(svgText(svg)).map((f) => problem(file, '图中文字', f))];
}

/** `![说明](./x.png)` and reference definitions `[x]: ./x.png` used by `![说明][x]`. */
const INLINE_IMAGE = /!\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+["'(][^)]*)?\)/g;
const REFERENCE = /^ {0,3}\[([^\]\n]+)\]:\s*<?(\S+?)>?(?:\s|$)/gm;
const REFERENCE_USE = /!\[[^\]\n]*\]\[([^\]\n]*)\]/g;

/** Every image target of a Markdown body, in order: local paths, web addresses and pasted data alike. */
function bodyImageTargets(body: string): string[] {
  const defs = new Map([...body.matchAll(REFERENCE)].map((m) => [(m[1] ?? '').toLowerCase(), m[2] ?? '']));
  const srcs = [...body.matchAll(INLINE_IMAGE)].map((m) => m[1] ?? '');
  for (const m of body.matchAll(REFERENCE_USE)) {
    const target = defs.get((m[1] ?? '').toLowerCase());
    if (target) srcs.push(target);
  }
  return srcs.filter((s) => s !== '');
}

const NOT_A_FILE = /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i;

/** Local image paths of a Markdown body, in order; web addresses and page anchors are not files. */
export function bodyImages(body: string): string[] {
  return bodyImageTargets(body).filter((s) => !NOT_A_FILE.test(s));
}

/** Quoted markup or an address in a report: its first line, at most 60 characters (never 3 MB of base64). */
const clip = (text: string) => {
  const first = text.split('\n')[0] ?? '';
  return first.length > 60 || first !== text ? `${first.slice(0, 60)}…` : first;
};

/**
 * Images the page would not show, while the check passed: a picture pasted from Word arrives as
 * `data:` (the Markdown filter drops it), and one from another website is blocked by the CSP
 * (`img-src 'self'`) — and would tell that website who reads the page.
 */
function unshownImageProblems(file: string, body: string): ContentProblem[] {
  return bodyImageTargets(body).flatMap((src): ContentProblem[] => {
    if (/^\s*data:/i.test(src)) {
      const kb = Math.max(1, Math.round((src.length * 3) / 4 / 1024));
      return [{ file, field: '正文', code: 'pastedImage', message: contentErrors.pastedImage.message(kb) }];
    }
    if (/^(?:https?:)?\/\//i.test(src)) return [{ file, field: '正文', code: 'externalImage', message: contentErrors.externalImage.message(clip(src)) }];
    return [];
  });
}

/** Every local image of a body must exist inside the content folder (Astro would fail on it in English). */
export function bodyImageProblems(file: string, fullPath: string, body: string, contentRoot: string): ContentProblem[] {
  const root = resolve(contentRoot);
  const local = bodyImages(body).flatMap((src) => {
    let path: string;
    try {
      path = resolve(dirname(fullPath), decodeURI(src.split(/[?#]/)[0] ?? src));
    } catch {
      path = resolve(dirname(fullPath), src);
    }
    const inside = !relative(root, path).startsWith(`..${sep}`) && relative(root, path) !== '..';
    return inside && existsSync(path) ? [] : [{ file, field: '正文', code: 'missingImage' as const, message: contentErrors.missingImage.message(src) }];
  });
  return [...local, ...unshownImageProblems(file, body)];
}

/** Fenced code blocks and inline code spans, where `<b>` is meant to be shown as written. */
const CODE = /^ {0,3}(```|~~~)[^\n]*\n[\s\S]*?(?:^ {0,3}\1[^\n]*$|(?![\s\S]))|`+[^`\n]+`+/gm;
const HTML_COMMENT = /<!--[\s\S]*?(?:-->|(?![\s\S]))/g;
const HTML_TAG = /<\/?([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>\n]*)?\/?>/g;
const LINK = /(?<!!)\[[^\]\n]*\]\(\s*<?([^)\s>]+)/g;

/**
 * Markup in a body that the page would show as text or drop (markdown-safety.ts keeps it from
 * running): an HTML comment an editor meant as a hidden note — published in full — tags pasted
 * from Word or a web page, and links to `javascript:`. One report per kind of tag, on the line
 * where it first appears (`bodyStart` is the file line the body starts on).
 */
export function rawHtmlProblems(file: string, body: string, bodyStart: number): ContentProblem[] {
  // Code keeps its length (blanked, line breaks kept) so line numbers still match.
  const text = body.replace(CODE, (m) => m.replace(/[^\n]/g, ' '));
  const lineOf = (index: number) => bodyStart + (text.slice(0, index).match(/\n/g)?.length ?? 0);
  const problems: ContentProblem[] = [];
  for (const m of text.matchAll(HTML_COMMENT)) {
    problems.push({ file, field: `第 ${lineOf(m.index)} 行`, code: 'htmlComment', message: contentErrors.htmlComment.message(clip(m[0])) });
  }
  const seen = new Set<string>();
  for (const m of text.matchAll(HTML_TAG)) {
    const name = (m[1] ?? '').toLowerCase();
    if (seen.has(name)) continue;
    seen.add(name);
    problems.push({ file, field: `第 ${lineOf(m.index)} 行`, code: 'rawHtml', message: contentErrors.rawHtml.message(clip(m[0])) });
  }
  for (const m of text.matchAll(LINK)) {
    const href = m[1] ?? '';
    if (isUnsafeUrl(href)) problems.push({ file, field: `第 ${lineOf(m.index)} 行`, code: 'unsafeLink', message: contentErrors.unsafeLink.message(clip(href)) });
  }
  return problems.sort((a, b) => Number(/\d+/.exec(a.field)?.[0]) - Number(/\d+/.exec(b.field)?.[0]));
}
