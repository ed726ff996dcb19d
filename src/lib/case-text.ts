/**
 * A case body as plain paragraphs per section, for the courseware files (slides and handout) that
 * cannot carry Markdown. Emphasis and link syntax are dropped, the words kept.
 */
export function plainMarkdown(text: string): string {
  return text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^*])\*([^*\n]+)\*/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/^\s*(?:[-*+]|\d+[.、])\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Paragraphs under each level-two heading, in order; a list item counts as one paragraph. */
export function bodySections(body: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let current: string[] | undefined;
  let buffer: string[] = [];
  const flush = () => {
    const text = plainMarkdown(buffer.join(' '));
    if (current && text) current.push(text);
    buffer = [];
  };
  for (const line of body.split(/\r?\n/)) {
    const heading = /^##\s+(.+?)\s*$/.exec(line);
    if (heading) {
      flush();
      current = [];
      out.set((heading[1] ?? '').trim(), current);
    } else if (/^\s*$/.test(line) || /^#{3,}\s/.test(line)) {
      flush();
      const sub = /^#{3,}\s+(.+?)\s*$/.exec(line);
      if (sub && current) current.push(plainMarkdown(sub[1] ?? ''));
    } else if (/^\s*(?:[-*+]|\d+[.、])\s+/.test(line)) {
      flush();
      buffer.push(line);
    } else buffer.push(line);
  }
  flush();
  return out;
}
