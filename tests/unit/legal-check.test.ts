/**
 * The legal-consistency check against the real sample content: each error a reviewer found in a
 * case is planted back, through the real schemas and loader, and the check must stop it with the
 * exact file, field and catalogue message. The corrected content passes.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentErrors, type ContentProblem } from '../../src/lib/content-errors.ts';
import { parseFine, parseSentence, readNumber } from '../../src/lib/legal-check.ts';
import { loadContent } from '../../src/lib/load-content.ts';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lianjian-legal-'));
  cpSync('content', dir, { recursive: true });
});

/** Applies edits to one or more files of the copy, loads it, restores the files, and returns the problems of `file`. */
function planted(file: string, edits: readonly [string, string | RegExp, string][]): { problems: ContentProblem[]; path: string } {
  const originals = new Map<string, string>();
  try {
    for (const [target, from, to] of edits) {
      const full = join(dir, target);
      const text = originals.get(full) ?? readFileSync(full, 'utf8');
      if (!originals.has(full)) originals.set(full, text);
      const current = readFileSync(full, 'utf8');
      const next = current.replace(from, to);
      if (next === current) throw new Error(`edit did not match in ${target}: ${String(from)}`);
      writeFileSync(full, next);
    }
    const path = relative('/', join(dir, file));
    const { problems } = loadContent(dir, '/');
    return { problems: problems.filter((p) => p.file === path), path };
  } finally {
    for (const [full, text] of originals) writeFileSync(full, text);
  }
}

const legal = (file: string, field: string, message: string) => ({ file, field, code: 'legalAmount', message: contentErrors.legalAmount.message(message) });

describe('the corrected sample content', () => {
  it('passes the legal-consistency check', () => {
    const { problems } = loadContent(dir, '/');
    expect(problems).toEqual([]);
  });
});

describe('amount, sentence and fine follow the 2016 interpretation', () => {
  it('a 私分国有资产 fine under the 10万 floor of 解释第十九条第二款', () => {
    const { problems, path } = planted('cases/soe-scrap-off-book-fund.md', [['cases/soe-scrap-off-book-fund.md', '    fine: 并处罚金人民币10万元', '    fine: 并处罚金人民币5万元']]);
    expect(problems).toEqual([
      legal(path, 'disposition.criminal.fine', '私分国有资产罪判处有期徒刑一年，缓刑一年六个月，罚金应在10万元至146.8万元之间（criminal-law#396、bribery-interpretation-2016#19），本案为5万元'),
    ]);
  });

  it('a sentence below the range of 数额巨大', () => {
    const { problems, path } = planted('cases/county-road-tender-tailoring.md', [['cases/county-road-tender-tailoring.md', 'term: 有期徒刑六年', 'term: 有期徒刑二年']]);
    expect(problems).toEqual([
      legal(path, 'disposition.criminal.term', '受贿罪132.4万元属数额巨大，应处3年以上10年以下有期徒刑，本案判处有期徒刑二年'),
    ]);
  });

  it('a bribe of 1.26万 with a loss to public funds is 其他较重情节, so a case without prosecution must say why', () => {
    const { problems, path } = planted('cases/canteen-inquiry-rigging.md', [['cases/canteen-inquiry-rigging.md', /exceptions:\n  - check: prosecution\n    reason: .*\n/, '']]);
    expect(problems).toEqual([legal(path, 'disposition', '受贿罪数额1.26万元并有其他较重情节，已达数额较大的追诉标准，处理结果却没有追究刑事责任（disposition.criminal）')]);
  });

  it('「严重情节」 written for 「较重情节」', () => {
    const { problems, path } = planted('cases/canteen-inquiry-rigging.md', [['cases/canteen-inquiry-rigging.md', 'label: 其他较重情节', 'label: 其他严重情节']]);
    expect(problems).toEqual([legal(path, 'circumstance.label', '“其他严重情节”只用于10万元以上不满20万元的数额，本案数额为1.26万元')]);
  });

  it('a 挪用公款 amount counted before later misappropriations repaid earlier ones', () => {
    const { problems, path } = planted('cases/township-accountant-misappropriation.md', [['cases/township-accountant-misappropriation.md', 'amount: 38.7', 'amount: 58.3']]);
    expect(problems).toEqual([legal(path, 'amount', '挪用公款以后挪用的归还以前挪用的，按案发时未还的数额认定：累计58.3万元减去以后挪还的19.6万元，应为38.7万元，本案写的是58.3万元')]);
  });

  it('挪用公款 below the threshold for its use', () => {
    const { problems, path } = planted('cases/township-accountant-misappropriation.md', [
      ['cases/township-accountant-misappropriation.md', 'amount: 38.7', 'amount: 2.5'],
      ['cases/township-accountant-misappropriation.md', 'rolledOver: { moved: 58.3, repaidByLater: 19.6 }', 'rolledOver: { moved: 22.1, repaidByLater: 19.6 }'],
    ]);
    expect(problems).toEqual([legal(path, 'amount', '挪用公款罪认定数额2.5万元，未达追究刑事责任的起点（3万元）的追诉起点')]);
  });

  it('非国家工作人员受贿 below twice the 受贿 threshold (解释第十一条)', () => {
    const { problems, path } = planted('cases/warehouse-acceptance-fraud.md', [['cases/warehouse-acceptance-fraud.md', 'amount: 9.8', 'amount: 5.8']]);
    expect(problems).toEqual([legal(path, 'amount', '非国家工作人员受贿罪认定数额5.8万元，未达数额较大（6万元）的追诉起点')]);
  });

  it('a real exception is stated in the case and read by the check', () => {
    const { problems } = planted('cases/county-road-tender-tailoring.md', [
      ['cases/county-road-tender-tailoring.md', 'term: 有期徒刑六年', 'term: 有期徒刑二年六个月'],
      ['cases/county-road-tender-tailoring.md', 'fine: 罚金人民币50万元', 'fine: 罚金人民币30万元'],
      ['cases/county-road-tender-tailoring.md', /^lessons:/m, 'exceptions:\n  - { check: sentence, reason: 有重大立功表现，依法减轻处罚 }\nlessons:'],
    ]);
    expect(problems).toEqual([]);
  });

  it('a fine outside the band of the sentence imposed', () => {
    const { problems, path } = planted('cases/park-land-plot-ratio.md', [['cases/park-land-plot-ratio.md', 'fine: 罚金人民币100万元', 'fine: 罚金人民币30万元']]);
    expect(problems).toEqual([
      legal(path, 'disposition.criminal.fine', '受贿罪判处有期徒刑十一年，罚金应在50万元至772万元之间（criminal-law#383、bribery-interpretation-2016#3、bribery-interpretation-2016#19），本案为30万元'),
    ]);
  });

  it('a sentence written so the check cannot read it', () => {
    const { problems, path } = planted('cases/textbook-rebate.md', [['cases/textbook-rebate.md', 'term: 有期徒刑三年二个月', 'term: 判了三年多']]);
    expect(problems).toEqual([
      { file: path, field: 'disposition.criminal.term', code: 'unreadableSentence', message: contentErrors.unreadableSentence.message('刑期', '判了三年多', '“有期徒刑三年六个月”“拘役六个月”“有期徒刑二年，缓刑三年”“无期徒刑”“免予刑事处罚”（可在末尾注明“（数罪并罚）”）') },
    ]);
  });
});

