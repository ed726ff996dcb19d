/**
 * Pagefind's metadata, which every search downloads first, is rewritten with short fragment names.
 * The rewrite must keep Pagefind's format exactly, and refuse a format it does not know.
 */
import { describe, expect, it } from 'vitest';
import { compactFragmentNames, decodeCbor, encodeCbor, type Cbor } from '../../src/lib/pagefind-meta.ts';

// The shape minicbor writes for Pagefind 1.6's MetaIndex.
const meta: Cbor = [
  '1.6.0',
  [
    ['zh-cn_ad312c9', 131, ''],
    ['zh-cn_5f4bf7e', 201, ''],
    ['zh-cn_ad312c9', 131, ''],
    ['zh-cn_0be0e61', 70000, 'zh-cn_g1'],
  ],
  [['0', '风险点', 'zh-cn_b88a3f8']],
  [['kind', 'zh-cn_5ae9d23']],
  [['year', [1, 0, 3, 2]]],
  ['kind', 'title'],
];

describe("Pagefind's metadata", () => {
  it('reads and writes CBOR byte for byte as minicbor does', () => {
    // Bytes written by minicbor for ["1.6.0", 23, 24, 256, 65536, -1] and a byte string.
    const bytes = Uint8Array.from([0x87, 0x65, 0x31, 0x2e, 0x36, 0x2e, 0x30, 0x17, 0x18, 0x18, 0x19, 0x01, 0x00, 0x1a, 0x00, 0x01, 0x00, 0x00, 0x20, 0x42, 0x01, 0x02]);
    const value = decodeCbor(bytes);
    expect(value).toEqual(['1.6.0', 23, 24, 256, 65536, -1, Uint8Array.from([1, 2])]);
    expect(encodeCbor(value)).toEqual(bytes);
    expect(decodeCbor(encodeCbor(meta))).toEqual(meta);
  });

  it('renames fragments in page order, keeps word counts, groups, chunks, filters and sorts', () => {
    const { meta: out, renamed } = compactFragmentNames(encodeCbor(meta), '7786dc_');
    const [, pages, chunks, filters, sorts, fields] = decodeCbor(out) as Cbor[];
    expect(pages).toEqual([
      ['7786dc_0', 131, ''],
      ['7786dc_1', 201, ''],
      // Identical pages share Pagefind's one fragment file, so they share its new name.
      ['7786dc_0', 131, ''],
      // A grouped fragment is found inside its group's file by its own name.
      ['zh-cn_0be0e61', 70000, 'zh-cn_g1'],
    ]);
    expect(renamed).toEqual(
      new Map([
        ['zh-cn_ad312c9', '7786dc_0'],
        ['zh-cn_5f4bf7e', '7786dc_1'],
      ]),
    );
    expect([chunks, filters, sorts, fields]).toEqual((meta as Cbor[]).slice(2));
    expect(out.length).toBeLessThan(encodeCbor(meta).length);
  });

  it('stops on a format it does not know instead of writing a broken index', () => {
    expect(() => decodeCbor(Uint8Array.from([0xf9, 0x3c, 0x00]))).toThrow('CBOR');
    expect(() => decodeCbor(Uint8Array.from([0x9f, 0x01, 0xff]))).toThrow('CBOR');
    expect(() => decodeCbor(Uint8Array.from([0x82, 0x01]))).toThrow('意外结束');
    expect(() => compactFragmentNames(encodeCbor(['1.6.0', 'pages']), 'x_')).toThrow('页面列表');
  });
});
