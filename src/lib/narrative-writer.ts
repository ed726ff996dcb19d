/**
 * Writes the narrative index (format in lib/pair-index.ts) in one pass over the cases: each case's
 * words are appended to their word's postings as it is read, in growable byte arrays (one per
 * distinct word, a few hundred thousand at 20,000 cases), never as an object per occurrence; the
 * case's own file is written at once, so its text is not kept. At the end the words are grouped
 * into buckets and written. Memory is the encoded postings, about 3 bytes per word of text.
 */
import { gzipSync } from 'node:zlib';
import { pairTokens } from './bigrams.ts';
import { bucketFile, bucketOf, docFile, filterFile, hotFile, LENGTH_UNIT, MANIFEST_FILE, type NarrativeManifest } from './pair-index.ts';

export interface NarrativeDoc {
  url: string;
  title: string;
  kind?: string | undefined;
  /** Title and narrative, as the reader sees them: what is indexed and what excerpts are cut from. */
  text: string;
  filters: Record<string, string[]>;
  /** 0 for none. */
  year: number;
}

/** Postings larger than this get a file of their own, so a bucket stays small for the rare words in it. */
const HOT_BYTES = 16 * 1024;
/** About this many bytes of postings a bucket. */
const BUCKET_BYTES = 8 * 1024;
/** Positions of one case are numbered below this (longer narratives are cut): keys pack into a double. */
const MAX_POSITIONS = 1 << 20;

export type WriteFile = (path: string, data: Uint8Array | string) => void;

export class NarrativeIndexWriter {
  readonly #write: WriteFile;
  readonly #ids = new Map<string, number>();
  #postings: Uint8Array[] = [];
  #used = new Int32Array(1024);
  #lastDoc = new Int32Array(1024);
  #df = new Int32Array(1024);
  #docs = 0;
  #positions = 0;
  readonly #filters = new Map<string, Map<string, number[]>>();
  // One case's words: word id × MAX_POSITIONS + position, sorted to group each word's positions.
  #keys = new Float64Array(4096);

  constructor(write: WriteFile) {
    this.#write = write;
  }

