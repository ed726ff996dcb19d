/**
 * The narrative index's file format, shared by its writer (lib/narrative-writer.ts, Node) and its
 * reader (components/search/narrative-index.ts, browser). A static inverted index of the words of
 * lib/bigrams.ts with their positions, in a folder (dist/narrative/):
 *
 *   index.json       NarrativeManifest: number of cases, of buckets, mean length, filter keys
 *   p/<b>.bin        bucket b (gzip): the words whose hash is b, each with its postings, or with the
 *                    number of its own file when they are large (h/<n>.bin), so a rare word is never
 *                    downloaded with a common one
 *   h/<n>.bin        one common word's postings (gzip)
 *   d/<id>.json      one case: { url, title, kind, content } (content: its narrative as written)
 *   f/<key>.json     one filter: { value: [case ids as deltas] }
 *
 * A bucket (after gunzip): varint word count, then per word: varint UTF-8 length, the word, varint
 * document frequency, varint postings length in bytes (0: then varint n of h/<n>.bin), the postings.
 * Postings, per case in id order: varint id delta, a byte of year (year − 1900, 0 for none), a byte
 * of length (positions ÷ 16, at most 255), varint occurrences, varint position deltas.
 * Varints: 7 bits a byte, low bits first. The browser downloads a bucket per word of the query and
 * a case file per result shown; files are gzipped here because the server sends .bin as it is.
 */

export interface NarrativeManifest {
  format: 1;
  /** Cases indexed. */
  docs: number;
  /** Buckets, a power of two. */
  buckets: number;
  /** Mean length of a case in positions, for BM25. */
  avgLength: number;
  /** Filter keys that have a file in f/. */
  filters: string[];
}

export const MANIFEST_FILE = 'index.json';
export const bucketFile = (b: number) => `p/${b}.bin`;
export const hotFile = (n: number) => `h/${n}.bin`;
export const docFile = (id: number) => `d/${id}.json`;
export const filterFile = (key: string) => `f/${key}.json`;
/** Stored length unit: a case's length in positions is kept as a byte of sixteenths. */
export const LENGTH_UNIT = 16;

/** FNV-1a over UTF-16 code units: the bucket of a word, the same in Node and in the browser. */
export function bucketOf(word: string, buckets: number): number {
  let h = 2166136261;
  for (let i = 0; i < word.length; i++) {
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0) & (buckets - 1);
}

/** Reads varints from a byte array. */
export class Reader {
  readonly bytes: Uint8Array;
  at: number;
  constructor(bytes: Uint8Array, at = 0) {
    this.bytes = bytes;
    this.at = at;
  }
  varint(): number {
    let n = 0;
    let shift = 0;
    for (;;) {
      if (this.at >= this.bytes.length) throw new Error('案情索引文件不完整');
      const b = this.bytes[this.at++] ?? 0;
      n += (b & 127) * 2 ** shift;
      if (b < 128) return n;
      shift += 7;
    }
  }
  byte(): number {
    if (this.at >= this.bytes.length) throw new Error('案情索引文件不完整');
    return this.bytes[this.at++] ?? 0;
  }
}

/** Where a word's postings are: a slice of its bucket, or a file of its own. */
export type Entry = { df: number; start: number; end: number; hot?: undefined } | { df: number; hot: number };

/** A bucket's words and where each one's postings lie. */
export function parseBucket(bytes: Uint8Array): Map<string, Entry> {
  const r = new Reader(bytes);
  const decoder = new TextDecoder();
  const out = new Map<string, Entry>();
  for (let n = r.varint(); n > 0; n--) {
    const len = r.varint();
    const word = decoder.decode(bytes.subarray(r.at, r.at + len));
    r.at += len;
    const df = r.varint();
    const size = r.varint();
    if (size === 0) out.set(word, { df, hot: r.varint() });
    else {
      out.set(word, { df, start: r.at, end: r.at + size });
      r.at += size;
    }
  }
  if (r.at !== bytes.length) throw new Error('案情索引文件格式不对');
  return out;
}

/** One word's postings, decoded: case `i` is docs[i], its positions pos[from[i] … from[i+1]). */
export interface Postings {
  docs: Int32Array;
  year: Uint8Array;
  length: Uint8Array;
  from: Int32Array;
  pos: Int32Array;
}

