import { readFileSync } from 'node:fs';
import { parseDocument, YAMLError } from 'yaml';
import { yamlProblems } from './content-errors.ts';

export interface ParsedFile {
  data: Record<string, unknown>;
  body: string;
}

export class FrontmatterError extends Error {}

/** A content file that is not valid UTF-8 (usually GBK saved by WPS or Notepad). */
export class EncodingError extends Error {}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a content file as strict UTF-8, so a GBK file is reported instead of being published with
 * a garbled title. A leading byte-order mark is dropped, as Astro's own frontmatter parser does.
 */
export function readContentText(path: string): string {
  let text: string;
  try {
    text = utf8.decode(readFileSync(path));
  } catch (err) {
    if (err instanceof TypeError) throw new EncodingError(path);
    throw err;
  }
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/** Splits `---` frontmatter from a Markdown body and parses it as YAML. */
export function parseMarkdown(text: string): ParsedFile {
  const m = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!m) throw new FrontmatterError('文件开头缺少以 --- 包围的 frontmatter');
  // The frontmatter starts on the file's second line, after the opening ---.
  const data = parseYaml(m[1] ?? '', 1);
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new FrontmatterError('frontmatter 应是“字段: 值”的形式');
  return { data: data as Record<string, unknown>, body: text.slice(m[0].length) };
}

/**
 * The two slips behind most broken frontmatter, named from the line itself: a key followed by a
 * full-width colon (typed with a Chinese IME, or pasted from Word), or by a colon with no space.
 */
function explainLine(line: string): string | undefined {
  const key = /^\s*(?:-\s+)?([A-Za-z][\w-]*)\s*(：|:(?=[^\s]))\s*(.*)$/.exec(line.replace(/\r$/, ''));
  if (!key) return undefined;
  const [, name = '', colon, value = ''] = key;
  const fixed = `${name}: ${value.trim()}`;
  return colon === '：'
    ? `字段名“${name}”后面用了中文冒号“：”：应为英文冒号加一个空格，写成 ${fixed}`
    : `字段名“${name}”的冒号后缺少空格：应写成 ${fixed}`;
}

/** More aliases than any real list needs: beyond this, `*a` expansions are a "billion laughs" bomb. */
const MAX_ALIASES = 100;

/**
 * Parses YAML strictly: an unknown tag (`!foo`), which Astro's parser would refuse in English at
 * build time, is an error of this file here; an alias bomb is refused before it expands.
 */
export function parseYaml(text: string, lineOffset = 0): unknown {
  const doc = parseDocument(text, { prettyErrors: true });
  const where = (e: YAMLError) => {
    const line = e.linePos?.[0]?.line;
    return line ? `第 ${line + lineOffset} 行：` : '';
  };
  const error = doc.errors[0];
  if (error) {
    const line = text.split('\n')[(error.linePos?.[0]?.line ?? 0) - 1] ?? '';
    const key = error.code === 'DUPLICATE_KEY' ? /^\s*(?:-\s+)?([^\s:：]+)\s*:/.exec(line)?.[1] : undefined;
    const detail = explainLine(line) ?? yamlProblems[error.code] ?? 'YAML 结构有误，这一行无法读出';
    throw new FrontmatterError(`${where(error)}${key ? `字段“${key}”：` : ''}${detail}`);
  }
  const tag = doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (tag) {
    const name = /Unresolved tag: (\S+)/.exec(tag.message)?.[1] ?? '';
    throw new FrontmatterError(`${where(tag)}不认识的 YAML 标签“${name}”（文字中的 ! 请整体加引号）`);
  }
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    if (err instanceof ReferenceError) throw new FrontmatterError('别名（& 和 *）展开过多，疑似“YAML 炸弹”；不要用别名重复引用大段内容');
    throw err;
  }
}
