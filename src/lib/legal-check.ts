/**
 * Legal consistency of cases: does the outcome follow from the facts as discipline and criminal law
 * would have it? Amount tier ↔ sentence ↔ fine against content/taxonomies/legal-thresholds.yaml,
 * sanctions against party membership and post, dates in order, the procedural law in force at the
 * decision, and a unit's own rules kept apart from model texts. Pure functions over entries; every
 * message comes from the error catalogue. A case states a real legal exception in `exceptions`.
 */
import type { CaseData } from '../schemas/case.ts';
import { UNIT_KINDS } from '../schemas/case.ts';
import type { DocumentData } from '../schemas/document.ts';
import type { LegalThreshold, LegalTier } from '../schemas/legal.ts';
import { contentErrors, type ContentProblem } from './content-errors.ts';
import { inForce, overlaps, successors } from './documents.ts';
import type { ValidatableEntry } from './validate.ts';
import { parseArticleRef } from './urls.ts';

const DIGITS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 三 → 3, 十五 → 15, 二十 → 20, 一百二十 → 120, 40 → 40, 10.5 → 10.5; anything else → undefined. */
export function readNumber(text: string): number | undefined {
  const t = text.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  if (!/^[零一二两三四五六七八九十百]+$/.test(t)) return undefined;
  let total = 0;
  let digit: number | undefined;
  for (const ch of t) {
    if (ch === '百' || ch === '十') {
      total += (digit ?? 1) * (ch === '百' ? 100 : 10);
      digit = undefined;
    } else {
      if (digit !== undefined && ch !== '零') return undefined;
      digit = DIGITS[ch];
    }
  }
  return total + (digit ?? 0);
}

export interface Sentence {
  /** Months of the principal penalty; Infinity for life imprisonment or death. */
  months: number;
  kind: '有期徒刑' | '拘役' | '无期徒刑' | '死刑' | '免予刑事处罚';
  probation: boolean;
}

export const SENTENCE_FORMS = '“有期徒刑三年六个月”“拘役六个月”“有期徒刑二年，缓刑三年”“无期徒刑”“免予刑事处罚”（可在末尾注明“（数罪并罚）”）';

/** Reads a sentence as judgments word it. Returns undefined for anything it cannot read exactly. */
export function parseSentence(term: string): Sentence | undefined {
  const t = term.trim().replace(/（数罪并罚）$/, '');
  const [main = '', ...rest] = t.split('，');
  if (rest.length > 1) return undefined;
  const probation = rest.length === 1;
  if (probation && !/^缓刑(.+年)?(.+个月)?$/.test(rest[0] ?? '')) return undefined;
  if (main === '无期徒刑' || /^死刑(缓期二年执行)?$/.test(main)) return probation ? undefined : { months: Number.POSITIVE_INFINITY, kind: main === '无期徒刑' ? '无期徒刑' : '死刑', probation };
  if (main === '免予刑事处罚') return probation ? undefined : { months: 0, kind: '免予刑事处罚', probation };
  const fixed = /^有期徒刑(?:(.+?)年)?(?:(.+?)个月)?$/.exec(main);
  if (fixed && (fixed[1] || fixed[2])) {
    const years = fixed[1] ? readNumber(fixed[1]) : 0;
    const months = fixed[2] ? readNumber(fixed[2]) : 0;
    if (years === undefined || months === undefined) return undefined;
    return { months: years * 12 + months, kind: '有期徒刑', probation };
  }
  const detention = /^拘役(.+?)个月$/.exec(main);
  if (detention?.[1]) {
    const months = readNumber(detention[1]);
    return months === undefined ? undefined : { months, kind: '拘役', probation };
  }
  return undefined;
}

export const FINE_FORMS = '“并处罚金人民币20万元”“罚金四十万元”，或写明“没收个人全部财产”';

/** 万元 of a fine; 'confiscation' when the judgment confiscates property instead; undefined when unreadable. */
export function parseFine(fine: string): number | 'confiscation' | undefined {
  if (/没收.*财产/.test(fine)) return 'confiscation';
  const m = /^(?:并处)?罚金(?:人民币)?(.+?)万元$/.exec(fine.trim());
  return m?.[1] ? readNumber(m[1]) : undefined;
}