describe('sanctions fit the person', () => {
  it('撤销党内职务 for a principal with no party post', () => {
    const { problems, path } = planted('cases/school-tutoring-fees.md', [['cases/school-tutoring-fees.md', '    sanction: 留党察看\n    note: 留党察看一年\n', '    sanction: 撤销党内职务\n']]);
    expect(problems).toEqual([{ file: path, field: 'disposition.party.sanction', code: 'partyStatus', message: contentErrors.partyStatus.message('撤销党内职务只能给予担任党内职务的党员；本案 partyPost 为 false') }]);
  });

  it('a party sanction for someone who is not a party member', () => {
    const { problems, path } = planted('cases/cashier-online-banking.md', [['cases/cashier-online-banking.md', /^disposition:\n/m, 'disposition:\n  party: { sanction: 开除党籍, basis: [party-discipline-2018#27] }\n']]);
    expect(problems).toEqual([{ file: path, field: 'disposition.party.sanction', code: 'partyStatus', message: contentErrors.partyStatus.message('开除党籍是党纪处分，只能给予党员；本案 partyMember 为 false') }]);
  });
});

describe('dates are in order', () => {
  it('conduct after the man was expelled (a 2019 post for someone expelled in December 2018)', () => {
    const { problems, path } = planted('cases/farm-machinery-subsidy-dereliction.md', [['cases/farm-machinery-subsidy-dereliction.md', 'conduct: { from: 2015, to: 2018 }', 'conduct: { from: 2015, to: 2019 }']]);
    expect(problems).toEqual([
      { file: path, field: 'conduct.to', code: 'datesOutOfOrder', message: contentErrors.datesOutOfOrder.message('违纪违法行为持续到 2019 年，晚于 2018年8月14日 立案；立案、开除之后不能再有行为或职务') },
    ]);
  });

  it('a decision outside the case year, and a judgment year that disagrees', () => {
    const { problems, path } = planted('cases/textbook-rebate.md', [['cases/textbook-rebate.md', 'decided: 2024-12-19', 'decided: 2025-01-09']]);
    expect(problems).toEqual([
      { file: path, field: 'decided', code: 'datesOutOfOrder', message: contentErrors.datesOutOfOrder.message('处理决定日期 2025年1月9日 不在案件年份 2024 年') },
      {
        file: path,
        field: 'disposition.criminal.year',
        code: 'datesOutOfOrder',
        message: contentErrors.datesOutOfOrder.message('判决年份 2024 与最后一项处理（decided：2025年1月9日）不一致；有判决的案件，decided 写判决日期'),
      },
    ]);
  });

  it('立案 after the decision', () => {
    const { problems, path } = planted('cases/food-license-site-inspection.md', [['cases/food-license-site-inspection.md', 'filed: 2023-10-16', 'filed: 2024-02-01']]);
    expect(problems).toEqual([
      { file: path, field: 'filed', code: 'datesOutOfOrder', message: contentErrors.datesOutOfOrder.message('立案日期 2024年2月1日 晚于处理决定日期 2024年1月18日') },
    ]);
  });
});

