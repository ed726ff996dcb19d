import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/lib/frontmatter.ts';
import { findPersonalData, findPersonalDataInValues, isValidIdCard, passesLuhn } from '../../src/lib/personal-data.ts';

// The ID is the worked example printed in the national standard GB 11643; the card number was
// made up here and given a Luhn check digit.
const ID = '11010519491231002X';
const CARD = '6222020200112233446';

describe('detectors', () => {
  it('validates the ID-card check digit and birth date', () => {
    expect(isValidIdCard(ID)).toBe(true);
    expect(isValidIdCard('110105194912310021')).toBe(false); // wrong check digit
    expect(isValidIdCard('110105194902300026')).toBe(false); // 30 February
  });

  it('runs the Luhn check', () => {
    expect(passesLuhn(CARD)).toBe(true);
    expect(passesLuhn('6222020200112233447')).toBe(false);
  });
});

describe('finding personal data in content', () => {
  it('finds each kind, with its line and a masked value', () => {
    const text = ['第一行', `身份证 ${ID}`, '手机 138-1234-5678 或 13912345678', `卡号 ${CARD.replace(/(\d{4})/g, '$1 ').trim()}`, '邮箱 zhang.san@example.cn'].join('\n');
    const found = findPersonalData(text).map((f) => [f.kind, f.line]);
    expect(found).toEqual([
      ['id-card', 2],
      ['mobile', 3],
      ['mobile', 3],
      ['bank-card', 4],
      ['email', 5],
    ]);
    const masked = findPersonalData(text).map((f) => f.masked);
    expect(masked[0]).toBe('1101**********002X');
    // The report never repeats a value in full.
    for (const [i, f] of findPersonalData(text).entries()) expect(masked[i], f.kind).not.toBe(f.value);
  });

  it('does not flag amounts, years, article numbers, dates or document numbers', () => {
    const text = '收受财物132.4万元，2019年5月至2023年12月；第三百八十五条；法释〔2016〕9号；项目编号 2023052100318；金额 1380000 元；8600元';
    expect(findPersonalData(text)).toEqual([]);
  });

  it('does not take an ID number or a phone number for a bank card', () => {
    expect(findPersonalData(`号码 ${ID}`).map((f) => f.kind)).toEqual(['id-card']);
  });

  it('skips values an entry explicitly allows, however they are spaced', () => {
    expect(findPersonalData('举报电话 139 1234 5678', ['13912345678'])).toEqual([]);
    expect(findPersonalData('举报电话 139 1234 5678', ['13900000000'])).toHaveLength(1);
  });
});

/**
 * What careless editors actually paste: numbers typed with a Chinese IME or copied from Word,
 * broken across lines, half in bold, written as HTML entities. Each must be found as the reader
 * would see it, and reported masked.
 */
