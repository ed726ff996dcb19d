/**
 * Finds personal data that must never reach a public page: mainland ID-card numbers (with a valid
 * check digit and a real birth date), mobile numbers, bank-card numbers that pass the Luhn check,
 * and e-mail addresses. Each finding carries its line and a masked value, so the report itself
 * does not repeat the number in full.
 */
export type PersonalDataKind = 'id-card' | 'mobile' | 'bank-card' | 'email';

export const PERSONAL_DATA_LABELS: Record<PersonalDataKind, string> = {
  'id-card': '身份证号码',
  mobile: '手机号码',
  'bank-card': '银行卡号',
  email: '电子邮箱地址',
};

export interface PersonalDataFinding {
  kind: PersonalDataKind;
  line: number;
  value: string;
  masked: string;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function isValidIdCard(id: string): boolean {
  if (!/^[1-9]\d{16}[\dXx]$/.test(id)) return false;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1900) return false;
  const sum = WEIGHTS.reduce((s, w, i) => s + w * Number(id[i]), 0);
  return CHECK[sum % 11] === id[17]?.toUpperCase();
}

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
}

function mask(value: string): string {
  const chars = [...value];
  if (chars.length <= 4) return '*'.repeat(chars.length);
  const keep = Math.min(4, Math.floor(chars.length / 4));
  return `${chars.slice(0, keep).join('')}${'*'.repeat(chars.length - keep * 2)}${chars.slice(-keep).join('')}`;
}

const ID_RE = /(?<![0-9A-Za-z])[1-9]\d{16}[\dXx](?![0-9A-Za-z])/g;
const MOBILE_RE = /(?<![\d.])(?:\+?86[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}(?![\d.])/g;
const CARD_RE = /(?<![\d.])\d(?:[ -]?\d){15,18}(?![\d.])/g;
const EMAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/** Every finding in a text, by line; values listed in `allowed` (a published hotline, say) are skipped. */
export function findPersonalData(text: string, allowed: readonly string[] = []): PersonalDataFinding[] {
  const allow = new Set(allowed.map((a) => a.replace(/[\s-]/g, '')));
  const out: PersonalDataFinding[] = [];
  text.split('\n').forEach((lineText, i) => {
    const line = i + 1;
    const taken: [number, number][] = [];
    const add = (kind: PersonalDataKind, m: RegExpMatchArray) => {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (taken.some(([s, e]) => start < e && s < end)) return;
      taken.push([start, end]);
      if (allow.has(m[0].replace(/[\s-]/g, ''))) return;
      out.push({ kind, line, value: m[0], masked: mask(m[0]) });
    };
    for (const m of lineText.matchAll(ID_RE)) if (isValidIdCard(m[0])) add('id-card', m);
    for (const m of lineText.matchAll(MOBILE_RE)) add('mobile', m);
    for (const m of lineText.matchAll(CARD_RE)) {
      const digits = m[0].replace(/[ -]/g, '');
      if (digits.length >= 16 && digits.length <= 19 && passesLuhn(digits)) add('bank-card', m);
    }
    for (const m of lineText.matchAll(EMAIL_RE)) add('email', m);
  });
  return out.sort((a, b) => a.line - b.line);
}
