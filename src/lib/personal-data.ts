/**
 * Finds personal data that must never reach a public page: mainland ID-card numbers (18 digits with
 * a valid check digit, or the old 15-digit form, with a real birth date), mobile numbers,
 * bank-card numbers that pass the Luhn check, and e-mail addresses. Each finding carries its line
 * and a masked value, so the report itself does not repeat the number in full.
 *
 * Text is scanned as a reader would see it, not as it was typed: NFKC folds full-width digits and
 * ＠ (pasted from Word or typed with an IME) to ASCII, HTML entities are decoded, and whitespace,
 * line breaks, Markdown emphasis and escapes between two digits are dropped, so
 * `139**1234**5678`, `&#49;3912345678` and a number broken over two lines are all found.
 */
export type PersonalDataKind = 'id-card' | 'mobile' | 'bank-card' | 'email' | 'plate' | 'address' | 'name';

export const PERSONAL_DATA_LABELS: Record<PersonalDataKind, string> = {
  'id-card': '身份证号码',
  mobile: '手机号码',
  'bank-card': '银行卡号',
  email: '电子邮箱地址',
  plate: '机动车号牌',
  address: '住址门牌（楼号、单元、室号）',
  name: '真实姓名（案例人物应写作张某、李某某）',
};

export interface PersonalDataFinding {
  kind: PersonalDataKind;
  line: number;
  value: string;
  masked: string;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** The pre-1999 form: six-digit area, YYMMDD birth date in the 1900s, three-digit sequence. */
export function isValidOldIdCard(id: string): boolean {
  if (!/^[1-8]\d{14}$/.test(id)) return false;
  return isRealDate(1900 + Number(id.slice(6, 8)), Number(id.slice(8, 10)), Number(id.slice(10, 12)));
}

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

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

/** Text after normalisation, and where each of its characters came from in the original. */
interface Mapped {
  text: string;
  source: (index: number) => number;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', commat: '@', period: '.', hyphen: '-', dash: '-', num: '#', plus: '+', lowbar: '_', ast: '*' };
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]+));/y;
/** Characters that may need work: entities, and anything beyond ASCII and CJK ideographs (full-width digits, ＠, odd spaces). */
const SPECIAL = /&|[^\x00-\x7f\u4e00-\u9fff]/g;
/** What may sit between two digits without a reader seeing it: spaces, line breaks, emphasis, escapes, zero-width characters. */
const SOFT_BETWEEN_DIGITS = /(?<=\d)[\s*_~`\\\u200b-\u200d\u2060\ufeff]+(?=[\dXx])/g;

/** NFKC per character is an ICU call; a text uses a few thousand distinct characters, so remember them. */
const NFKC = new Map<string, string>();
function nfkc(c: string): string {
  let n = NFKC.get(c);
  if (n === undefined) NFKC.set(c, (n = c.normalize('NFKC')));
  return n;
}

/** Index of the last item whose key is at most `at` (items sorted by key). */
function lastAtMost<T>(items: readonly T[], key: (t: T) => number, at: number): T | undefined {
  let lo = 0;
  let hi = items.length - 1;
  let found: T | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const item = items[mid] as T;
    if (key(item) <= at) {
      found = item;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * Decodes entities, applies NFKC, then drops soft separators between two digits (or a digit and
 * the X of an ID number). Unchanged stretches are copied whole, so plain text costs little; a
 * sparse map leads every character back to its place in the original, for line numbers.
 */
export function normaliseForScan(source: string): Mapped {
  const parts: string[] = [];
  const segments: { out: number; src: number }[] = [{ out: 0, src: 0 }];
  let last = 0;
  let length = 0;
  SPECIAL.lastIndex = 0;
  for (let m = SPECIAL.exec(source); m; m = SPECIAL.exec(source)) {
    const i = m.index;
    let piece: string | undefined;
    let width = 1;
    if (source[i] === '&') {
      ENTITY.lastIndex = i;
      const e = ENTITY.exec(source);
      if (e) {
        const point = e[1] ? Number(e[1]) : e[2] ? Number.parseInt(e[2], 16) : undefined;
        const decoded = point !== undefined && point <= 0x10ffff ? String.fromCodePoint(point) : e[3] ? NAMED_ENTITIES[e[3].toLowerCase()] : undefined;
        if (decoded !== undefined) {
          piece = nfkc(decoded);
          width = e[0].length;
        }
      }
    } else {
      const c = String.fromCodePoint(source.codePointAt(i) ?? 0);
      width = c.length;
      const n = nfkc(c);
      if (n !== c) piece = n;
    }
    SPECIAL.lastIndex = i + width;
    if (piece === undefined) continue;
    parts.push(source.slice(last, i), piece);
    length += i - last;
    segments.push({ out: length, src: i });
    length += piece.length;
    last = i + width;
    segments.push({ out: length, src: last });
  }
  parts.push(source.slice(last));
  const folded = parts.join('');

  const kept: string[] = [];
  const removed: { at: number; total: number }[] = [];
  let prev = 0;
  let total = 0;
  let outLength = 0;
  for (const m of folded.matchAll(SOFT_BETWEEN_DIGITS)) {
    kept.push(folded.slice(prev, m.index));
    outLength += m.index - prev;
    total += m[0].length;
    removed.push({ at: outLength, total });
    prev = m.index + m[0].length;
  }
  kept.push(folded.slice(prev));
  const toFolded = (i: number) => i + (lastAtMost(removed, (r) => r.at, i)?.total ?? 0);
  const source_ = (i: number) => {
    const f = toFolded(i);
    const seg = lastAtMost(segments, (s) => s.out, f) ?? { out: 0, src: 0 };
    return seg.src + (f - seg.out);
  };
  return { text: kept.join(''), source: source_ };
}

/** A separator people type inside numbers they copy: a space or a hyphen (after normalisation). */
const SEP = '[-\\s]?';
const ID_RE = new RegExp(`(?<!\\d)[1-9]\\d{5}${SEP}\\d{8}${SEP}\\d{3}[\\dXx](?![\\dXx])`, 'g');
const OLD_ID_RE = new RegExp(`(?<!\\d)[1-8]\\d{5}${SEP}\\d{6}${SEP}\\d{3}(?!\\d)`, 'g');
const MOBILE_RE = /(?<![\d.])(?:\+?86[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}(?![\d.])/g;
const CARD_RE = /(?<![\d.])\d(?:[ -]?\d){15,18}(?![\d.])/g;
// Unicode domains (张三@单位.中国) count: NFKC has already turned a full-width ＠ into @. A match
// starts only where a run of address characters starts: otherwise a long run with no @ (a pasted
// base64 image) is retried from each of its characters, and a 3 MB paste hangs the check for hours.
const EMAIL_RE = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

/**
 * A plate pasted from a judgment or a news report (苏A12345, 京A·8K123, 粤B D12345): province,
 * issuing letter, then five alphanumerics (six for new-energy cars) with at least one digit. I and O
 * never appear on a plate, which keeps ordinary Latin abbreviations out.
 */
const PLATE_RE = /[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][·•・.\s-]?(?=[A-HJ-NP-Z0-9]{0,5}\d)[A-HJ-NP-Z0-9]{5,6}(?![A-Za-z0-9])/g;
/**
 * A home's door: at least two of building, entrance and room together (3号楼2单元501室, 12栋1203室,
 * 2单元501). One building on its own (“5号楼的墙”) is not anybody's address.
 */
const ADDRESS_RE = /\d+(?:号楼|栋|幢|座)[-\s]?\d+(?:单元|室|号房?)(?:[-\s]?\d+(?:室|号))?|\d+单元[-\s]?\d+(?:室|号)?/g;
/**
 * A person named the way a judgment or a case report names them — 被告人王建国，男，… — rather than
 * as 王某: a role, a common surname, and one or two characters that are not 某 or 甲乙丙丁, closed by
 * punctuation or the verb that follows a name. Narrow on purpose: a name detector that fired on
 * ordinary prose would be ignored.
 */
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝';
const NAME_CHAR = '(?:(?![某甲乙丙丁])[\\u4e00-\\u9fff])';
const NAME_RE = new RegExp(
  `(?<=(?:被告人|被调查人|被审查调查人|犯罪嫌疑人|被举报人|行贿人|受贿人|举报人|证人|当事人|姓名[:：]?\\s*))[${SURNAMES}]${NAME_CHAR}{1,2}(?=[，,、（(：:；;。\\s]|系|男|女|因|于|在|利用|收受|涉嫌|担任|任)`,
  'g',
);
const maskName = (name: string) => `${name[0] ?? ''}${'*'.repeat(Math.max(0, [...name].length - 1))}`;

/** What a value looks like without the separators people put into numbers. */
const compact = (value: string) => normaliseForScan(value).text.replace(/[\s-]/g, '').toLowerCase();

/** Every finding in a text, by line; values listed in `allowed` (a published hotline, say) are skipped. */
export function findPersonalData(text: string, allowed: readonly string[] = []): PersonalDataFinding[] {
  const allow = new Set(allowed.map(compact));
  const { text: flat, source } = normaliseForScan(text);
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const lineOf = (index: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const out: PersonalDataFinding[] = [];
  const taken: [number, number][] = [];
  const add = (kind: PersonalDataKind, m: RegExpMatchArray) => {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (taken.some(([s, e]) => start < e && s < end)) return;
    taken.push([start, end]);
    if (allow.has(m[0].replace(/[\s-]/g, '').toLowerCase())) return;
    out.push({ kind, line: lineOf(source(start)), value: m[0], masked: kind === 'name' ? maskName(m[0]) : mask(m[0]) });
  };
  for (const m of flat.matchAll(ID_RE)) if (isValidIdCard(m[0].replace(/[\s-]/g, ''))) add('id-card', m);
  for (const m of flat.matchAll(OLD_ID_RE)) if (isValidOldIdCard(m[0].replace(/[\s-]/g, ''))) add('id-card', m);
  for (const m of flat.matchAll(MOBILE_RE)) add('mobile', m);
  for (const m of flat.matchAll(CARD_RE)) {
    const digits = m[0].replace(/[ -]/g, '');
    if (digits.length >= 16 && digits.length <= 19 && passesLuhn(digits)) add('bank-card', m);
  }
  for (const m of flat.matchAll(EMAIL_RE)) add('email', m);
  for (const m of flat.matchAll(PLATE_RE)) add('plate', m);
  for (const m of flat.matchAll(ADDRESS_RE)) add('address', m);
  for (const m of flat.matchAll(NAME_RE)) add('name', m);
  return out.sort((a, b) => a.line - b.line);
}

/** A finding inside a parsed YAML value, with the field it sits in (`lessons.leader`, `[3].description`). */
export interface FieldFinding extends PersonalDataFinding {
  field: string;
}

/**
 * Scans parsed values rather than the YAML source, so a number split by a folded line (`>`) or
 * written with YAML escapes (`"139\x31234..."`) is seen as the page will show it.
 */
export function findPersonalDataInValues(data: unknown, allowed: readonly string[] = [], path = ''): FieldFinding[] {
  if (typeof data === 'string' || typeof data === 'number' || typeof data === 'bigint') {
    return findPersonalData(String(data), allowed).map((f) => ({ ...f, field: path }));
  }
  if (Array.isArray(data)) return data.flatMap((item, i) => findPersonalDataInValues(item, allowed, `${path}[${i}]`));
  if (data && typeof data === 'object' && !(data instanceof Date)) {
    return Object.entries(data).flatMap(([k, v]) => (path === '' && k === 'allowPersonalData' ? [] : findPersonalDataInValues(v, allowed, path ? `${path}.${k}` : k)));
  }
  return [];
}

/** The key two findings of the same value share, however each was written. */
export const findingKey = (f: PersonalDataFinding) => `${f.kind}:${compact(f.value)}`;