describe('personal data however it was typed or pasted', () => {
  const variants: [string, string, string][] = [
    ['a mobile in full-width digits (IME)', '联系电话：１３９１２３４５６７８', 'mobile'],
    ['a mobile with +86 and full-width digits', '手机＋８６ １３９ １２３４ ５６７８', 'mobile'],
    ['a mobile with full-width hyphens', '手机139－1234－5678', 'mobile'],
    ['a mobile split by a soft line break', '举报人留下的手机号是1391234\n5678，请核实', 'mobile'],
    ['a mobile half in bold', '手机 **139**1234**5678**', 'mobile'],
    ['a mobile with emphasis in the middle', '手机 139*1234*5678 或 139_1234_5678', 'mobile'],
    ['a mobile as HTML entities', '手机 &#49;&#51;&#x39;12345678', 'mobile'],
    ['a mobile with no-break and zero-width spaces', '手机 139\u00a01234\u200b5678', 'mobile'],
    ['an ID in full-width digits', '身份证号：１１０１０５１９４９１２３１００２Ｘ', 'id-card'],
    ['an ID written 6-8-4 with spaces', '身份证 110105 19491231 002X', 'id-card'],
    ['an ID written 6-8-4 with hyphens', '身份证 110105-19491231-002X', 'id-card'],
    ['an ID glued to letters', '证件号ID11010519491231002X', 'id-card'],
    ['an ID with a lower-case x', '身份证 11010519491231002x', 'id-card'],
    ['an old 15-digit ID', '老身份证 110105491231002', 'id-card'],
    ['an ID split over two lines', '身份证 110105194912\n31002X', 'id-card'],
    ['a bank card in full-width digits and ideographic spaces', '卡号 ６２２２　０２０２　００１１　２２３３　４４６', 'bank-card'],
    ['an e-mail with a Chinese domain', '邮箱 zhangsan@纪委监委.中国', 'email'],
    ['an e-mail with a full-width ＠', '邮箱 zhangsan＠example.cn', 'email'],
    ['an e-mail with a full-width ＠ and dot', '邮箱 zhangsan＠example．cn', 'email'],
    ['an e-mail with the @ as an entity', '邮箱 zhangsan&#64;example.cn 或 lisi&commat;example.cn', 'email'],
  ];
  for (const [name, text, kind] of variants) {
    it(name, () => {
      const found = findPersonalData(text);
      expect(found.length, text).toBeGreaterThan(0);
      expect(found[0]?.kind).toBe(kind);
      for (const f of found) expect(f.masked).toContain('*');
    });
  }

  it('reports the line the number starts on and masks the folded value', () => {
    const found = findPersonalData('第一行\n手机１３９１２３４\n５６７８');
    expect(found).toEqual([{ kind: 'mobile', line: 2, value: '13912345678', masked: '13*******78' }]);
  });

  it('keeps allowPersonalData working whichever way either side was typed', () => {
    expect(findPersonalData('举报电话 １３９ １２３４ ５６７８', ['13912345678'])).toEqual([]);
    expect(findPersonalData('举报电话 13912345678', ['１３９－１２３４－５６７８'])).toEqual([]);
    expect(findPersonalData('邮箱 jubao＠example.cn', ['jubao@example.cn'])).toEqual([]);
  });

  it('does not flag what public-sector content is full of', () => {
    const text = [
      '涉案金额58.6万元，罚金 40 万元，占比 12.5%。',
      '2018 年 1 月 1 日起施行；2024年12月31日前完成；会议 13:45 开始。',
      '举报电话 12388，网站 www.12388.gov.cn。',
      '依据《刑法》第385条、第 386 条，criminal-law#388-1，法释〔2016〕9号。',
      '| 年份 | 2019 | 2020 | 2021 | 2022 |',
      '项目编号 2023052100318；金额 1380000 元；工期 2019 2020 两年。',
      '**2019**年至**2023**年，共 *12* 次。',
    ].join('\n');
    expect(findPersonalData(text)).toEqual([]);
  });
});

describe('personal data in parsed frontmatter, as the page will show it', () => {
  const scan = (yaml: string) => findPersonalDataInValues(parseYaml(yaml));
  it('a number split by a folded YAML line', () => {
    expect(scan('post: >\n  某县局长，手机139\n  12345678\n').map((f) => [f.kind, f.field])).toEqual([['mobile', 'post']]);
  });

  it('a number written with YAML escapes', () => {
    expect(scan('post: "手机 139\\u00312345678"\n').map((f) => [f.kind, f.field])).toEqual([['mobile', 'post']]);
  });

  it('a number continued with a backslash line break in double quotes', () => {
    expect(scan('lessons:\n  staff: "联系 1391234\\\n    5678"\n').map((f) => [f.kind, f.field])).toEqual([['mobile', 'lessons.staff']]);
  });

  it('values inside lists are named by position', () => {
    expect(scan('questions: [第一问, "邮箱 a@b.cn 怎么办"]\n').map((f) => f.field)).toEqual(['questions[1]']);
  });

  it('does not flag the allow list itself', () => {
    expect(scan('allowPersonalData: ["13912345678"]\npost: 局长\n')).toEqual([]);
  });
});