/** The tier an amount reaches, with the circumstance the case states; undefined below the lowest. */
export function tierFor(row: LegalThreshold, amount: number, circumstance?: string): LegalTier | undefined {
  let reached: LegalTier | undefined;
  for (const tier of row.tiers) {
    if (amount >= tier.from || (tier.circumstance && circumstance === tier.circumstance.label && amount >= tier.circumstance.from)) reached = tier;
  }
  return reached;
}

const wan = (n: number) => `${Number(n.toFixed(4))}万元`;
const span = (t: LegalTier) => {
  const { min, max } = t.months;
  const y = (m: number) => (m % 12 === 0 ? `${m / 12}年` : `${m}个月`);
  if (max === undefined) return `${y(min)}以上有期徒刑、无期徒刑`;
  return min === 0 ? `${y(max)}以下有期徒刑或者拘役` : `${y(min)}以上${y(max)}以下有期徒刑`;
};
const ymd = (d: Date) => `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
const yearEnd = (y: number) => new Date(Date.UTC(y + 1, 0, 1));
const yearStart = (y: number) => new Date(Date.UTC(y, 0, 1));

interface CaseInput {
  file: string;
  data: CaseData;
  /** The Markdown body, read for article numbers cited in prose. */
  body?: string;
}
interface DocInput {
  id: string;
  data: DocumentData;
}

export interface LegalContext {
  documents: ReadonlyMap<string, DocInput>;
  successorOf: ReadonlyMap<string, DocInput>;
  /** Threshold rows by the charge name a case writes. */
  byCharge: ReadonlyMap<string, LegalThreshold[]>;
  /** Charge name for each violation-type id (受贿 → 受贿罪), to see an uncharged case that reached a threshold. */
  chargeOfViolation: ReadonlyMap<string, string>;
  /** Procedural laws as prose names them, one per version family, to check article numbers cited in text. */
  proceduralFamilies: readonly { name: string; pattern: RegExp; any: DocInput }[];
}

/** Builds the lookups once, so each case is checked in time proportional to its own references. */
export function legalContext(documents: readonly DocInput[], thresholds: readonly LegalThreshold[], violationNames: ReadonlyMap<string, string>): LegalContext {
  const byCharge = new Map<string, LegalThreshold[]>();
  for (const row of thresholds) for (const charge of row.charges) byCharge.set(charge, [...(byCharge.get(charge) ?? []), row]);
  const chargeOfViolation = new Map<string, string>();
  for (const [id, name] of violationNames) if (byCharge.has(`${name}罪`)) chargeOfViolation.set(id, `${name}罪`);
  const families = new Map<string, { name: string; pattern: RegExp; any: DocInput }>();
  for (const doc of documents) {
    if (doc.data.governs !== 'decision') continue;
    const key = doc.data.family ?? doc.id;
    if (families.has(key)) continue;
    const name = doc.data.title.replace(/（[^）]*）$/, '');
    const short = name.replace(/^中华人民共和国/, '');
    families.set(key, { name, any: doc, pattern: new RegExp(`(?:中华人民共和国)?${short}》?第([零一二两三四五六七八九十百\\d]+)条`, 'g') });
  }
  return { documents: new Map(documents.map((d) => [d.id, d])), successorOf: successors(documents), byCharge, chargeOfViolation, proceduralFamilies: [...families.values()] };
}

/** Every legal-consistency problem of one case. */
export function checkCase(c: CaseInput, ctx: LegalContext): ContentProblem[] {
  const out: ContentProblem[] = [];
  const d = c.data;
  const excused = new Set(d.exceptions.map((e) => e.check));
  const push = (field: string, code: ContentProblem['code'], message: string) => out.push({ file: c.file, field, code, message });

  // Dates: conduct → 立案 → decision, in the case's year.
  if (d.filed && d.filed.getTime() > d.decided.getTime()) push('filed', 'datesOutOfOrder', contentErrors.datesOutOfOrder.message(`立案日期 ${ymd(d.filed)} 晚于处理决定日期 ${ymd(d.decided)}`));
  const opened = d.filed ?? d.decided;
  if (d.conduct.to > opened.getUTCFullYear()) {
    push('conduct.to', 'datesOutOfOrder', contentErrors.datesOutOfOrder.message(`违纪违法行为持续到 ${d.conduct.to} 年，晚于 ${ymd(opened)} ${d.filed ? '立案' : '作出处理'}；立案、开除之后不能再有行为或职务`));
  }
  if (d.decided.getUTCFullYear() !== d.year) push('decided', 'datesOutOfOrder', contentErrors.datesOutOfOrder.message(`处理决定日期 ${ymd(d.decided)} 不在案件年份 ${d.year} 年`));
  const criminal = d.disposition.criminal;
  if (criminal?.year !== undefined && criminal.year !== d.decided.getUTCFullYear()) {
    push('disposition.criminal.year', 'datesOutOfOrder', contentErrors.datesOutOfOrder.message(`判决年份 ${criminal.year} 与最后一项处理（decided：${ymd(d.decided)}）不一致；有判决的案件，decided 写判决日期`));
  }

  // Party sanctions need a member; removal from party post needs a post.
  const party = d.disposition.party;
  if (party && !d.partyMember) push('disposition.party.sanction', 'partyStatus', contentErrors.partyStatus.message(`${party.sanction}是党纪处分，只能给予党员；本案 partyMember 为 false`));
  else if (party?.sanction === '撤销党内职务' && !d.partyPost) {
    push('disposition.party.sanction', 'partyStatus', contentErrors.partyStatus.message('撤销党内职务只能给予担任党内职务的党员；本案 partyPost 为 false'));
  }

  // Procedural law: the version in force at the decision.
  const basisFields = [
    ['disposition.party.basis', party?.basis ?? []],
    ['disposition.government.basis', d.disposition.government?.basis ?? []],
    ['disposition.criminal.basis', criminal?.basis ?? []],
  ] as const;
  for (const [field, refs] of basisFields) {
    refs.forEach((ref, i) => {
      const doc = ctx.documents.get(parseArticleRef(ref).documentId);
      if (!doc || doc.data.governs !== 'decision') return;
      if (overlaps(inForce(doc.data, ctx.successorOf.get(doc.id)?.data), { from: d.decided, to: new Date(d.decided.getTime() + 1) })) return;
      const current = versionAt(doc, d.decided, ctx);
      push(`${field}[${i}]`, 'versionAtDecision', contentErrors.versionAtDecision.message(doc.data.shortTitle, ymd(d.decided), current?.data.shortTitle ?? '（本站未收录）'));
    });
  }

  out.push(...checkProseCitations(c, ctx));
  out.push(...checkUnitRules(c, ctx));
  out.push(...checkAmounts(c, ctx, excused));
  return out;
}

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object' && !(value instanceof Date)) for (const v of Object.values(value)) strings(v, out);
  return out;
}

/**
 * Prose names procedural law by article too (“依照《中华人民共和国监察法》第四十五条”). The number
 * must exist in the version in force at the decision; the site carries the articles it is sure of,
 * so a number the version lacks is either renumbered or unverified.
 */
function checkProseCitations(c: CaseInput, ctx: LegalContext): ContentProblem[] {
  const out: ContentProblem[] = [];
  const text = [...strings(c.data), c.body ?? ''].join('\n');
  for (const family of ctx.proceduralFamilies) {
    const current = versionAt(family.any, c.data.decided, ctx);
    if (!current) continue;
    const seen = new Set<string>();
    for (const m of text.matchAll(family.pattern)) {
      const n = readNumber(m[1] ?? '');
      if (n === undefined || seen.has(String(n))) continue;
      seen.add(String(n));
      if (current.data.articles.some((a) => a.n === String(n))) continue;
      out.push({
        file: c.file,
        field: '正文',
        code: 'proseArticle',
        message: contentErrors.proseArticle.message(family.name, `第${m[1]}条`, ymd(c.data.decided), current.data.shortTitle),
      });
    }
  }
  return out;
}

/** The version of a document's family in force on a date, following the supersedes chain both ways. */
function versionAt(doc: DocInput, date: Date, ctx: LegalContext): DocInput | undefined {
  let first = doc;
  for (let prev = first.data.supersedes && ctx.documents.get(first.data.supersedes); prev; prev = prev.data.supersedes && ctx.documents.get(prev.data.supersedes)) first = prev;
  for (let v: DocInput | undefined = first; v; v = ctx.successorOf.get(v.id)) {
    if (overlaps(inForce(v.data, ctx.successorOf.get(v.id)?.data), { from: date, to: new Date(date.getTime() + 1) })) return v;
  }
  return undefined;
}

function checkUnitRules(c: CaseInput, ctx: LegalContext): ContentProblem[] {
  const out: ContentProblem[] = [];
  const d = c.data;
  const kind = UNIT_KINDS[d.unitKind];
  const push = (field: string, message: string) => out.push({ file: c.file, field, code: 'unitRule', message: contentErrors.unitRule.message(message) });
  const fits = (doc: DocInput) => doc.data.appliesTo.includes(d.unitKind);
  const written = (doc: DocInput) => (doc.data.appliesTo.length > 0 ? doc.data.appliesTo.map((k) => UNIT_KINDS[k]).join('、') : '未写明适用的单位类型（appliesTo）');
  d.rulesBreached.forEach((ref, i) => {
    const doc = ctx.documents.get(parseArticleRef(ref).documentId);
    if (!doc) return;
    const field = `rulesBreached[${i}]`;
    if (doc.data.model) {
      push(field, `《${doc.data.shortTitle}》是示范文本，不是本单位的制度，请移到 comparableModels（页面显示为“可对照的示范条款”）`);
      return;
    }
    if (doc.data.layer !== 'unit') {
      push(field, `《${doc.data.shortTitle}》不是本单位制度；党纪国法的条款写在处理结果的 basis 中`);
      return;
    }
    if (!fits(doc)) {
      push(field, `《${doc.data.shortTitle}》适用于${written(doc)}，本案单位是${kind}`);
      return;
    }
    const valid = inForce(doc.data, ctx.successorOf.get(doc.id)?.data);
    if (!overlaps(valid, { from: yearStart(d.conduct.from), to: yearEnd(d.conduct.to) })) {
      push(field, `《${doc.data.shortTitle}》施行于${ymd(valid.from)}，行为发生的 ${d.conduct.from}—${d.conduct.to} 年间它不在施行期内，不能说行为违反了它`);
    }
  });
  d.comparableModels.forEach((ref, i) => {
    const doc = ctx.documents.get(parseArticleRef(ref).documentId);
    if (!doc) return;
    const field = `comparableModels[${i}]`;
    if (!doc.data.model) {
      push(field, `《${doc.data.shortTitle}》不是示范文本；comparableModels 只列可对照的示范条款`);
      return;
    }
    if (!fits(doc)) push(field, `示范文本《${doc.data.shortTitle}》写给${written(doc)}，本案单位是${kind}，不宜对照`);
  });
  return out;
}

function rowsFor(charge: string, use: string | undefined, ctx: LegalContext): LegalThreshold[] {
  const rows = ctx.byCharge.get(charge) ?? [];
  return rows.length > 1 ? rows.filter((r) => use !== undefined && r.uses.includes(use)) : rows;
}

function checkAmounts(c: CaseInput, ctx: LegalContext, excused: ReadonlySet<string>): ContentProblem[] {
  const out: ContentProblem[] = [];
  const d = c.data;
  const push = (check: 'threshold' | 'prosecution' | 'sentence' | 'fine' | 'none', field: string, message: string) => {
    if (check !== 'none' && excused.has(check)) return;
    out.push({ file: c.file, field, code: 'legalAmount', message: contentErrors.legalAmount.message(message) });
  };
  // Without the thresholds file there is nothing to hold amounts to; the loader reports the missing file.
  if (ctx.byCharge.size === 0) return out;
  const circumstance = d.circumstance?.label;
  const criminal = d.disposition.criminal;

  // A stated circumstance must be one the law attaches to the amounts of these crimes, at this amount.
  if (d.circumstance) {
    const charges = criminal ? criminal.charges : d.violations.flatMap((v) => ctx.chargeOfViolation.get(v) ?? []);
    const tiers = charges.flatMap((ch) => (ctx.byCharge.get(ch) ?? []).flatMap((r) => r.tiers));
    const labels = [...new Set(tiers.flatMap((t) => (t.circumstance ? [t.circumstance.label] : [])))];
    const tier = tiers.find((t) => t.circumstance?.label === d.circumstance?.label);
    if (!tier?.circumstance) {
      push('none', 'circumstance.label', labels.length > 0 ? `“${d.circumstance.label}”不是所涉罪名的情节档次：应为 ${labels.join(' / ')} 之一` : `所涉罪名在数额标准中没有可以降低起点的情节，不应填写 circumstance`);
    } else if (d.amount !== undefined && (d.amount < tier.circumstance.from || d.amount >= tier.from)) {
      push('none', 'circumstance.label', `“${tier.circumstance.label}”只用于${wan(tier.circumstance.from)}以上不满${wan(tier.from)}的数额，本案数额为${wan(d.amount)}`);
    }
  }

  const rolled = criminal?.rolledOver;
  if (criminal && rolled) {
    const expected = Number((rolled.moved - rolled.repaidByLater).toFixed(4));
    const stated = criminal.amounts?.['挪用公款罪'] ?? d.amount;
    if (stated === undefined || Math.abs(stated - expected) > 0.005) {
      push('none', criminal.amounts?.['挪用公款罪'] !== undefined ? 'disposition.criminal.amounts.挪用公款罪' : 'amount', `挪用公款以后挪用的归还以前挪用的，按案发时未还的数额认定：累计${wan(rolled.moved)}减去以后挪还的${wan(rolled.repaidByLater)}，应为${wan(expected)}，本案写的是${stated === undefined ? '（空）' : wan(stated)}`);
    }
  }

  if (!criminal) {
    // An uncharged case whose amount reached the threshold of the crime its violations name.
    if (d.amount === undefined) return out;
    for (const v of d.violations) {
      const charge = ctx.chargeOfViolation.get(v);
      if (!charge) continue;
      const rows = ctx.byCharge.get(charge) ?? [];
      // Without a judgment the use is unknown: hold the case to the most lenient row.
      const row = [...rows].sort((a, b) => (b.tiers[0]?.from ?? 0) - (a.tiers[0]?.from ?? 0))[0];
      const tier = row && tierFor(row, d.amount, circumstance);
      if (row && tier) {
        push('prosecution', 'disposition', `${charge}数额${wan(d.amount)}${d.amount < tier.from ? `并有${circumstance}` : ''}，已达${tier.label}的追诉标准，处理结果却没有追究刑事责任（disposition.criminal）`);
        break;
      }
    }
    return out;
  }

  const sentence = parseSentence(criminal.term);
  if (!sentence) out.push({ file: c.file, field: 'disposition.criminal.term', code: 'unreadableSentence', message: contentErrors.unreadableSentence.message('刑期', criminal.term, SENTENCE_FORMS) });
  if (sentence?.probation && (sentence.kind !== '拘役' && !(sentence.kind === '有期徒刑' && sentence.months <= 36))) {
    push('none', 'disposition.criminal.term', `缓刑只适用于拘役或者三年以下有期徒刑，本案判处${criminal.term}`);
  }
  let fine: number | 'confiscation' | undefined;
  if (criminal.fine !== undefined) {
    fine = parseFine(criminal.fine);
    if (fine === undefined) out.push({ file: c.file, field: 'disposition.criminal.fine', code: 'unreadableSentence', message: contentErrors.unreadableSentence.message('罚金', criminal.fine, FINE_FORMS) });
  }
  for (const charge of Object.keys(criminal.amounts ?? {})) {
    if (!criminal.charges.includes(charge)) push('none', `disposition.criminal.amounts.${charge}`, `“${charge}”不在 charges 中`);
  }

  const single = criminal.charges.length === 1;
  for (const charge of criminal.charges) {
    const all = ctx.byCharge.get(charge) ?? [];
    if (all.length === 0) continue;
    const [row] = rowsFor(charge, criminal.use, ctx);
    if (!row) {
      const uses = all.flatMap((r) => r.uses);
      push('none', 'disposition.criminal.use', `${charge}的数额标准因用途而不同，须写明 use：${uses.join(' / ')}`);
      continue;
    }
    const amount = criminal.amounts?.[charge] ?? (single ? d.amount : undefined);
    if (amount === undefined) {
      push('none', single ? 'amount' : 'disposition.criminal.amounts', `须写明${charge}的认定数额（万元）${single ? '' : '：多个罪名时写在 amounts 中，如 amounts: { 受贿罪: 31.5 }'}`);
      continue;
    }
    const tier = tierFor(row, amount, circumstance);
    const first = row.tiers[0];
    if (!tier) {
      if (first) {
        const lower = first.circumstance ? `；${wan(first.circumstance.from)}以上须有${first.circumstance.label}，并在 circumstance 中写明` : '';
        push('threshold', single ? 'amount' : `disposition.criminal.amounts.${charge}`, `${charge}认定数额${wan(amount)}，未达${first.label}（${wan(first.from)}）的追诉起点${lower}`);
      }
      continue;
    }
    if (!sentence) continue;
    const max = tier.months.max ?? Number.POSITIVE_INFINITY;
    const within = sentence.months >= tier.months.min && (!single || sentence.months <= max || sentence.kind === '拘役');
    if (!within && sentence.kind !== '免予刑事处罚') {
      push('sentence', 'disposition.criminal.term', `${charge}${wan(amount)}属${tier.label}，应处${span(tier)}，本案判处${criminal.term}${single ? '' : '（数罪并罚，不应低于该罪一档的下限）'}`);
    }
    if (!tier.fine || sentence.kind === '免予刑事处罚') continue;
    if (criminal.fine === undefined) {
      push('fine', 'disposition.criminal.fine', `${charge}应当并处罚金（${tier.basis.join('、')}），本案没有写明罚金`);
      continue;
    }
    if (typeof fine !== 'number') continue;
    // The fine follows the sentence imposed: a mitigated sentence takes the fine range of its own band.
    const bands = single ? row.tiers.filter((t) => t.fine && sentence.months >= t.months.min && sentence.months <= (t.months.max ?? Number.POSITIVE_INFINITY)) : [tier];
    const ranges = (bands.length > 0 ? bands : [tier]).map((t) => {
      const f = t.fine ?? { min: 0 };
      const cap = f.max ?? (f.maxTimesAmount !== undefined ? f.maxTimesAmount * amount : Number.POSITIVE_INFINITY);
      return { min: f.min, max: cap < f.min ? Number.POSITIVE_INFINITY : cap };
    });
    if (!ranges.some((r) => fine >= r.min && fine <= r.max)) {
      const r = ranges[0] ?? { min: 0, max: Number.POSITIVE_INFINITY };
      const range = r.max === Number.POSITIVE_INFINITY ? `${wan(r.min)}以上` : `${wan(r.min)}至${wan(r.max)}`;
      push('fine', 'disposition.criminal.fine', `${charge}判处${criminal.term}，罚金应在${range}之间（${(bands[0] ?? tier).basis.join('、')}），本案为${wan(fine)}`);
    }
  }
  return out;
}

/** The check over all loaded entries: cases against documents, thresholds and violation types. */
export function checkLegalConsistency(entries: readonly ValidatableEntry[]): ContentProblem[] {
  const documents: DocInput[] = [];
  const thresholds: LegalThreshold[] = [];
  const violationNames = new Map<string, string>();
  for (const e of entries) {
    if (e.collection === 'documents') documents.push({ id: e.id, data: e.data as unknown as DocumentData });
    else if (e.collection === 'legalThresholds') thresholds.push(e.data as unknown as LegalThreshold);
    else if (e.collection === 'violationTypes') violationNames.set(e.id, String(e.data['name']));
  }
  const ctx = legalContext(documents, thresholds, violationNames);
  return entries.filter((e) => e.collection === 'cases').flatMap((e) => checkCase({ file: e.file, data: e.data as unknown as CaseData, body: e.body }, ctx));
}
