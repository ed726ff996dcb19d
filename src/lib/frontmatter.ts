import { parse, YAMLParseError } from 'yaml';

export interface ParsedFile {
  data: Record<string, unknown>;
  body: string;
}

export class FrontmatterError extends Error {}

/** Splits `---` frontmatter from a Markdown body and parses it as YAML. */
export function parseMarkdown(text: string): ParsedFile {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!m) throw new FrontmatterError('文件开头缺少以 --- 包围的 frontmatter');
  // The frontmatter starts on the file's second line, after the opening ---.
  const data = parseYaml(m[1] ?? '', 1);
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new FrontmatterError('frontmatter 应是“字段: 值”的形式');
  return { data: data as Record<string, unknown>, body: text.slice(m[0].length) };
}

export function parseYaml(text: string, lineOffset = 0): unknown {
  try {
    return parse(text, { prettyErrors: true });
  } catch (err) {
    if (err instanceof YAMLParseError) {
      const line = err.linePos?.[0]?.line;
      const detail = (err.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
      throw new FrontmatterError(`${line ? `第 ${line + lineOffset} 行：` : ''}${detail}`);
    }
    throw err;
  }
}
