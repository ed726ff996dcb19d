import { describe, expect, it } from 'vitest';
import { findPersonalData, isValidIdCard, passesLuhn } from '../../src/lib/personal-data.ts';

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