  #id(word: string): number {
    let id = this.#ids.get(word);
    if (id !== undefined) return id;
    id = this.#ids.size;
    this.#ids.set(word, id);
    if (id >= this.#used.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.#used = grow(this.#used);
      this.#lastDoc = grow(this.#lastDoc);
      this.#df = grow(this.#df);
    }
    this.#postings.push(new Uint8Array(16));
    this.#lastDoc[id] = 0;
    return id;
  }

  /** The word's postings with room for one more varint. */
  #room(id: number): Uint8Array {
    const buf = this.#postings[id] as Uint8Array;
    if ((this.#used[id] ?? 0) + 6 <= buf.length) return buf;
    const grown = new Uint8Array(buf.length * 2);
    grown.set(buf);
    this.#postings[id] = grown;
    return grown;
  }

  /** A byte as it is (year, length: 0–255), not as a varint. */
  #byte(id: number, n: number): void {
    const at = this.#used[id] ?? 0;
    this.#room(id)[at] = n;
    this.#used[id] = at + 1;
  }

  #put(id: number, n: number): void {
    const buf = this.#room(id);
    let at = this.#used[id] ?? 0;
    while (n >= 128) {
      buf[at++] = (n & 127) | 128;
      n = Math.floor(n / 128);
    }
    buf[at++] = n;
    this.#used[id] = at;
  }

  /** Adds a case; its id is the number of cases added before it. */
  add(doc: NarrativeDoc): number {
    const docId = this.#docs++;
    this.#write(docFile(docId), JSON.stringify({ url: doc.url, title: doc.title, ...(doc.kind ? { kind: doc.kind } : {}), content: doc.text }));
    for (const [key, values] of Object.entries(doc.filters)) {
      let byValue = this.#filters.get(key);
      if (!byValue) this.#filters.set(key, (byValue = new Map()));
      for (const v of new Set(values)) {
        const list = byValue.get(v);
        if (list) list.push(docId);
        else byValue.set(v, [docId]);
      }
    }
    let n = 0;
    const length = pairTokens(doc.text, (word, at) => {
      if (at >= MAX_POSITIONS) return;
      if (n === this.#keys.length) {
        const grown = new Float64Array(n * 2);
        grown.set(this.#keys);
        this.#keys = grown;
      }
      this.#keys[n++] = this.#id(word) * MAX_POSITIONS + at;
    });
    this.#positions += length;
    const keys = this.#keys.subarray(0, n).sort();
    const year = doc.year > 1900 && doc.year < 2156 ? doc.year - 1900 : 0;
    const lengthByte = Math.min(255, Math.ceil(length / LENGTH_UNIT));
    for (let i = 0; i < n; ) {
      const id = Math.floor((keys[i] ?? 0) / MAX_POSITIONS);
      let j = i;
      while (j < n && Math.floor((keys[j] ?? 0) / MAX_POSITIONS) === id) j++;
      this.#put(id, docId - (this.#df[id] === 0 ? 0 : (this.#lastDoc[id] ?? 0)));
      this.#byte(id, year);
      this.#byte(id, lengthByte);
      this.#put(id, j - i);
      let last = 0;
      for (let k = i; k < j; k++) {
        const p = (keys[k] ?? 0) % MAX_POSITIONS;
        this.#put(id, p - last);
        last = p;
      }
      this.#lastDoc[id] = docId;
      this.#df[id] = (this.#df[id] ?? 0) + 1;
      i = j;
    }
    return docId;
  }

  /** Writes the buckets, the filters and the manifest. */
  finish(): NarrativeManifest & { words: number; bytes: number } {
    // Buckets are sized by the postings they hold: a common word's go to a file of their own.
    let total = 0;
    for (let id = 0; id < this.#ids.size; id++) if ((this.#used[id] ?? 0) <= HOT_BYTES) total += this.#used[id] ?? 0;
    let buckets = 16;
    while (buckets * BUCKET_BYTES < total && buckets < 65536) buckets *= 2;
    const inBucket: number[][] = Array.from({ length: buckets }, () => []);
    const words: string[] = [];
    for (const [word, id] of this.#ids) {
      words[id] = word;
      inBucket[bucketOf(word, buckets)]?.push(id);
    }
    const encoder = new TextEncoder();
    let hot = 0;
    let bytes = 0;
    const out = (path: string, data: Uint8Array) => {
      const packed = gzipSync(data, { level: 6 });
      bytes += packed.length;
      this.#write(path, packed);
    };
    inBucket.forEach((ids, b) => {
      const parts: Uint8Array[] = [];
      const head = new ByteList();
      head.varint(ids.length);
      parts.push(head.bytes());
      for (const id of ids) {
        const word = encoder.encode(words[id] ?? '');
        const postings = (this.#postings[id] as Uint8Array).subarray(0, this.#used[id] ?? 0);
        const h = new ByteList();
        h.varint(word.length);
        h.raw(word);
        h.varint(this.#df[id] ?? 0);
        if (postings.length > HOT_BYTES) {
          h.varint(0);
          h.varint(hot);
          out(hotFile(hot++), postings);
          parts.push(h.bytes());
        } else {
          h.varint(postings.length);
          parts.push(h.bytes(), postings);
        }
      }
      out(bucketFile(b), Buffer.concat(parts));
    });
    const keys = [...this.#filters.keys()].sort();
    for (const key of keys) {
      const byValue = Object.fromEntries([...(this.#filters.get(key) ?? [])].map(([v, ids]) => [v, ids.map((id, i) => id - (ids[i - 1] ?? 0))]));
      this.#write(filterFile(key), JSON.stringify(byValue));
    }
    const manifest: NarrativeManifest = { format: 1, docs: this.#docs, buckets, avgLength: this.#docs === 0 ? 0 : Math.round(this.#positions / this.#docs), filters: keys };
    this.#write(MANIFEST_FILE, JSON.stringify(manifest));
    return { ...manifest, words: this.#ids.size, bytes };
  }
}

/** A small growable byte list for bucket headers. */
class ByteList {
  #buf = new Uint8Array(32);
  #n = 0;
  #room(k: number) {
    if (this.#n + k <= this.#buf.length) return;
    const grown = new Uint8Array(Math.max(this.#buf.length * 2, this.#n + k));
    grown.set(this.#buf);
    this.#buf = grown;
  }
  varint(n: number) {
    this.#room(8);
    while (n >= 128) {
      this.#buf[this.#n++] = (n & 127) | 128;
      n = Math.floor(n / 128);
    }
    this.#buf[this.#n++] = n;
  }
  raw(bytes: Uint8Array) {
    this.#room(bytes.length);
    this.#buf.set(bytes, this.#n);
    this.#n += bytes.length;
  }
  bytes() {
    return this.#buf.subarray(0, this.#n);
  }
}
