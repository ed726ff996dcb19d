/**
 * Pagefind's metadata file (pagefind.<lang>_<hash>.pf_meta), which every search downloads whole
 * before anything else, holds one entry per page: the page's fragment name, 13 characters of which
 * 7 are random hex (zh-cn_5f4bf7e), and its word count. At 10,000 cases the random names are most
 * of the file (about 100 KB compressed). Renaming the fragments to a shared build prefix and a
 * sequence number (k3x_0, k3x_1 …) leaves Pagefind's format as it is and compresses to a fraction.
 *
 * The file is CBOR (RFC 8949), written by minicbor from Pagefind's MetaIndex struct:
 * [version, [[fragment, word_count, group] …], index_chunks, filters, sorts, meta_fields].
 * Only what that struct uses is read and written here: unsigned and negative integers, byte and
 * text strings, arrays and maps, each of definite length; anything else is refused rather than
 * guessed at, so a change in Pagefind's format stops the build instead of breaking search.
 */

export type Cbor = number | string | Uint8Array | Cbor[] | Map<Cbor, Cbor>;

export function decodeCbor(bytes: Uint8Array): Cbor {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = new TextDecoder('utf-8', { fatal: true });
  let at = 0;
  const length = (info: number): number => {
    if (info < 24) return info;
    const size = info - 24;
    if (size > 3) throw new Error(`Pagefind 元数据中有不支持的 CBOR 长度编码（${info}）`);
    const n = [() => view.getUint8(at), () => view.getUint16(at), () => view.getUint32(at), () => Number(view.getBigUint64(at))][size]?.() ?? 0;
    at += 2 ** size;
    return n;
  };
  const item = (): Cbor => {
    if (at >= bytes.length) throw new Error('Pagefind 元数据意外结束');
    const head = view.getUint8(at++);
    const major = head >> 5;
    const n = length(head & 31);
    switch (major) {
      case 0:
        return n;
      case 1:
        return -1 - n;
      case 2:
      case 3: {
        const chunk = bytes.subarray(at, at + n);
        at += n;
        return major === 2 ? chunk.slice() : text.decode(chunk);
      }
      case 4:
        return Array.from({ length: n }, item);
      case 5: {
        const map = new Map<Cbor, Cbor>();
        for (let i = 0; i < n; i++) map.set(item(), item());
        return map;
      }
      default:
        throw new Error(`Pagefind 元数据中有不支持的 CBOR 类型（${major}）`);
    }
  };
  const value = item();
  if (at !== bytes.length) throw new Error('Pagefind 元数据末尾有多余的数据');
  return value;
}

export function encodeCbor(value: Cbor): Uint8Array {
  const out: number[] = [];
  const head = (major: number, n: number) => {
    const m = major << 5;
    if (n < 24) out.push(m | n);
    else if (n < 0x100) out.push(m | 24, n);
    else if (n < 0x10000) out.push(m | 25, n >> 8, n & 0xff);
    else if (n < 0x100000000) out.push(m | 26, (n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
    else {
      const big = BigInt(n);
      out.push(m | 27);
      for (let shift = 56n; shift >= 0n; shift -= 8n) out.push(Number((big >> shift) & 0xffn));
    }
  };
  const item = (v: Cbor): void => {
    if (typeof v === 'number') {
      if (!Number.isSafeInteger(v)) throw new Error(`不能写入非整数 ${v}`);
      if (v >= 0) head(0, v);
      else head(1, -1 - v);
    } else if (typeof v === 'string') {
      const bytes = new TextEncoder().encode(v);
      head(3, bytes.length);
      out.push(...bytes);
    } else if (v instanceof Uint8Array) {
      head(2, v.length);
      out.push(...v);
    } else if (Array.isArray(v)) {
      head(4, v.length);
      v.forEach(item);
    } else {
      head(5, v.size);
      for (const [k, x] of v) {
        item(k);
        item(x);
      }
    }
  };
  item(value);
  return Uint8Array.from(out);
}

/**
 * Renames every page's fragment to `${prefix}${n.toString(36)}`, in page order, and returns the new
 * metadata with the map from old to new names. Pages in a fragment group (Pagefind's maxFragments)
 * are looked up inside their group's file by the old name, so they keep it. The prefix should
 * change from build to build (a hash of the original metadata), so a cached fragment of an earlier
 * build is never taken for a new one.
 */
export function compactFragmentNames(meta: Uint8Array, prefix: string): { meta: Uint8Array; renamed: Map<string, string> } {
  const root = decodeCbor(meta);
  const pages = Array.isArray(root) ? root[1] : undefined;
  if (!Array.isArray(pages)) throw new Error('Pagefind 元数据的格式与预期不同（第二项应为页面列表）');
  const renamed = new Map<string, string>();
  pages.forEach((page, n) => {
    if (!Array.isArray(page) || typeof page[0] !== 'string') throw new Error('Pagefind 元数据的页面项格式与预期不同');
    if (typeof page[2] === 'string' && page[2] !== '') return;
    // Identical pages share one fragment, and so one new name.
    const name = renamed.get(page[0]) ?? `${prefix}${n.toString(36)}`;
    renamed.set(page[0], name);
    page[0] = name;
  });
  return { meta: encodeCbor(root), renamed };
}
