import { z } from './messages.ts';
import { articleRef, contribution, date, heading, nonEmpty, publishing, ref, source, tags, year } from './fragments.ts';

export const PARTY_SANCTIONS = ['警告', '严重警告', '撤销党内职务', '留党察看', '开除党籍'] as const;
export const GOVERNMENT_SANCTIONS = ['警告', '记过', '记大过', '降级', '撤职', '开除'] as const;
/** 四种形态 first form and organisational measures, for cases that end without a sanction. */
export const LIGHT_MEASURES = ['谈话提醒', '批评教育', '责令检查', '诫勉', '通报批评', '调整岗位', '组织处理'] as const;

/** 党政机关 · 事业单位 · 国有企业 · 村（社区）. */
export const UNIT_KINDS = {
  agency: '党政机关',
  institution: '事业单位',
  soe: '国有企业',
  village: '村（社区）',
} as const;
const UNIT_KINDS_IDS = Object.keys(UNIT_KINDS) as [keyof typeof UNIT_KINDS, ...(keyof typeof UNIT_KINDS)[]];

/** The consistency checks a case may state a real legal exception to (see lib/legal-check.ts). */
export const LEGAL_CHECKS = {
  threshold: '数额未达追诉标准却被判刑',
  prosecution: '数额已达追诉标准却未追究刑事责任',
  sentence: '刑期与数额档次不符',
  fine: '罚金不在法定幅度内',
} as const;
const LEGAL_CHECKS_IDS = Object.keys(LEGAL_CHECKS) as [keyof typeof LEGAL_CHECKS, ...(keyof typeof LEGAL_CHECKS)[]];

export const CASE_SECTIONS = ['基本案情', '违纪违法事实', '处理结果', '警示启示', '整改措施'] as const;

export const SURFACED_BY = {
  audit: '审计发现',
  report: '群众举报',
  inspection: '巡视巡察',
  'data-alert': '大数据预警',
  'self-report': '主动交代',
  supervision: '日常监督',
  'related-case': '关联案件',
} as const;

const sanction = <T extends readonly [string, ...string[]]>(values: T) =>
  z.strictObject({
    sanction: z.enum(values),
    /** Party-rule or public-office articles the sanction rests on. */
    basis: z.array(articleRef()).default([]),
    note: z.string().optional(),
  });

export const dispositionSchema = z
  .strictObject({
    /** 四种形态 first form or organisational handling, when no sanction was given. */
    measures: z.array(z.enum(LIGHT_MEASURES)).default([]),
    party: sanction(PARTY_SANCTIONS).optional(),
    government: sanction(GOVERNMENT_SANCTIONS).optional(),
    criminal: z
      .strictObject({
        charges: z.array(nonEmpty()).min(1),
        /** The sentence as the judgment words it, e.g. 有期徒刑五年六个月. */
        term: nonEmpty(),
        fine: z.string().optional(),
        basis: z.array(articleRef()).min(1),
        year: year.optional(),
        /** The amount the court found for each money charge, in 万元, when there is more than one charge (one charge takes the case's `amount`). */
        amounts: z.record(z.string(), z.number().nonnegative()).optional(),
        /** For 挪用公款: the use the judgment found (进行非法活动 / 进行营利活动 / 超过三个月未还). */
        use: z.string().optional(),
        /** For 挪用公款 repaid with later misappropriations (以后挪用的归还以前挪用的): the sum moved out and the part so repaid, in 万元. */
        rolledOver: z.strictObject({ moved: z.number().positive(), repaidByLater: z.number().nonnegative() }).optional(),
      })
      .optional(),
  })
  .refine((d) => d.measures.length > 0 || d.party || d.government || d.criminal, {
    error: '处理结果至少要有一项：measures、party、government 或 criminal',
  });