export function decodePostings(bytes: Uint8Array, df: number, start = 0, end = bytes.length): Postings {
  const r = new Reader(bytes.subarray(0, end), start);
  const docs = new Int32Array(df);
  const year = new Uint8Array(df);
  const length = new Uint8Array(df);
  const from = new Int32Array(df + 1);
  let pos = new Int32Array(Math.max(16, df * 2));
  let n = 0;
  let doc = 0;
  for (let i = 0; i < df; i++) {
    doc += r.varint();
    docs[i] = doc;
    year[i] = r.byte();
    length[i] = r.byte();
    const tf = r.varint();
    if (n + tf > pos.length) {
      const grown = new Int32Array(Math.max(pos.length * 2, n + tf));
      grown.set(pos);
      pos = grown;
    }
    let p = 0;
    for (let k = 0; k < tf; k++) {
      p += r.varint();
      pos[n++] = p;
    }
    from[i + 1] = n;
  }
  if (r.at !== end) throw new Error('案情索引文件格式不对');
  return { docs, year, length, from, pos: pos.subarray(0, n) };
}

/** Cases holding one query word, with how often: the word's tokens at consecutive positions. */
export interface WordMatch {
  /** Case id → occurrences. */
  tf: Map<number, number>;
  /** Case id → [year byte, length byte]. */
  info: Map<number, [number, number]>;
}

/** Index of `doc` in a sorted docs array at or after `lo`, or -1. */
function seek(docs: Int32Array, doc: number, lo: number): number {
  let hi = docs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const d = docs[mid] ?? 0;
    if (d === doc) return mid;
    if (d < doc) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Where `tokens` (the postings of a word's tokens, in order) stand side by side, case by case. */
export function matchWord(tokens: readonly Postings[]): WordMatch {
  const tf = new Map<number, number>();
  const info = new Map<number, [number, number]>();
  const [first, ...rest] = tokens;
  if (!first) return { tf, info };
  const at = rest.map(() => 0);
  for (let i = 0; i < first.docs.length; i++) {
    const doc = first.docs[i] ?? 0;
    const idx: number[] = [];
    let all = true;
    for (let k = 0; k < rest.length; k++) {
      const j = seek((rest[k] as Postings).docs, doc, at[k] ?? 0);
      if (j < 0) {
        all = false;
        break;
      }
      at[k] = j;
      idx.push(j);
    }
    if (!all) continue;
    // Each further token must stand k+1 positions after the first: a walk along each sorted list.
    const cursors = idx.map((j, k) => (rest[k] as Postings).from[j] ?? 0);
    let count = 0;
    for (let q = first.from[i] ?? 0; q < (first.from[i + 1] ?? 0); q++) {
      const p = first.pos[q] ?? 0;
      let ok = true;
      for (let k = 0; k < rest.length && ok; k++) {
        const t = rest[k] as Postings;
        const end = t.from[(idx[k] ?? 0) + 1] ?? 0;
        let c = cursors[k] ?? 0;
        while (c < end && (t.pos[c] ?? 0) < p + k + 1) c++;
        cursors[k] = c;
        ok = c < end && t.pos[c] === p + k + 1;
      }
      if (ok) count++;
    }
    if (count > 0) {
      tf.set(doc, count);
      info.set(doc, [first.year[i] ?? 0, first.length[i] ?? 0]);
    }
  }
  return { tf, info };
}

export interface Scored {
  doc: number;
  score: number;
  /** Year − 1900, 0 for none. */
  year: number;
}

/**
 * Cases holding every word, scored by BM25 (k1 1.2, b 0.75): each word counts by its rarity among
 * the cases (idf) and its occurrences in the case, damped by the case's length against the mean, so
 * a case that tells the detail several times in a short narrative ranks above a passing mention in
 * a long one. Occurrences are of the word as written, not of its pairs apart.
 */
export function scoreMatches(words: readonly WordMatch[], docs: number, avgLength: number): Scored[] {
  const [first, ...rest] = [...words].sort((a, b) => a.tf.size - b.tf.size);
  if (!first) return [];
  const k1 = 1.2;
  const b = 0.75;
  const out: Scored[] = [];
  for (const [doc, [year, length]] of first.info) {
    if (!rest.every((w) => w.tf.has(doc))) continue;
    const norm = 1 - b + (b * Math.max(1, length * LENGTH_UNIT)) / Math.max(1, avgLength);
    let score = 0;
    for (const w of words) {
      const tf = w.tf.get(doc) ?? 0;
      const idf = Math.log(1 + (docs - w.tf.size + 0.5) / (w.tf.size + 0.5));
      score += (idf * tf * (k1 + 1)) / (tf + k1 * norm);
    }
    out.push({ doc, score, year });
  }
  return out;
}