describe('procedural law is cited in the version in force at the decision', () => {
  it('监察法（2018）第四十五条 cited in the disposition of a case decided after 1 June 2025', () => {
    const { problems, path } = planted('cases/early-reminder-small-gifts.md', [
      ['cases/early-reminder-small-gifts.md', 'measures: [谈话提醒]', 'measures: [谈话提醒]\n  government: { sanction: 警告, basis: [supervision-law-2018#45] }'],
    ]);
    expect(problems).toEqual([
      { file: path, field: 'disposition.government.basis[0]', code: 'versionAtDecision', message: contentErrors.versionAtDecision.message('监察法（2018）', '2025年10月20日', '监察法（2024）') },
    ]);
  });

  it('监察法第四十五条 named in the text of a case decided in October 2025', () => {
    const { problems, path } = planted('cases/early-reminder-small-gifts.md', [
      ['cases/early-reminder-small-gifts.md', /  law: .*/, '  law: 《中华人民共和国监察法》第四十五条把谈话提醒列为对情节较轻的职务违法问题的处置方式之一（以官方文本为准）。'],
    ]);
    expect(problems).toEqual([{ file: path, field: '正文', code: 'proseArticle', message: contentErrors.proseArticle.message('中华人民共和国监察法', '第四十五条', '2025年10月20日', '监察法（2024）') }]);
  });
});

describe('a unit’s own rules are never a model text, a rule not yet in force, or a rule for another kind of unit', () => {
  it('a model text listed as the rule the unit broke', () => {
    const { problems, path } = planted('cases/warehouse-acceptance-fraud.md', [['cases/warehouse-acceptance-fraud.md', 'comparableModels: [procurement-management#11]', 'rulesBreached: [procurement-management#11]']]);
    expect(problems).toEqual([
      { file: path, field: 'rulesBreached[0]', code: 'unitRule', message: contentErrors.unitRule.message('《物资采购管理办法》是示范文本，不是本单位的制度，请移到 comparableModels（页面显示为“可对照的示范条款”）') },
    ]);
  });

  it('a provincial SOE model held up against a village', () => {
    const { problems, path } = planted('cases/village-land-lease-relatives.md', [['cases/village-land-lease-relatives.md', /^lessons:/m, 'comparableModels: [three-important-one-large#3]\nlessons:']]);
    expect(problems).toEqual([
      { file: path, field: 'comparableModels[0]', code: 'unitRule', message: contentErrors.unitRule.message('示范文本《“三重一大”集体决策制度》写给国有企业，本案单位是村（社区），不宜对照') },
    ]);
  });

  it('an issued unit rule that took effect after the conduct', () => {
    const { problems, path } = planted('cases/cashier-online-banking.md', [
      ['documents/fund-payment-control.md', 'model: true\n', 'model: false\n'],
      ['cases/cashier-online-banking.md', 'comparableModels: [fund-payment-control#4, fund-payment-control#6, fund-payment-control#9, fund-payment-control#12]', 'rulesBreached: [fund-payment-control#4]'],
    ]);
    expect(problems).toEqual([
      {
        file: path,
        field: 'rulesBreached[0]',
        code: 'unitRule',
        message: contentErrors.unitRule.message('《资金支付管理办法》施行于2025年11月1日，行为发生的 2015—2020 年间它不在施行期内，不能说行为违反了它'),
      },
    ]);
  });
});

describe('reading sentences and fines as judgments word them', () => {
  it('reads Chinese and Arabic numerals', () => {
    expect([readNumber('三'), readNumber('十五'), readNumber('二十'), readNumber('一百二十'), readNumber('40'), readNumber('三十X')]).toEqual([3, 15, 20, 120, 40, undefined]);
  });

  it('reads terms, probation and the combined sentence', () => {
    expect(parseSentence('有期徒刑五年六个月')).toEqual({ months: 66, kind: '有期徒刑', probation: false });
    expect(parseSentence('有期徒刑二年，缓刑三年')).toEqual({ months: 24, kind: '有期徒刑', probation: true });
    expect(parseSentence('有期徒刑七年（数罪并罚）')).toEqual({ months: 84, kind: '有期徒刑', probation: false });
    expect(parseSentence('拘役六个月')).toEqual({ months: 6, kind: '拘役', probation: false });
    expect(parseSentence('无期徒刑')?.months).toBe(Number.POSITIVE_INFINITY);
    expect(parseSentence('五年')).toBeUndefined();
  });

  it('reads fines in 万元 and recognises confiscation', () => {
    expect([parseFine('并处罚金人民币40万元'), parseFine('罚金四十万元'), parseFine('并处没收个人全部财产'), parseFine('并处罚金')]).toEqual([40, 40, 'confiscation', undefined]);
  });
});