export const caseSchema = z
  .strictObject({
    ...heading,
    ...contribution,
    ...publishing,
    tags,
    published: date(),
    /** The year the case was decided; the risk map counts cases by this year. */
    year,
    /** The years the conduct lasted; decides which version of a rule applied. */
    conduct: z.strictObject({ from: year, to: year }).refine((c) => c.from <= c.to, { error: 'conduct.from 不能晚于 conduct.to' }),
    region: nonEmpty(2).max(20),
    sector: ref('sectors'),
    riskPoints: z.array(ref('riskPoints')).min(1),
    powerStage: ref('powerStages'),
    /** The offender's post level, as one of the three audience tiers. */
    tier: z.enum(['leader', 'key-post', 'staff']),
    /** The offender's post as the case names it, anonymised: 某县住建局局长. */
    post: nonEmpty(2),
    /** The kind of unit the offender served in; decides which rules can apply to it. */
    unitKind: z.enum(UNIT_KINDS_IDS),
    /** Whether the offender was a party member, and held a party post (书记、委员、支部委员 …), when sanctioned. */
    partyMember: z.boolean(),
    partyPost: z.boolean().optional(),
    /**
     * 立案 (absent when a first-form measure was taken without one) and the last disposition decision
     * or judgment; procedure follows the rules in force at `decided`.
     */
    filed: date().optional(),
    decided: date(),
    violations: z.array(ref('violationTypes')).min(1),
    surfacedBy: z.enum(Object.keys(SURFACED_BY) as [keyof typeof SURFACED_BY, ...(keyof typeof SURFACED_BY)[]]),
    /** Money involved, in 万元, where the case has a figure. */
    amount: z.number().nonnegative().optional(),
    /**
     * A circumstance the 2016 interpretation lists (其他较重情节 …) that brings a lower amount into a
     * sentencing tier, with the fact that makes it; the check then expects the matching outcome.
     */
    circumstance: z.strictObject({ label: nonEmpty(2), fact: nonEmpty(6) }).optional(),
    disposition: dispositionSchema,
    /** The unit's own rules the conduct broke, as links to their articles: issued rules in force at the conduct, never model texts. */
    rulesBreached: z.array(articleRef()).default([]),
    /** Model texts (示范文本) a reader can hold the conduct against, shown as 可对照的示范条款. */
    comparableModels: z.array(articleRef()).default([]),
    /** Real legal exceptions to one of the consistency checks (自首减轻处罚 …), each with its reason; the check reads them. */
    exceptions: z.array(z.strictObject({ check: z.enum(LEGAL_CHECKS_IDS), reason: nonEmpty(8) })).default([]),
    /** One takeaway for each audience tier. */
    lessons: z.strictObject({ leader: nonEmpty(10), 'key-post': nonEmpty(10), staff: nonEmpty(10) }),
    /** 以案四说: the case read for 德, 纪, 法 and 责. */
    fourPerspectives: z.strictObject({ morality: nonEmpty(10), discipline: nonEmpty(10), law: nonEmpty(10), responsibility: nonEmpty(10) }),
    questions: z.array(nonEmpty(6)).min(2),
    kind: z.enum(['teaching', 'public-report']),
    /** For a public-report case, the public notice it is based on. */
    citation: source.optional(),
    source: nonEmpty(4),
  })
  .superRefine((c, ctx) => {
    if (c.kind === 'public-report' && !c.citation) {
      ctx.addIssue({ code: 'custom', path: ['citation'], message: 'kind 为 public-report 时必须注明 citation（公开通报的出处）' });
    }
    if (c.partyMember && c.partyPost === undefined) {
      ctx.addIssue({ code: 'custom', path: ['partyPost'], message: '党员须写明 partyPost：受处分时是否担任党内职务（true / false）' });
    }
    if (!c.partyMember && c.partyPost) {
      ctx.addIssue({ code: 'custom', path: ['partyPost'], message: '非党员不能担任党内职务：partyMember 为 false 时 partyPost 应删去或写 false' });
    }
    if (c.conduct.to > c.year) {
      ctx.addIssue({ code: 'custom', path: ['conduct', 'to'], message: `违纪违法行为的结束年份不能晚于案件年份 ${c.year}` });
    }
  });

export type CaseData = z.infer<typeof caseSchema>;
