/**
 * The web editor's file format: Markdown with YAML frontmatter, read and written so that the
 * editor never rewrites what an editor did not change.
 *
 * Decap's built-in frontmatter writer re-serialises the whole header (reordering keys, requoting
 * Chinese text, folding long lines), so saving an entry unchanged would rewrite it. Instead the
 * entry keeps its original text under `SOURCE_KEY` (Decap carries data keys that no field owns
 * through to saving), and `toFile` splices only the fields whose values changed into that text.
 * Hand-written files keep their layout, blank lines and flow lists; an unchanged entry is returned
 * byte for byte; a new entry is written in schema order in one fixed style (`canonicalPair`).
 */
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';

/** Data key holding the file's text as read; never written into the file. */
export const SOURCE_KEY = '__lianjianSource';

const FRONTMATTER = /^(\uFEFF?---\r?\n)([\s\S]*?\r?\n)?(---\r?\n?)/;

export type EntryData = Record<string, unknown>;

interface SplitFile {
  /** `---\n` including a byte-order mark, if any. */
  open: string;
  frontmatter: string;
  close: string;
  body: string;
}

function split(content: string): SplitFile | undefined {
  const m = FRONTMATTER.exec(content);
  if (!m) return undefined;
  return { open: m[1] ?? '---\n', frontmatter: m[2] ?? '', close: m[3] ?? '---\n', body: content.slice(m[0].length) };
}

/** Parses a file into entry data: frontmatter fields, `body`, and the original text. */
export function fromFile(content: string): EntryData {
  const parts = split(content);
  if (!parts) return { body: content, [SOURCE_KEY]: content };
  const parsed: unknown = parseDocument(parts.frontmatter).toJS();
  const data = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as EntryData) : {};
  return { ...data, body: parts.body, [SOURCE_KEY]: content };
}

/** A value a cleared form field leaves behind; such a field is left out of the file. */
export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object' && !(value instanceof Date)) return Object.values(value).every(isEmptyValue);
  return false;
}

/** Removes empty leaves from what the form hands back, so a cleared optional field disappears. */
function prune(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(prune);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: EntryData = {};
    for (const [k, v] of Object.entries(value)) {
      const p = prune(v);
      if (!isEmptyValue(p)) out[k] = p;
    }
    return out;
  }
  return value;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a as EntryData).filter((k) => !isEmptyValue((a as EntryData)[k]));
    const kb = Object.keys(b as EntryData).filter((k) => !isEmptyValue((b as EntryData)[k]));
    return ka.length === kb.length && ka.every((k) => deepEqual((a as EntryData)[k], (b as EntryData)[k]));
  }
  return false;
}

/** Short lists of ids or words fit on one line, as the hand-written files have them. */
const FLOW_LIMIT = 72;

function flowable(value: readonly unknown[]): boolean {
  // Ids, numbers and short words (tags, charges) — not sentences, which read better one a line.
  const short = (v: unknown) =>
    typeof v === 'number' || typeof v === 'boolean' || (typeof v === 'string' && (/^[\w#.-]{1,48}$/.test(v) || (v.length <= 12 && !/[，。：；？！、\s]/.test(v))));
  return value.every(short) && JSON.stringify(value).length <= FLOW_LIMIT;
}

/**
 * One `key: value` in the fixed style: strings plain unless YAML needs quotes (then single quotes),
 * no line folding, short scalar lists in flow style `[a, b]`, everything else in block style.
 */
export function canonicalPair(key: string, value: unknown): string {
  const doc = parseDocument('{}');
  doc.set(key, doc.createNode(value));
  // Walk the new nodes and flow the short scalar lists.
  const visit = (node: unknown): void => {
    if (isSeq(node)) {
      const values: unknown = node.toJSON();
      node.flow = Array.isArray(values) && values.length > 0 && flowable(values);
      node.items.forEach(visit);
    } else if (isMap(node)) {
      node.flow = false;
      for (const pair of node.items) visit(pair.value);
    }
  };
  visit(doc.contents);
  return doc.toString({ lineWidth: 0, minContentWidth: 0, singleQuote: true, flowCollectionPadding: false }).replace(/\n$/, '');
}

interface PairSpan {
  key: string;
  start: number;
  /** End of the value's text, without trailing blank lines or comments. */
  end: number;
}

function spans(frontmatter: string): PairSpan[] {
  const doc = parseDocument(frontmatter);
  if (!isMap(doc.contents)) return [];
  const out: PairSpan[] = [];
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const keyRange = isScalar(pair.key) ? pair.key.range : undefined;
    const value = pair.value as { range?: [number, number, number] } | null;
    if (!keyRange) continue;
    let end = value?.range?.[1] ?? keyRange[2];
    while (end > keyRange[0] && /\s/.test(frontmatter[end - 1] ?? '')) end--;
    out.push({ key, start: keyRange[0], end });
  }
  return out;
}

/** Writes a file from entry data: unchanged fields keep their original text. */
export function toFile(data: EntryData, order: readonly string[] = []): string {
  const { body: rawBody, [SOURCE_KEY]: source, ...rest } = data;
  const body = typeof rawBody === 'string' ? rawBody : '';
  const fields = prune(rest) as EntryData;
  const original = typeof source === 'string' ? split(source) : undefined;
  if (!original) return newFile(fields, body, order);

  const before = fromFile(source as string);
  let text = original.frontmatter;
  const edits: { start: number; end: number; text: string }[] = [];
  const present = spans(text);
  const byKey = new Map(present.map((s) => [s.key, s]));
  for (const span of present) {
    if (!(span.key in fields)) {
      // Removed: the pair and its line go.
      const lineEnd = text.indexOf('\n', span.end);
      edits.push({ start: span.start, end: lineEnd === -1 ? text.length : lineEnd + 1, text: '' });
    } else if (!deepEqual(before[span.key], fields[span.key])) {
      edits.push({ start: span.start, end: span.end, text: canonicalPair(span.key, fields[span.key]) });
    }
  }
  const added = Object.keys(fields).filter((k) => !byKey.has(k));
  for (const key of sortKeys(added, order)) {
    const rank = order.indexOf(key);
    // After the nearest field that comes before it in schema order, else at the end.
    const anchor = present
      .filter((s) => rank >= 0 && order.indexOf(s.key) >= 0 && order.indexOf(s.key) < rank)
      .sort((a, b) => order.indexOf(b.key) - order.indexOf(a.key))[0];
    const at = anchor ? anchor.end : text.replace(/\s+$/, '').length;
    edits.push({ start: at, end: at, text: `${at === 0 ? '' : '\n'}${canonicalPair(key, fields[key])}` });
  }
  // Apply from the end so earlier offsets stay valid; stable for inserts at one anchor.
  edits
    .map((e, i) => ({ ...e, i }))
    .sort((a, b) => b.start - a.start || b.i - a.i)
    .forEach((e) => {
      text = text.slice(0, e.start) + e.text + text.slice(e.end);
    });
  if (text !== '' && !text.endsWith('\n')) text += '\n';
  return `${original.open}${text}${original.close}${body}`;
}

function sortKeys(keys: readonly string[], order: readonly string[]): string[] {
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  return [...keys].sort((a, b) => rank(a) - rank(b));
}

function newFile(fields: EntryData, body: string, order: readonly string[]): string {
  const lines = sortKeys(Object.keys(fields), order).map((k) => canonicalPair(k, fields[k]));
  const text = body.replace(/^\n*/, '\n');
  return `---\n${lines.join('\n')}\n---\n${text.endsWith('\n') ? text : `${text}\n`}`;
}
