/**
 * A synthetic content folder for the benchmark: N warning cases in realistic Chinese, with
 * proportionate modules and culture items, on top of copies of the real taxonomies, documents,
 * network, indicators and self-check lists, so every reference resolves and `npm run check`
 * passes. The text is assembled from sentence building blocks; it is benchmark data, not content.
 *
 * `node src/bench/generate.ts <N> <dir> [seed]`
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stringify } from 'yaml';
import { articleLabel } from '../lib/cn-numerals.ts';
import { caseInterval, inForce, overlaps, successors } from '../lib/documents.ts';
import { parseMarkdown, parseYaml } from '../lib/frontmatter.ts';
import { tierFor } from '../lib/legal-check.ts';
import { GOVERNMENT_SANCTIONS, LIGHT_MEASURES, PARTY_SANCTIONS, SURFACED_BY, type UNIT_KINDS } from '../schemas/case.ts';
import { legalThresholdSchema, type LegalThreshold } from '../schemas/legal.ts';
import { documentSchema, type DocumentData } from '../schemas/document.ts';
import { z } from '../schemas/messages.ts';
import { audienceSchema, powerStageSchema, riskPointSchema, sectorSchema, unitSchema, violationTypeSchema } from '../schemas/taxonomies.ts';

export interface GenerateOptions {
  cases: number;
  dir: string;
  seed?: number;
}

export interface GeneratedCorpus {
  dir: string;
  cases: number;
  courses: number;
  culture: number;
  caseIds: string[];
}

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const SAMPLE = join(REPO, 'content');
/**
 * Generated here; every other folder of content/ (taxonomies, network, documents, indicators,
 * self-checks, and any collection added later) is copied verbatim so references resolve.
 */
const GENERATED = ['cases', 'courses', 'culture'] as const;
/** Marks a folder this generator wrote, so a second run may replace it without touching anything else. */
const MARKER = '.bench-corpus';
const FIRST_YEAR = 2015;
const LAST_YEAR = 2025;

// ---------------------------------------------------------------------------------------------
// Seeded randomness: the same seed gives the same corpus, byte for byte.

type Rng = () => number;

function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (r: Rng, min: number, max: number) => min + Math.floor(r() * (max - min + 1));
const chance = (r: Rng, p: number) => r() < p;
function pick<T>(r: Rng, list: readonly T[]): T {
  if (list.length === 0) throw new Error('pick from an empty list');
  return list[Math.floor(r() * list.length)] as T;
}
function shuffle<T>(r: Rng, list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
const sample = <T>(r: Rng, list: readonly T[], k: number): T[] => shuffle(r, list).slice(0, Math.min(k, list.length));
/** One decimal place, as amounts in 万元 are written. */
const money = (r: Rng, min: number, max: number) => Math.round((min + r() * (max - min)) * 10) / 10;
const hanCount = (text: string) => (text.match(/\p{Script=Han}/gu) ?? []).length;
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m, 2)}-${pad(d, 2)}`;

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** 1–19 in words, for sentences (有期徒刑十一年) where judgments never use digits. */
function cn(n: number): string {
  if (n <= 10) return CN_DIGITS[n] as string;
  return `十${CN_DIGITS[n - 10] as string}`;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary. Sectors come from the real taxonomy; these words only colour the text, and a sector
// added to sectors.yaml later falls back to the generic set.

interface SectorWords {
  levels: readonly string[];
  units: readonly string[];
  leader: readonly string[];
  keyPost: readonly string[];
  staff: readonly string[];
  projects: readonly string[];
  firms: readonly string[];
  funds: string;
  /** Criminal violation types typical of the sector, by id in violation-types.yaml. */
  crimes: readonly string[];
  /** Model texts whose articles a unit in this sector would breach. */
  rules: readonly string[];
}

const COUNTY = ['某县', '某市', '某区'] as const;

const SECTOR_WORDS: Record<string, SectorWords> = {
  engineering: {
    levels: COUNTY,
    units: ['交通运输局', '住房和城乡建设局', '水利局', '城市管理局'],
    leader: ['局长', '党组书记、局长', '副局长'],
    keyPost: ['工程建设股股长', '规划建设股负责人', '质量安全监督站站长'],
    staff: ['项目现场代表', '工程股科员', '质监站技术员'],
    projects: ['农村公路提级改造工程', '老旧小区改造工程', '城区雨污分流管网工程', '中小河流治理工程', '安置房建设项目', '县城道路拓宽工程'],
    firms: ['路桥工程有限公司', '建筑工程有限公司', '市政工程有限公司', '水利水电工程公司'],
    funds: '工程款',
    crimes: ['bribery', 'abuse-of-power'],
    rules: ['three-important-one-large', 'fund-payment-control'],
  },
  soe: {
    levels: ['某市', '某省', '某县'],
    units: ['国有资本投资运营集团', '城市建设投资集团', '交通投资集团', '水务集团', '粮食储备公司'],
    leader: ['董事长', '党委书记、董事长', '总经理'],
    keyPost: ['财务部经理', '物资采购部经理', '资产管理部部长'],
    staff: ['仓库保管员', '财务部出纳', '业务员'],
    projects: ['闲置厂房转让项目', '年度物资集中采购', '子公司股权转让', '办公楼改造项目', '废旧物资处置'],
    firms: ['商贸有限公司', '物资贸易公司', '资产评估事务所', '建材供应公司'],
    funds: '经营收入',
    crimes: ['bribery', 'embezzlement', 'private-division', 'nonstate-bribery'],
    rules: ['three-important-one-large', 'procurement-management'],
  },
  'public-trading': {
    levels: ['某市', '某县'],
    units: ['公共资源交易中心', '公共资源交易监督管理局'],
    leader: ['主任', '副主任', '局长'],
    keyPost: ['交易服务科科长', '信息科负责人', '评标专家库管理员'],
    staff: ['场地管理员', '见证员', '信息员'],
    projects: ['市政道路施工招标', '医疗设备采购项目', '学校食堂食材配送采购', '园林绿化工程招标'],
    firms: ['建设工程有限公司', '招标代理有限公司', '科技发展有限公司'],
    funds: '中标价款',
    crimes: ['bribery', 'bid-rigging'],
    rules: ['procurement-management'],
  },
  'fiscal-funds': {
    levels: COUNTY,
    units: ['财政局', '发展和改革局', '科技局', '商务局'],
    leader: ['局长', '副局长'],
    keyPost: ['预算股股长', '资金管理科科长', '财务室会计'],
    staff: ['出纳', '报账员', '科员'],
    projects: ['产业扶持专项资金', '科技创新补助资金', '会议培训经费', '小微企业贴息资金'],
    firms: ['科技有限公司', '农业开发公司', '会务服务公司'],
    funds: '专项资金',
    crimes: ['embezzlement', 'misappropriation', 'bribery'],
    rules: ['fund-payment-control'],
  },
  'admin-approval': {
    levels: COUNTY,
    units: ['行政审批服务局', '市场监督管理局', '生态环境局', '不动产登记中心'],
    leader: ['局长', '副局长', '中心主任'],
    keyPost: ['审批科科长', '许可科负责人', '窗口负责人'],
    staff: ['窗口受理员', '现场核查员', '审批科科员'],
    projects: ['食品经营许可', '环评审批', '不动产登记', '建设工程规划许可'],
    firms: ['环保技术咨询公司', '代办服务公司', '房地产开发有限公司', '餐饮管理公司'],
    funds: '服务费',
    crimes: ['bribery', 'abuse-of-power'],
    rules: [],
  },
  'village-finance': {
    levels: ['某镇', '某乡', '某街道'],
    units: ['某村', '某社区'],
    leader: ['党支部书记', '村委会主任', '党支部书记、村委会主任'],
    keyPost: ['报账员', '会计', '文书'],
    staff: ['村民小组长', '网格员', '出纳'],
    projects: ['村道硬化工程', '集体鱼塘发包', '集体土地出租', '高标准农田配套工程'],
    firms: ['工程队', '农业专业合作社', '建材经营部'],
    funds: '集体资金',
    crimes: ['embezzlement', 'misappropriation', 'bribery'],
    rules: ['fund-payment-control', 'grid-work-norms'],
  },
  'agri-subsidies': {
    levels: ['某县', '某乡', '某镇'],
    units: ['农业农村局', '民政局', '农业综合服务中心', '社会事务办'],
    leader: ['局长', '副局长', '主任'],
    keyPost: ['社会救助股股长', '农机推广站站长', '民政办主任'],
    staff: ['经办员', '协理员', '补贴核查员'],
    projects: ['耕地地力保护补贴', '农机购置补贴', '城乡低保', '临时救助'],
    firms: ['农机销售公司', '农资经营部', '农业合作社'],
    funds: '补贴资金',
    crimes: ['embezzlement', 'dereliction'],
    rules: ['grid-work-norms'],
  },
  'education-fees': {
    levels: COUNTY,
    units: ['第一中学', '实验小学', '职业技术学校', '教育局'],
    leader: ['校长', '党总支书记、校长', '局长'],
    keyPost: ['总务处主任', '教务处主任', '财务室会计'],
    staff: ['食堂管理员', '班主任', '后勤干事'],
    projects: ['教辅资料征订', '学生食堂食材采购', '校服采购', '课后服务收费'],
    firms: ['图书发行公司', '食品配送公司', '服装有限公司'],
    funds: '代收费',
    crimes: ['bribery', 'embezzlement', 'private-division'],
    rules: ['procurement-management'],
  },
  procurement: {
    levels: COUNTY,
    units: ['机关事务管理局', '人民医院后勤处', '国有物流公司', '公路养护中心'],
    leader: ['局长', '主任', '分管副局长'],
    keyPost: ['采购科科长', '仓储科科长', '验收组组长'],
    staff: ['采购员', '仓库保管员', '验收员'],
    projects: ['办公用品采购', '物业服务采购', '车辆维修定点采购', '信息化设备采购'],
    firms: ['办公设备有限公司', '商贸有限公司', '汽车维修服务公司'],
    funds: '采购资金',
    crimes: ['bribery', 'embezzlement'],
    rules: ['procurement-management', 'fund-payment-control'],
  },
  'development-zone': {
    levels: ['某市', '某县'],
    units: ['经济开发区管委会', '高新技术产业园区管委会', '工业园区投资开发公司'],
    leader: ['主任', '党工委书记', '副主任'],
    keyPost: ['招商局局长', '规划建设局局长', '企业服务局科长'],
    staff: ['招商专员', '项目专员', '科员'],
    projects: ['招商引资奖补政策兑现', '园区标准厂房建设', '工业用地出让', '入园企业设备补助'],
    firms: ['实业有限公司', '科技产业园公司', '置业有限公司'],
    funds: '扶持资金',
    crimes: ['bribery', 'abuse-of-power'],
    rules: ['three-important-one-large'],
  },
  healthcare: {
    levels: ['某县', '某市'],
    units: ['人民医院', '中医医院', '妇幼保健院', '医疗保障局'],
    leader: ['院长', '党委书记、院长', '局长'],
    keyPost: ['设备科科长', '药剂科主任', '医保办主任'],
    staff: ['采购员', '临床科室主任', '医保稽核员'],
    projects: ['医用耗材集中采购', '大型医疗设备采购', '医保基金专项检查', '住院部改扩建工程'],
    firms: ['医疗器械有限公司', '医药贸易公司', '生物科技有限公司'],
    funds: '医保基金',
    crimes: ['bribery', 'nonstate-bribery'],
    rules: ['procurement-management'],
  },
  'land-resources': {
    levels: COUNTY,
    units: ['自然资源和规划局', '自然资源执法大队', '土地储备中心'],
    leader: ['局长', '副局长', '大队长'],
    keyPost: ['耕地保护科科长', '执法中队中队长', '征地服务中心主任'],
    staff: ['执法队员', '测绘员', '自然资源所所长'],
    projects: ['高速公路征地拆迁', '矿山生态修复', '违法用地专项整治', '城中村改造征收'],
    firms: ['矿业有限公司', '石料加工厂', '置业有限公司'],
    funds: '征地补偿款',
    crimes: ['bribery', 'abuse-of-power', 'dereliction'],
    rules: [],
  },
  personnel: {
    levels: COUNTY,
    units: ['人力资源和社会保障局', '委组织部', '卫生健康局'],
    leader: ['局长', '副部长', '分管副局长'],
    keyPost: ['事业单位人事管理科科长', '考试中心主任', '干部科科长'],
    staff: ['档案管理员', '考务工作人员', '科员'],
    projects: ['事业单位公开招聘', '职称评审', '干部选拔任用', '人事档案专项审核'],
    firms: ['培训学校', '人力资源服务公司', '教育咨询公司'],
    funds: '考务经费',
    crimes: ['bribery', 'abuse-of-power'],
    rules: [],
  },
};

const GENERIC_WORDS: SectorWords = {
  levels: COUNTY,
  units: ['管理局', '服务中心', '办公室'],
  leader: ['局长', '主任'],
  keyPost: ['业务科科长', '财务科科长'],
  staff: ['科员', '经办员'],
  projects: ['专项工作', '年度重点项目'],
  firms: ['有限公司', '贸易公司'],
  funds: '专项资金',
  crimes: ['bribery', 'embezzlement'],
  rules: [],
};

/** What each crime is charged as, which criminal-law articles it rests on, and its short name. */
const CRIMES: Record<string, { charge: string; articles: readonly string[]; word: string; money: 'bribe' | 'take' | 'loss' }> = {
  bribery: { charge: '受贿罪', articles: ['385', '386'], word: '受贿', money: 'bribe' },
  'influence-bribery': { charge: '利用影响力受贿罪', articles: ['388-1'], word: '利用影响力受贿', money: 'bribe' },
  embezzlement: { charge: '贪污罪', articles: ['382', '383'], word: '贪污', money: 'take' },
  misappropriation: { charge: '挪用公款罪', articles: ['384'], word: '挪用公款', money: 'take' },
  'abuse-of-power': { charge: '滥用职权罪', articles: ['397'], word: '滥用职权', money: 'loss' },
  dereliction: { charge: '玩忽职守罪', articles: ['397'], word: '玩忽职守', money: 'loss' },
  'private-division': { charge: '私分国有资产罪', articles: ['396'], word: '私分国有资产', money: 'take' },
  'bid-rigging': { charge: '串通投标罪', articles: ['223'], word: '串通投标', money: 'bribe' },
  'nonstate-bribery': { charge: '非国家工作人员受贿罪', articles: ['163'], word: '受贿', money: 'bribe' },
};

const SURNAMES = [
  ...'张王李赵刘陈杨黄周吴徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万严覃武戴莫孔向汤',
];
const REGIONS = ['华东某省', '华北某省', '华中某省', '华南某省', '西南某省', '西北某省', '东北某省', '某省', '某自治区', '中部某省'];

// ---------------------------------------------------------------------------------------------
// The real reference data the cases draw on.

const sectorList = z.array(sectorSchema);
const riskList = z.array(riskPointSchema);
const violationList = z.array(violationTypeSchema);
const stageList = z.array(powerStageSchema);
const audienceList = z.array(audienceSchema);
type RiskPoint = z.output<typeof riskPointSchema>;
type Sector = z.output<typeof sectorSchema>;

interface Reference {
  sectors: Sector[];
  risks: RiskPoint[];
  risksBySector: Map<string, RiskPoint[]>;
  violations: Map<string, z.output<typeof violationTypeSchema>>;
  stages: Map<string, string>;
  audiences: z.output<typeof audienceSchema>[];
  docs: Documents;
  /** The sentencing figures the content check holds cases to, by charge. */
  thresholds: Map<string, LegalThreshold>;
  /** Member units (供稿单位): those that write up cases, and every unit for modules and culture. */
  units: { cases: string[]; all: string[] };
}

/** The real documents, to cite only articles that exist and versions in force for a case's years. */
class Documents {
  readonly #byId: Map<string, { id: string; data: DocumentData }>;
  readonly #next: Map<string, { id: string; data: DocumentData }>;

  constructor(docs: { id: string; data: DocumentData }[]) {
    this.#byId = new Map(docs.map((d) => [d.id, d]));
    this.#next = successors(docs);
  }

  /** `doc` or `doc#n` exists. */
  has(ref: string): boolean {
    const [id = '', n] = ref.split('#');
    const doc = this.#byId.get(id);
    return !!doc && (n === undefined || doc.data.articles.some((a) => a.n === n));
  }

  /** The rule applied to a case must have been in force between the conduct and the decision (see validate.ts). */
  fits(ref: string, from: number, year: number): boolean {
    const id = ref.split('#')[0] ?? '';
    const doc = this.#byId.get(id);
    if (!doc || !this.has(ref)) return false;
    if (doc.data.model) return true;
    return overlaps(inForce(doc.data, this.#next.get(id)?.data), caseInterval(from, year));
  }

  /** The version of a rule family in force on a date, if any. */
  versionOn(family: string, date: Date): string | undefined {
    for (const d of this.#byId.values()) {
      if (d.data.family !== family) continue;
      const valid = inForce(d.data, this.#next.get(d.id)?.data);
      if (valid.from <= date && (!valid.to || date < valid.to)) return d.id;
    }
    return undefined;
  }

  inForceOn(id: string, date: Date): boolean {
    const doc = this.#byId.get(id);
    return !!doc && doc.data.effective <= date;
  }

  appliesTo(id: string): readonly string[] {
    return this.#byId.get(id)?.data.appliesTo ?? [];
  }

  articlesOf(id: string): string[] {
    return this.#byId.get(id)?.data.articles.map((a) => a.n) ?? [];
  }

  shortTitle(id: string): string {
    return this.#byId.get(id)?.data.shortTitle ?? id;
  }
}

function readReference(): Reference {
  const terms = (file: string) => parseYaml(readFileSync(join(SAMPLE, 'taxonomies', file), 'utf8'));
  const sectors = sectorList.parse(terms('sectors.yaml')).sort((a, b) => a.order - b.order);
  const units = z.array(unitSchema).parse(terms('units.yaml')).sort((a, b) => a.id.localeCompare(b.id));
  if (units.length === 0) throw new Error('content/taxonomies/units.yaml 中没有成员单位，无法为合成内容填写供稿单位');
  const caseUnits = units.filter((u) => CASE_UNIT_KINDS.has(u.kind)).map((u) => u.id);
  const risks = riskList.parse(terms('risk-points.yaml'));
  const risksBySector = new Map<string, RiskPoint[]>();
  for (const rp of risks) risksBySector.set(rp.sector, [...(risksBySector.get(rp.sector) ?? []), rp]);
  const docDir = join(SAMPLE, 'documents');
  const docs = readdirSync(docDir)
    .filter((f) => f.endsWith('.md') && !f.startsWith('_'))
    .sort()
    .map((f) => ({ id: f.replace(/\.md$/, ''), data: documentSchema.parse(parseMarkdown(readFileSync(join(docDir, f), 'utf8')).data) }));
  return {
    sectors: sectors.filter((s) => risksBySector.has(s.id)),
    risks,
    risksBySector,
    violations: new Map(violationList.parse(terms('violation-types.yaml')).map((v) => [v.id, v])),
    stages: new Map(stageList.parse(terms('power-stages.yaml')).map((s) => [s.id, s.name])),
    audiences: audienceList.parse(terms('audiences.yaml')),
    docs: new Documents(docs),
    units: { cases: caseUnits.length > 0 ? caseUnits : units.map((u) => u.id), all: units.map((u) => u.id) },
    // A crime whose figures depend on the use (挪用公款) is generated as 进行营利活动.
    thresholds: new Map(
      z
        .array(legalThresholdSchema)
        .parse(terms('legal-thresholds.yaml'))
        .filter((t) => t.uses.length === 0 || t.uses.includes(BENCH_USE))
        .flatMap((t) => t.charges.map((ch) => [ch, t] as const)),
    ),
  };
}

const BENCH_USE = '进行营利活动';

/** The kinds of member unit that write up cases: discipline bodies, state-enterprise 纪委 and auditors. */
const CASE_UNIT_KINDS = new Set(['discipline-commission', 'state-enterprises', 'audit-institutions']);
/** Units are dealt round in turn rather than drawn, so adding them left every other random draw unchanged. */
const unitAt = (list: readonly string[], i: number) => list[i % list.length] as string;

// ---------------------------------------------------------------------------------------------
// Cases.

type Tier = 'leader' | 'key-post' | 'staff';
type Severity = 'criminal' | 'sanction' | 'light';
type Surfaced = keyof typeof SURFACED_BY;

interface CaseContext {
  id: string;
  name: string;
  briber: string;
  colleague: string;
  gender: '男' | '女';
  born: number;
  start: number;
  place: string;
  /** Where the discipline commission sits: a village case is handled by the county. */
  authority: string;
  unit: string;
  postTitle: string;
  post: string;
  tier: Tier;
  sector: Sector;
  words: SectorWords;
  risks: RiskPoint[];
  stage: string;
  project: string;
  firm: string;
  year: number;
  from: number;
  to: number;
  severity: Severity;
  crime?: string;
  violations: string[];
  amount?: number;
  times: number;
  surfaced: Surfaced;
  partySanction?: (typeof PARTY_SANCTIONS)[number];
  govSanction?: (typeof GOVERNMENT_SANCTIONS)[number];
  measures: (typeof LIGHT_MEASURES)[number][];
  term?: string;
  fine?: string;
  use?: string;
  decisionMonth: number;
  unitKind: keyof typeof UNIT_KINDS;
}

type Block = (c: CaseContext, r: Rng) => string;

/** 2019年 or 2016年至2019年: the years of the conduct as a sentence names them. */
const period = (c: CaseContext) => (c.from === c.to ? `${c.from}年` : `${c.from}年至${c.to}年`);
const span = (c: CaseContext) => c.to - c.from + 1;
const amountText = (c: CaseContext) => (c.amount === undefined ? '若干' : `${c.amount}万元`);
const unitShort = (c: CaseContext) => c.unit.replace(/^某(?:县|市|区|省|镇|乡|街道)/, '') || c.unit;
const chargeOf = (c: CaseContext) => (c.crime ? CRIMES[c.crime] : undefined);
const forms = (c: CaseContext) => c.risks.flatMap((rp) => rp.forms);

const STAGE_DUTY: Record<string, readonly string[]> = {
  decision: ['项目立项、资金分配方案和合作对象的确定，都要经其提出意见或拍板', '重大事项的议题由其确定，方案由其审定后提交研究'],
  execution: ['招标、审核、拨付和验收等具体环节均须经其签字', '材料审核、合同签订和资金拨付都要经过其手'],
  supervision: ['检查、审核和验收结论由其签署意见后生效', '核查报告和整改意见须经其审核后才能报出'],
};

const PERSON: Block[] = [
  (c, r) => `${c.name}，${c.gender}，${c.born}年生，中共党员，${c.start}年${int(r, 1, 12)}月起任${c.post}。`,
  (c, r) => `${c.name}，${c.gender}，${c.born}年出生，大学文化，中共党员。参加工作后长期在${c.sector.name}领域工作，${c.start}年${int(r, 1, 12)}月起任${c.post}，直至案发。`,
  (c) => `${c.name}，${c.gender}，中共党员，${c.born}年出生，${c.start}年起担任${c.post}，此前曾在${c.place}多个部门任职，被同事评价为“懂业务、能干事”。`,
];

const DUTY: Block[] = [
  (c, r) => `任职期间，${c.name}${pick(r, ['主持', '分管', '具体负责'])}${unitShort(c)}的${c.project}相关工作，${pick(r, STAGE_DUTY[c.stage] ?? STAGE_DUTY['execution'] ?? [])}。`,
  (c, r) => `按照${unitShort(c)}的职责分工，${c.project}由${c.name}牵头负责，${pick(r, STAGE_DUTY[c.stage] ?? STAGE_DUTY['execution'] ?? [])}，权力相对集中。`,
];

const SETTING: Block[] = [
  (c, r) => `${c.from}年起，${c.place}陆续实施${c.project}，${int(r, 2, 5)}年间累计投入资金约${money(r, 0.3, 9)}亿元，涉及${int(r, 6, 40)}个具体项目。`,
  (c, r) => `${c.project}是${c.place}近年来的重点工作，资金量大、环节多，群众关注度高。仅${c.from}年一年，${unitShort(c)}经手的相关资金就达${int(r, 800, 9000)}万元。`,
  (c, r) => `${c.from}年前后，${c.place}的${c.project}进入集中推进阶段，${pick(r, ['上级要求时间紧', '年度考核任务重', '项目数量成倍增加'])}，一些制度要求在执行中被打了折扣。`,
];

const RELATION: Block[] = [
  (c, r) =>
    `${c.briber}是${pick(r, [`${c.name}的高中同学`, `${c.name}的老乡`, '一名长期在本地承揽业务的商人', `${c.name}妻子的远房亲戚`, `${c.name}在上一个岗位上结识的老板`])}，实际控制某${c.firm}。${c.from}年${pick(r, ['春节', '中秋节', '端午节'])}前后，${c.briber}到${c.name}家中拜访，提出希望在${c.project}中“多照顾照顾”，临走时留下现金${int(r, 2, 10)}万元。${c.name}推辞了一下，最终还是收下了。`,
  (c, r) =>
    `${c.from}年，${c.briber}通过朋友介绍结识了${c.name}。此后，${c.briber}经常以${pick(r, ['请教业务', '叙旧', '帮忙办事'])}为名请${c.name}吃饭、打牌，逢年过节送上烟酒和购物卡，两人很快称兄道弟。${c.briber}控制的某${c.firm}，正是${c.project}的潜在参与者。`,
];

const WEAKNESS: Block[] = [
  (c, r) =>
    `${unitShort(c)}的${c.words.funds}长期由${c.name}经手，${pick(r, ['审核人员只看汇总表，不核对原始凭证', '出纳和会计岗位实际上由一人兼任', '网银U盾和密码由同一人保管', '资金台账每年只在年底核对一次'])}，这为后来的问题埋下了伏笔。`,
  (c, r) => `在${c.project}中，${c.words.funds}的申报、审核和拨付本应由不同人员分别负责，但由于${pick(r, ['人手紧张', '领导信任', '“多年没出过事”'])}，实际上都由${c.name}一人操办。`,
];

const LOSS_SETTING: Block[] = [
  (c, r) =>
    `按照规定，${c.project}中的每一个事项都须经过现场核查、集体研究后才能办理。${c.name}对这些规定十分清楚，也曾在单位的培训会上给同事讲过${pick(r, ['“程序就是底线”', '“签字就是责任”', '“宁可慢一点，不能错一步”'])}。`,
  (c) => `${c.project}涉及的审核要点多、时限紧，${unitShort(c)}内部早有“先办后补”的习惯做法，${c.name}到任后没有纠正，反而越走越远。`,
];

const LIGHT_SETTING: Block[] = [
  (c, r) =>
    `${c.name}平时工作认真，在单位口碑不错。${c.from}年前后，随着${c.project}的推进，前来办事的企业和群众逐渐增多，其中一些人开始在节假日给${c.name}${pick(r, ['送烟酒', '送购物卡', '发微信红包'])}。`,
  (c) => `${c.name}业务熟练，是${unitShort(c)}的骨干。正因为“熟”，${c.name}逐渐觉得有些规矩“没必要那么死”，对管理服务对象的吃请和小额礼品不再推辞。`,
];

const EXCUSES = ['保证工程质量', '赶进度', '上级有要求', '特事特办', '历来如此', '节约成本'];

const RISK_FACT: (rp: RiskPoint) => Block[] = (rp) => [
  (c, r) =>
    `**${rp.name}。** ${period(c)}间，${c.name}利用职务便利，在${c.project}中${pick(r, rp.forms)}。${rp.description}经查，${unitShort(c)}在此期间办理的${int(r, 8, 40)}个同类事项中，有${int(r, 3, 7)}个存在类似问题。有同事曾就此提出异议，${c.name}以“${pick(r, EXCUSES)}”为由予以否定。`,
  (c, r) =>
    `**${rp.name}。** ${c.from}年${int(r, 1, 12)}月起，${c.name}多次${pick(r, ['授意下属', '亲自出面', '通过中间人'])}在${c.project}中${pick(r, rp.forms)}，并要求经办人员“按领导意思办”。相关资料显示，这些做法与${unitShort(c)}既有的审批流程明显不符，却在${span(c)}年间反复出现，始终没有人提出书面意见。`,
  (c, r) =>
    `**${rp.name}。** 调查发现，${c.name}惯用的手法是${rp.forms.slice(0, 2).join('、')}。仅${c.to}年一年，就有${int(r, 3, 12)}份材料存在此类问题，涉及金额${money(r, 20, 900)}万元。${c.name}事后承认：“当时觉得自己说了算，不会有人细查。”`,
];

const MONEY_FACT: Record<'bribe' | 'take' | 'loss', Block[]> = {
  bribe: [
    (c, r) =>
      `**收受财物。** ${period(c)}，${c.name}先后${c.times}次收受${c.briber}${chance(r, 0.5) ? '等人' : ''}所送现金、购物卡、${pick(r, ['名贵烟酒', '金条', '手表', '字画'])}等财物，折合人民币${amountText(c)}。其中，${c.briber}以“借款”名义为${c.name}的${pick(r, ['儿子', '女儿', '弟弟'])}购房支付${int(r, 10, 60)}万元，借条一直放在${c.name}手中，既未约定利息，也从未归还。`,
    (c, r) =>
      `**收受财物。** 作为回报，某${c.firm}及其关联企业先后承接了${c.project}中的${int(r, 4, 15)}个项目，合同金额合计${money(r, 0.2, 3)}亿元。${period(c)}间，${c.name}通过${pick(r, ['亲属代收', '特定关系人账户', '当面收取现金'])}等方式，先后${c.times}次收受财物共计${amountText(c)}。`,
  ],
  take: [
    (c, r) =>
      `**侵吞公款。** ${period(c)}，${c.name}采取${pick(r, ['虚列支出', '伪造领款名单', '重复报销', '截留收入不入账'])}等手段，先后${c.times}次套取${c.words.funds}共计${amountText(c)}，用于${pick(r, ['个人消费和偿还房贷', '购买理财产品', '赌博挥霍', '为亲属装修住房'])}。为掩盖问题，${c.name}还${pick(r, ['让下属补做了一批报销凭证', '在年底对账前临时借款填平账户', '销毁了部分原始单据'])}。`,
    (c, r) =>
      `**占用资金。** 经查，${c.name}在${c.project}中经手的${c.words.funds}，有${amountText(c)}被转入其本人或亲属控制的账户，其中部分用于${pick(r, ['投资亲属开办的公司', '归还个人债务', '购买车辆'])}，至案发时仍有${money(r, 1, 30)}万元未归还。`,
  ],
  loss: [
    (c, r) =>
      `**违规办理造成损失。** ${period(c)}，${c.name}在明知材料不全、情况存疑的情况下，仍${pick(r, ['签字同意', '指示下属放行', '跳过现场核查'])}，先后违规办理${c.times}个事项，致使${amountText(c)}${c.words.funds}流失，造成恶劣社会影响。`,
    (c, r) =>
      `**不履行审核职责。** 对于${c.project}中明显异常的材料，${c.name}既不组织核查，也不向集体报告，${pick(r, ['只看汇总表就签字', '让申报单位自行承诺了事', '把审核工作交给中介机构'])}。${period(c)}，相关单位借此骗取${c.words.funds}${amountText(c)}。`,
  ],
};

const SANCTION_FACT: Block[] = [
  (c, r) =>
    `**违规收受礼品礼金。** ${period(c)}，${c.name}先后${c.times}次收受管理服务对象所送礼金、购物卡，共计${amountText(c)}，并多次接受${c.briber}安排的宴请和${pick(r, ['旅游', '高尔夫活动', '娱乐活动'])}。`,
  (c, r) =>
    `**违规干预插手。** ${c.name}多次为${c.briber}在${c.project}中打招呼、递条子，要求经办人员“优先考虑”，${pick(r, ['影响了正常评审', '使不符合条件的企业通过审核', '导致项目安排明显不公'])}。${c.name}本人及其亲属从中获得好处${amountText(c)}。`,
  (c, r) => `**履职不力。** 对${c.project}中反复出现的异常情况，${c.name}${pick(r, ['未按规定报告', '未组织核查', '签字放行'])}，先后${c.times}次违规审批，造成${c.words.funds}损失${amountText(c)}。`,
];

const LIGHT_FACT: Block[] = [
  (c, r) =>
    `**违规收受礼品。** ${period(c)}，${c.name}先后${c.times}次收受管理服务对象所送${pick(r, ['烟酒', '购物卡', '土特产和购物卡', '微信红包'])}，价值${amountText(c)}。此外，${c.name}还${int(r, 2, 6)}次接受可能影响公正执行公务的宴请。`,
  (c, r) =>
    `**违规吃喝。** ${period(c)}，${c.name}多次接受${c.briber}等管理服务对象安排的宴请，其中${int(r, 2, 5)}次在${pick(r, ['私人会所', '农家乐', '企业内部食堂'])}饮酒，相关费用${amountText(c)}由企业支付。`,
];

const SURFACED_TEXT: Record<Surfaced, Block[]> = {
  audit: [
    (c, r) =>
      `${c.year}年${int(r, 1, 4)}月，${c.authority}审计局在对${unitShort(c)}开展${pick(r, ['经济责任审计', '专项资金审计', '预算执行审计'])}时发现，${c.project}的多笔资金去向与账面记录不符，遂将问题线索移送${c.authority}纪委监委。`,
    (c, r) => `内部审计人员在抽查${c.to}年度账目时注意到，同一收款方在${int(r, 2, 6)}个月内反复出现，且单据日期前后矛盾。审计报告上报后，${c.authority}纪委监委介入调查。`,
  ],
  report: [
    (c, r) =>
      `${c.year}年初，${c.authority}纪委监委收到群众实名举报，反映${c.project}中${pick(r, ['“年年都是同一家”', '补贴少发、漏发', '审批时有人“打招呼”'])}。信访室对线索进行了初步分析，认为具有可查性。`,
    (c, r) => `一名${pick(r, ['落选企业负责人', '退休职工', '知情群众'])}通过12388举报平台反映了${c.name}的问题，并提供了部分转账记录截图。`,
  ],
  inspection: [
    (c, r) =>
      `${c.year}年${int(r, 2, 5)}月，${c.authority}委巡察组对${unitShort(c)}开展常规巡察。巡察组调阅近五年的资料时发现，${c.project}的多份文件中反复出现同样的异常条款，而相关事项均未经集体研究，遂将问题线索移交${c.authority}纪委监委。`,
    (c) => `在${c.authority}委对${unitShort(c)}党组织的巡察中，巡察组通过个别谈话和调阅资料，发现${c.name}在${c.project}中的问题线索。`,
  ],
  'data-alert': [
    (c, r) =>
      `${c.authority}纪委监委的大数据监督平台在比对${pick(r, ['中标数据与企业股东信息', '补贴清册与不动产登记数据', '资金支付流水与人员信息'])}时发出预警，提示${c.project}中存在异常关联。核查人员据此锁定了${c.name}。`,
    (c, r) => `${c.year}年，${c.authority}上线公共资金监督预警系统，系统自动筛出${int(r, 3, 12)}条涉及${unitShort(c)}的异常记录，其中多条指向${c.name}经手的事项。`,
  ],
  'self-report': [
    (c) => `${c.year}年，在${c.authority}开展的警示教育活动中，${c.name}深受触动，主动向组织交代了自己的问题，并上交了部分违纪款物。`,
    (c) => `得知同一项目的其他人员接受调查后，${c.name}思想压力很大，经过反复思考，主动到${c.authority}纪委监委说明问题。`,
  ],
  supervision: [
    (c, r) =>
      `派驻纪检监察组在日常监督中发现，${unitShort(c)}${pick(r, ['“三重一大”事项会议记录不全', '多份合同先签后审', '个别审批事项超时办理'])}，遂约谈相关负责人，进而发现了${c.name}的问题线索。`,
    (c) => `${c.authority}纪委监委在对${c.project}开展专项监督检查时，发现${c.name}经手的部分事项手续不全，随即启动核查。`,
  ],
  'related-case': [
    (c, r) =>
      `${c.authority}纪委监委在查办${pick(r, ['一起行贿案件', '某企业负责人违法案件', '另一名干部受贿案件'])}时，当事人交代曾向${c.name}${pick(r, ['送钱', '请托办事', '输送利益'])}，${c.name}的问题随之暴露。`,
    (c) => `${c.briber}因其他问题被查后，交代了与${c.name}之间的利益往来，相关线索被移送${c.authority}纪委监委。`,
  ],
};

function dispositionText(c: CaseContext, r: Rng): string {
  const m = c.decisionMonth;
  const crime = chargeOf(c);
  const parts: string[] = [];
  if (c.severity === 'light') {
    parts.push(`经核实，${c.name}的问题情节较轻，且能如实说明情况、主动退还所收财物。${c.year}年${m}月，${c.authority}纪委监委对${c.name}进行${c.measures.join('、')}，并责令其作出书面检查。`);
    return parts.join('');
  }
  parts.push(
    `${c.authority}纪委监委经初步核实，于${c.year}年${Math.max(1, m - 3)}月对${c.name}立案审查调查${crime ? '并采取留置措施' : ''}。${c.name}到案后${pick(r, ['如实供述了全部问题', '起初避重就轻，后如实供述了问题', '认错悔错态度较好'])}，并退缴${pick(r, ['全部违纪违法所得', '大部分违纪违法所得'])}。`,
  );
  const gov = c.govSanction === '开除' ? '开除公职' : c.govSanction ? `政务${c.govSanction}` : undefined;
  const sanctions = [c.partySanction ? `给予${c.name}${c.partySanction}处分` : undefined, gov ? `由${c.authority}监委给予其${gov}处分` : undefined].filter(Boolean).join('；');
  const referral = crime ? `，并将其涉嫌${crime.charge}问题移送检察机关依法审查起诉` : '，收缴其违纪所得';
  parts.push(`${c.year}年${m}月，经${c.authority}纪委常委会会议研究${c.partySanction === '开除党籍' ? `并报${c.authority}委批准` : ''}，${sanctions || `对${c.name}进行组织处理`}${referral}。`);
  if (crime && c.term) {
    parts.push(
      `\n\n${c.year}年${Math.min(12, m + 2)}月，法院一审认定${c.name}${crime.money === 'loss' ? '在履行职责中违反规定，致使公共财产遭受重大损失' : '利用职务上的便利，为他人谋取利益或非法占有公共财物'}，构成${crime.charge}，判处${c.term}${c.fine ? `，${c.fine}` : ''}。${crime.money === 'bribe' ? `${c.briber}涉嫌行贿问题另案处理。` : ''}`,
    );
  }
  return parts.join('');
}

const LESSON_PARAGRAPHS: Block[] = [
  (c) =>
    `这起案件暴露出“${c.risks[0]?.name ?? ''}”这一风险点的典型特征：${c.risks[0]?.description ?? ''}从${c.from}年第一次伸手，到${c.year}年案发，前后${Math.max(1, c.year - c.from)}年，其间的每一个环节本来都有机会把问题拦下来。`,
  (c, r) =>
    `${c.name}的蜕变并非一夜之间。从${pick(r, ['收下第一张购物卡', '接受第一次宴请', '第一次“打招呼”'])}开始，${c.name}一步步放松了对自己的要求，把组织的信任当成了谋私的资本，最终${c.severity === 'criminal' ? '从“能干事”的干部沦为阶下囚' : '受到严肃处理，辜负了组织多年的培养'}。`,
  (c) =>
    `对领导干部而言，要警惕“只是定个方向”“只是打个招呼”的念头，${c.project}中的每一次签字都是责任；对关键岗位人员而言，发现异常时的一次书面意见，既是对工作负责，也是对自己的保护；对普通职工而言，身边的事情“总是同一家”“总是同一个人说了算”，就值得多问一句。`,
  (c, r) =>
    `从监督的角度看，问题暴露之前，${pick(r, ['资金流水', '会议记录', '合同台账', '群众反映'])}里早有异常信号，但${unitShort(c)}的内部监督没有及时跟进。制度写在纸上，如果没有人对照执行、没有人追问结果，就只能是“稻草人”。`,
];

const RECTIFY: Block[] = [
  (c) => `修订${c.project}管理办法，明确每一个环节的责任人、时限和留痕要求`,
  () => `重大事项一律提交集体研究，主要负责人末位表态，不得以会签代替会议`,
  (c) => `建立${c.words.funds}支付台账，对同一收款方一年内多次收款的情况自动提示`,
  () => `关键岗位人员实行定期轮岗，轮岗前开展离岗审计`,
  (c) => `在${unitShort(c)}开展以案促改专题民主生活会，班子成员逐一对照检视`,
  () => `把相关事项的办理结果在单位网站和公开栏公示，接受群众监督`,
  () => `派驻纪检监察组对整改情况开展“回头看”，逐项销号`,
  (c) => `组织全体干部职工旁听庭审或观看警示教育片，用${c.name}案开展警示教育`,
];

const EXTRA: { section: 'facts' | 'result' | 'lessons' | 'rectify'; block: Block }[] = [
  {
    section: 'facts',
    block: (c, r) =>
      `办案人员调取了${unitShort(c)}近${int(r, 3, 6)}年的会议记录、${int(r, 20, 90)}份合同和${int(r, 300, 2000)}笔银行流水，逐笔比对后发现，${c.name}经手事项中的异常情况集中出现在${period(c)}，与其经手资金最集中的时期高度吻合。`,
  },
  {
    section: 'facts',
    block: (c, r) =>
      `为了逃避组织审查，${c.name}曾与${c.briber}${pick(r, ['订立攻守同盟', '统一口径', '伪造借条'])}，还让亲属${pick(r, ['把现金转移到老家', '把购物卡拿去变现', '删除了聊天记录'])}。这些做法最终都被调查人员一一查清。`,
  },
  { section: 'facts', block: (c) => `值得注意的是，${c.name}所在单位曾在${c.from}年的内部检查中发现过类似问题，但当时只要求“下不为例”，没有深究，也没有向上级报告，错过了及早纠正的机会。` },
  {
    section: 'result',
    block: (c, r) =>
      `${c.name}在忏悔书中写道：“${pick(r, ['我总以为自己是在帮朋友，其实是在害自己。', '第一次伸手时我也害怕过，后来就习惯了，这才是最可怕的。', '组织培养我这么多年，我却把手中的权力当成了自家的东西。', '如果当初有人提醒我一句，如果我当初能拒绝一次，就不会走到今天。'])}”`,
  },
  {
    section: 'result',
    block: (c, r) =>
      `案发后，${unitShort(c)}对${c.project}开展了全面排查，共发现类似问题${int(r, 4, 20)}个，已整改${int(r, 2, 4)}个，其余问题正在按计划推进；另有${int(r, 1, 5)}名相关人员分别受到批评教育或诫勉。`,
  },
  {
    section: 'lessons',
    block: (c) => `同事${c.colleague}回忆，${c.name}刚到岗时经常说“这个位置上的人最容易被盯上”，可后来自己却成了被“围猎”的对象。这说明，廉洁意识不是一劳永逸的，需要时时警醒、常常自省。`,
  },
  {
    section: 'lessons',
    block: (c, r) =>
      `这起案件也提醒各级党组织，对${c.sector.name}领域的${pick(r, ['“一把手”', '关键岗位', '长期在同一岗位任职的干部'])}，既要用其所长，更要管其所为，把经常性的提醒谈话、廉政档案和个人事项报告核查真正用起来。`,
  },
  {
    section: 'facts',
    block: (c, r) =>
      `**规避监督。** 为了让事情“顺理成章”，${c.name}${pick(r, ['把需要集体研究的事项拆成几个小项目分别审批', '让下属先办理、事后再补齐手续', '在会议上只通报结果、不提供材料'])}。${period(c)}，类似做法至少有${int(r, 3, 15)}次，班子其他成员和经办人员虽有疑虑，却没有人书面提出。`,
  },
  {
    section: 'facts',
    block: (c, r) =>
      `调查还发现，${c.name}的${pick(r, ['妻子', '弟弟', '儿子', '表妹'])}对其违纪违法行为知情，并${pick(r, ['代为保管部分财物', '出面收取过两次现金', '将部分款项存入自己的账户', '以咨询费名义与相关企业签订了虚假合同'])}。家人没有成为“廉内助”，反而成了“收款员”，教训深刻。`,
  },
  {
    section: 'facts',
    block: (c, r) =>
      `案卷材料显示，${c.name}经手的${int(r, 30, 120)}份审批单中，有${int(r, 5, 20)}份缺少必要的附件，有${int(r, 2, 9)}份的签字日期早于申报日期。这些明显的瑕疵，在当时都没有引起任何人的注意，也没有任何人为此承担责任。`,
  },
  {
    section: 'facts',
    block: (c, r) =>
      `从时间线看，${c.name}的问题大致经历了三个阶段：最初是${pick(r, ['“试探”', '“半推半就”'])}，对方送什么、送多少都由对方决定；后来是“放开”，主动暗示对方“表示表示”；到案发前已是“习以为常”，把收钱办事当成了理所当然。每一个阶段，都伴随着单位制度执行的进一步松弛。`,
  },
  {
    section: 'result',
    block: (c, r) =>
      `${c.year}年${int(r, 9, 12)}月，${c.authority}纪委监委召开案情通报会，向${unitShort(c)}全体干部职工通报了${c.name}案的主要事实，要求相关人员对照检查、主动说明问题。会后，先后有${int(r, 2, 9)}人主动说明了收受礼品礼金、接受宴请等问题，均依规依纪作了处理。`,
  },
  {
    section: 'result',
    block: (c, r) =>
      `在追赃挽损方面，办案人员依法查扣、冻结涉案财物折合人民币${money(r, 1, 60)}万元，督促相关单位退还多拨付的${c.words.funds}，最大限度挽回了损失。对涉案的某${c.firm}，有关部门依法作出处理，${pick(r, ['将其列入失信名单', '取消其三年内的投标资格', '追回其违规获得的资金'])}。`,
  },
  {
    section: 'lessons',
    block: (c) =>
      `${c.sector.name}领域${c.sector.description.replace(/。$/, '')}，涉及的人财物多、环节多，历来是廉政风险的易发多发领域。${c.name}案说明，越是资金密集、审批集中的地方，越需要把权力关进制度的笼子。`,
  },
  {
    section: 'lessons',
    block: (c, r) =>
      `制度的生命力在于执行。${unitShort(c)}并非没有制度，${pick(r, ['议事规则', '审批流程', '资金支付办法', '岗位职责'])}都写得清清楚楚，但在“${pick(r, EXCUSES)}”的理由面前一次次让路。制度一旦可以被“变通”，就会被一再“变通”，直至形同虚设。`,
  },
  {
    section: 'lessons',
    block: (c, r) =>
      `“围猎”往往从小事开始：一顿饭、一张卡、一次“顺路”的帮忙。${c.name}在${pick(r, ['庭审', '谈话', '忏悔书'])}中也承认，最初觉得“数额不大，不算什么”，正是这种心态让自己一步步失去了警惕。`,
  },
  {
    section: 'rectify',
    block: (c, r) =>
      `为防止类似问题再次发生，${unitShort(c)}引入${pick(r, ['电子化审批系统', '大数据比对', '视频监控与电子签章'])}，把${c.project}的关键环节全部纳入系统留痕，相关数据与${c.authority}纪委监委的监督平台实时共享，异常情况自动推送。`,
  },
  {
    section: 'rectify',
    block: (c, r) => `${c.authority}纪委监委向${unitShort(c)}制发监察建议书，提出${int(r, 3, 8)}条具体建议，要求在${int(r, 2, 6)}个月内报告整改情况；整改期满后，又组织人员进行了现场核查。`,
  },
  {
    section: 'rectify',
    block: (c, r) => `针对“${c.risks[0]?.name ?? ''}”这一风险点，${unitShort(c)}梳理出${int(r, 5, 18)}个具体风险环节，逐一明确防控措施和责任人，形成岗位廉政风险防控清单，每半年更新一次。`,
  },
  { section: 'rectify', block: (c, r) => `此外，${unitShort(c)}还把本案编入年度警示教育教材，组织新任职干部和关键岗位人员开展廉政谈话和专题培训，累计覆盖${int(r, 40, 600)}人次。` },
  { section: 'rectify', block: (c, r) => `整改工作由${unitShort(c)}主要负责人牵头，列出问题清单、任务清单和责任清单共${int(r, 12, 36)}项，明确完成时限，每月向派驻纪检监察组报告一次进展。` },
];

function caseBody(c: CaseContext, r: Rng): string {
  const crime = chargeOf(c);
  const background = [
    pick(r, PERSON)(c, r) + pick(r, DUTY)(c, r),
    pick(r, SETTING)(c, r) +
      (c.severity === 'light' ? pick(r, LIGHT_SETTING) : crime?.money === 'take' ? pick(r, WEAKNESS) : crime?.money === 'loss' ? pick(r, LOSS_SETTING) : pick(r, RELATION))(c, r),
  ];
  const facts = c.risks.map((rp) => pick(r, RISK_FACT(rp))(c, r));
  if (c.severity === 'light') facts.push(pick(r, LIGHT_FACT)(c, r));
  else if (crime) facts.push(pick(r, MONEY_FACT[crime.money])(c, r));
  else facts.push(pick(r, SANCTION_FACT)(c, r));
  const result = [pick(r, SURFACED_TEXT[c.surfaced])(c, r), dispositionText(c, r)];
  const lessons = sample(r, LESSON_PARAGRAPHS, 2).map((b) => b(c, r));
  const rectify = sample(r, RECTIFY, 4).map((b) => b(c, r));
  const sections = { facts, result, lessons, rectify: [] as string[] };

  const render = () =>
    [
      `## 基本案情\n\n${background.join('\n\n')}`,
      `## 违纪违法事实\n\n${sections.facts.join('\n\n')}`,
      `## 处理结果\n\n${sections.result.join('\n\n')}`,
      `## 警示启示\n\n${sections.lessons.join('\n\n')}`,
      `## 整改措施\n\n${['一', '二', '三', '四'].map((n, i) => `${n}是${rectify[i] ?? ''}。`).join('')}${sections.rectify.length ? `\n\n${sections.rectify.join('\n\n')}` : ''}`,
    ].join('\n\n');

  // Bodies vary in length like real ones, within the 1,500–2,500 characters the brief asks for.
  const target = int(r, 1600, 2400);
  const extras = shuffle(r, EXTRA);
  let body = render();
  for (const extra of extras) {
    if (hanCount(body) >= target) break;
    sections[extra.section].push(extra.block(c, r));
    const longer = render();
    if (hanCount(longer) > 2450) sections[extra.section].pop();
    else body = longer;
  }
  // The last resort for a short body: one more paragraph on every risk form, which stays on topic.
  for (const form of forms(c)) {
    if (hanCount(body) >= 1550) break;
    sections.lessons.push(`“${form}”是这一领域反复出现的问题。发现此类情况，经办人员应当书面提出意见、留存记录，并及时向派驻纪检监察组或本单位纪检组织反映，而不是“领导定了就照办”。`);
    body = render();
  }
  return `\n${body}\n`;
}

function decisionDate(c: CaseContext) {
  return new Date(Date.UTC(c.year, c.decisionMonth - 1, 15));
}

function disposition(c: CaseContext, ref: Reference): Record<string, unknown> {
  const docs = ref.docs;
  const fits = (refs: string[]) => [...new Set(refs)].filter((x) => docs.fits(x, c.from, c.year));
  const on = decisionDate(c);
  const out: Record<string, unknown> = {};
  if (c.severity === 'light') {
    out['measures'] = c.measures;
    return out;
  }
  if (c.partySanction) {
    const version = docs.versionOn('party-discipline-regulations', on);
    const wanted = c.severity === 'criminal' ? ['27', '29', '8'] : ['8'];
    const article = version ? wanted.find((n) => docs.has(`${version}#${n}`)) : undefined;
    const basis = version ? [article ? `${version}#${article}` : version] : [];
    if (c.violations.includes('eight-rules')) basis.push('eight-rules');
    out['party'] = { sanction: c.partySanction, basis: fits(basis) };
  }
  if (c.govSanction) {
    const basis: string[] = [];
    if (docs.inForceOn('public-official-sanctions-law', on)) basis.push('public-official-sanctions-law#7');
    else {
      const version = docs.versionOn('supervision-law', on);
      if (version) basis.push(docs.has(`${version}#45`) ? `${version}#45` : version);
    }
    out['government'] = { sanction: c.govSanction, basis: fits(basis) };
  }
  const crime = chargeOf(c);
  if (crime && c.term) {
    const basis = crime.articles.map((n) => `criminal-law#${n}`);
    if (crime.money !== 'loss' && c.amount !== undefined && (c.crime === 'bribery' || c.crime === 'embezzlement')) {
      basis.push(`bribery-interpretation-2016#${c.amount >= 300 ? 3 : c.amount >= 20 ? 2 : 1}`);
      if (c.fine) basis.push('bribery-interpretation-2016#19');
    }
    const valid = fits(basis);
    out['criminal'] = {
      charges: [crime.charge],
      term: c.term,
      ...(c.fine ? { fine: c.fine } : {}),
      ...(c.use ? { use: c.use } : {}),
      basis: valid.length > 0 ? valid : ['criminal-law'],
      year: c.year,
    };
  }
  return out;
}

/** A sentence and fine inside the figures of legal-thresholds.yaml for the amount, so the generated corpus passes the content check. */
function sentencing(charge: string, money: 'bribe' | 'take' | 'loss', amount: number | undefined, ref: Reference, r: Rng): { term: string; fine?: string; amount?: number; use?: string } {
  const row = ref.thresholds.get(charge);
  const first = row?.tiers[0];
  if (!row || !first || amount === undefined) {
    const years = int(r, 1, 3);
    return { term: `有期徒刑${cn(years)}年${years < 3 && chance(r, 0.5) ? `，缓刑${cn(years + 1)}年` : ''}`, ...(money !== 'loss' ? { fine: `并处罚金人民币${int(r, 10, 20)}万元` } : {}) };
  }
  const counted = Math.max(amount, first.from);
  const tier = tierFor(row, counted) ?? first;
  const low = Math.max(6, tier.months.min);
  const months = int(r, low, Math.min(tier.months.max ?? low + 48, low + 72));
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const term = `有期徒刑${years ? `${cn(years)}年` : ''}${rest ? `${cn(rest)}个月` : ''}${months <= 36 && chance(r, 0.4) ? `，缓刑${cn(years + 1)}年` : ''}`;
  const floor = tier.fine ? Math.ceil(tier.fine.min) : 0;
  const cap = tier.fine ? Math.floor(tier.fine.max ?? (tier.fine.maxTimesAmount ?? 2) * counted) : 0;
  return {
    term,
    ...(tier.fine ? { fine: `并处罚金人民币${int(r, floor, Math.max(floor, cap))}万元` } : {}),
    amount: counted,
    ...(row.uses.length > 0 ? { use: BENCH_USE } : {}),
  };
}

/** The kind of unit a generated post sits in, read from the unit's name. */
function unitKindOf(unit: string): keyof typeof UNIT_KINDS {
  if (/集团|公司/.test(unit)) return 'soe';
  if (/村/.test(unit)) return 'village';
  if (/医院|学校|中学|小学|中心|研究院|站|所$/.test(unit)) return 'institution';
  return 'agency';
}

function caseContext(i: number, ref: Reference, r: Rng): CaseContext {
  const sector = ref.sectors[Math.floor(r() * ref.sectors.length)] as Sector;
  const words = SECTOR_WORDS[sector.id] ?? GENERIC_WORDS;
  const sectorRisks = ref.risksBySector.get(sector.id) ?? [];
  const risks = sample(r, sectorRisks, chance(r, 0.4) ? 2 : 1);
  const tier = pick(r, ['leader', 'leader', 'key-post', 'key-post', 'key-post', 'staff'] as const);
  const level = pick(r, words.levels);
  const unit = `${level}${pick(r, words.units)}`;
  const postTitle = pick(r, tier === 'leader' ? words.leader : tier === 'key-post' ? words.keyPost : words.staff);
  const year = int(r, FIRST_YEAR, LAST_YEAR);
  const to = Math.max(FIRST_YEAR, year - int(r, 0, 2));
  const from = Math.max(FIRST_YEAR, to - int(r, 0, 4));
  const severity: Severity = r() < 0.45 ? 'criminal' : r() < 0.65 ? 'sanction' : 'light';
  const crimes = words.crimes.filter((v) => ref.violations.has(v) && CRIMES[v]);
  const crime = severity === 'criminal' && crimes.length > 0 ? pick(r, crimes) : undefined;
  const partyTypes = ['integrity-discipline', 'work-discipline', 'eight-rules', ...(sector.id === 'village-finance' || sector.id === 'agri-subsidies' ? ['mass-discipline'] : [])];
  const violations = [
    ...(crime ? [crime] : []),
    ...sample(
      r,
      partyTypes.filter((v) => ref.violations.has(v)),
      severity === 'light' ? 1 : int(r, 1, 2),
    ),
    ...(severity === 'sanction' && chance(r, 0.3) && ref.violations.has('duty-violation') ? ['duty-violation'] : []),
  ];
  const crimeInfo = crime ? CRIMES[crime] : undefined;
  let amount = severity === 'light' ? (chance(r, 0.7) ? money(r, 0.2, 2.5) : undefined) : crimeInfo ? money(r, crimeInfo.money === 'loss' ? 30 : 6, chance(r, 0.15) ? 680 : 260) : money(r, 1, 18);
  const sentence = crimeInfo ? sentencing(crimeInfo.charge, crimeInfo.money, amount, ref, r) : undefined;
  if (sentence?.amount !== undefined) amount = sentence.amount;
  const term = sentence?.term;
  const fine = sentence?.fine;
  const partySanction: CaseContext['partySanction'] =
    severity === 'criminal'
      ? '开除党籍'
      : severity === 'sanction'
        ? pick(
            r,
            PARTY_SANCTIONS.filter((s) => s !== '开除党籍'),
          )
        : undefined;
  const govSanction: CaseContext['govSanction'] =
    severity === 'criminal'
      ? '开除'
      : severity === 'sanction' && chance(r, 0.7)
        ? pick(
            r,
            GOVERNMENT_SANCTIONS.filter((s) => s !== '开除'),
          )
        : undefined;
  const surname = pick(r, SURNAMES);
  const others = SURNAMES.filter((s) => s !== surname);
  return {
    id: `bench-${pad(i, 6)}`,
    name: `${surname}${chance(r, 0.5) ? '某' : '某某'}`,
    briber: `${pick(r, others)}某`,
    colleague: `${pick(r, others)}某`,
    gender: chance(r, 0.8) ? '男' : '女',
    born: int(r, 1960, 1988),
    start: Math.max(2005, from - int(r, 0, 6)),
    place: level,
    authority: (COUNTY as readonly string[]).includes(level) || level === '某省' ? level : '某县',
    unit,
    postTitle,
    post: `${unit}${postTitle}`,
    tier,
    sector,
    words,
    risks,
    stage: risks[0]?.stage ?? 'execution',
    project: pick(r, words.projects),
    firm: pick(r, words.firms),
    year,
    from,
    to,
    severity,
    ...(crime ? { crime } : {}),
    violations,
    ...(amount !== undefined ? { amount } : {}),
    times: int(r, 3, 40),
    surfaced: pick(r, Object.keys(SURFACED_BY) as Surfaced[]),
    ...(partySanction ? { partySanction } : {}),
    ...(govSanction ? { govSanction } : {}),
    measures: severity === 'light' ? sample(r, LIGHT_MEASURES, int(r, 1, 2)) : [],
    ...(term ? { term } : {}),
    ...(fine ? { fine } : {}),
    ...(sentence?.use ? { use: sentence.use } : {}),
    unitKind: unitKindOf(unit),
    decisionMonth: int(r, 4, 10),
  };
}

function violationWord(c: CaseContext, ref: Reference): string {
  const crime = chargeOf(c);
  if (crime) return crime.word;
  if (c.severity === 'light') return '违规收受礼品';
  const first = c.violations[0];
  return (first && ref.violations.get(first)?.name) ?? '违纪';
}

function caseFrontmatter(c: CaseContext, ref: Reference, r: Rng): Record<string, unknown> {
  const riskName = c.risks[0]?.name ?? '';
  const word = violationWord(c, ref);
  let title = `${c.post}${pick(r, [`在${c.project}中`, `借${c.project}之机`, `在${c.project}实施过程中`])}${riskName}${word}案`;
  if (title.length > 60) title = `${c.post}${riskName}${word}案`;
  if (title.length > 60) title = `${unitShort(c)}${c.postTitle}${word}案`.slice(0, 60);
  const form = pick(r, forms(c));
  const moneyClause = c.amount === undefined ? '' : c.severity === 'light' ? `，收受礼品价值${c.amount}万元` : chargeOf(c)?.money === 'loss' ? `，造成损失${c.amount}万元` : `，涉案${c.amount}万元`;
  let summary = `${c.name}在${c.project}中${form}${moneyClause}，${SURFACED_BY[c.surfaced]}后${c.severity === 'criminal' ? '被追究刑事责任' : c.severity === 'sanction' ? '受到党纪政务处分' : `被${c.measures.join('、')}`}。`;
  if (summary.length > 150) summary = `${summary.slice(0, 148)}。`;
  const publishedYear = Math.min(2026, int(r, c.year + 1, c.year + 3));
  const modelRules = c.words.rules.flatMap((id) => ref.docs.articlesOf(id).map((n) => `${id}#${n}`));
  // Model texts are never the unit's own rule: they are offered for comparison, and only to the kind of unit they are written for.
  const fitting = modelRules.filter((x) => ref.docs.appliesTo(x.split('#')[0] ?? '').includes(c.unitKind));
  const comparableModels = fitting.length > 0 && chance(r, 0.4) ? sample(r, fitting, int(r, 1, 2)) : [];
  const decided = c.severity === 'criminal' && c.term ? new Date(Date.UTC(c.year, Math.min(12, c.decisionMonth + 2) - 1, 15)) : decisionDate(c);
  const filed = c.severity === 'light' ? undefined : new Date(Date.UTC(c.year, c.decisionMonth - 4, 10));
  const crime = chargeOf(c);
  const stageName = ref.stages.get(c.stage) ?? c.stage;
  return {
    title,
    summary,
    published: ymd(publishedYear, int(r, 1, 12), int(r, 1, 28)),
    year: c.year,
    conduct: { from: c.from, to: c.to },
    region: pick(r, REGIONS),
    sector: c.sector.id,
    riskPoints: c.risks.map((rp) => rp.id),
    powerStage: c.stage,
    tier: c.tier,
    post: c.post,
    unitKind: c.unitKind,
    partyMember: true,
    partyPost: c.tier === 'leader' || c.partySanction === '撤销党内职务',
    ...(filed ? { filed: ymd(filed.getUTCFullYear(), filed.getUTCMonth() + 1, filed.getUTCDate()) } : {}),
    decided: ymd(decided.getUTCFullYear(), decided.getUTCMonth() + 1, decided.getUTCDate()),
    violations: c.violations,
    surfacedBy: c.surfaced,
    ...(c.amount !== undefined ? { amount: c.amount } : {}),
    disposition: disposition(c, ref),
    comparableModels,
    lessons: {
      leader: pick(r, [
        `主要负责人不应为${c.project}中的具体事项拍板，而应把关键环节交给集体研究和合规审查，自己末位表态。对同学、老乡、“朋友”的请托，要有拒绝的勇气。`,
        `领导干部手中的签批权，正是“围猎者”盯住的目标。在${c.sector.name}领域，每一次“打招呼”都可能成为利益输送的开端，要把“不插手、不打听、不过问”当作底线。`,
        `一把手要带头执行“三重一大”集体决策制度，不搞会签代替会议，不让“特事特办”成为常态，给班子成员和经办人员发表不同意见的空间。`,
      ]),
      'key-post': pick(r, [
        `经办${c.project}的关键岗位人员，发现${riskName}的苗头时，应当书面提出意见并留存记录，必要时向派驻纪检监察组反映，而不是“领导坚持就照办”。`,
        `在${stageName}环节，关键岗位人员是第一道防线。坚持“按程序办、留痕迹办”，既是对工作负责，也是对自己的保护。`,
        `资金和材料一经自己的手，就要经得起审计和倒查。不代签、不代领、不让公款进个人账户，是关键岗位人员最基本的自我约束。`,
      ]),
      staff: pick(r, [
        `${c.project}就在群众身边，普通职工往往最先看到异常。发现“总是同一家”“总是同一个人说了算”，可以通过信访、巡察等渠道反映，这是对公共资金负责。`,
        `普通职工也可能被卷入违规操作。领导要求补签、代签、“先办后补”时，要问清依据，必要时书面请示，不做违规操作的“工具人”。`,
        `收到管理服务对象的小额礼品、红包时，当场谢绝或及时上交登记，是保护自己最简单的办法。`,
      ]),
    },
    fourPerspectives: {
      morality: pick(r, [
        `${c.name}把组织的信任和群众的期待抛在脑后，把公权力当成了经营人情的资本。私人感情一旦与公权力搅在一起，为民办事的初心就走了样。`,
        `从第一次“不好意思拒绝”开始，${c.name}的底线一步步后退。修身律己，要从拒绝第一次开始。`,
      ]),
      discipline: `${c.name}的行为${c.violations.map((v) => ref.violations.get(v)?.name ?? v).join('、')}。${c.partySanction ? `依照当时有效的党纪规定，给予${c.partySanction}处分。` : c.measures.length > 0 ? `虽情节较轻，仍应运用监督执纪“第一种形态”，对其进行${c.measures.join('、')}。` : ''}`,
      law: crime
        ? `${c.name}的行为构成${crime.charge}。依照《中华人民共和国刑法》${crime.articles.map(articleLabel).join('、')}的规定定罪处罚（以官方文本为准）。`
        : `${c.name}的行为虽未构成犯罪，但已违反党纪和相关法规。党员有违纪行为，不因数额较小、未追究刑事责任而不予处分（以官方文本为准）。`,
      responsibility: pick(r, [
        `${unitShort(c)}党组织没有落实集体决策，内部监督对长期存在的异常没有追问，主体责任和监督责任双双缺位。`,
        `案发后，相关分管领导和派驻纪检监察组负责人被约谈或问责，压紧压实了“两个责任”。`,
      ]),
    },
    questions: sample(
      r,
      [
        `${c.name}第一次收受财物时，有哪些机会可以拒绝？如果你处在同样的位置，会怎么做？`,
        `“${form}”在你所在单位是否也出现过？应当由谁、在哪个环节发现？`,
        `如果要为本单位设计一条针对“${riskName}”的预警规则，应当统计哪些数据、设定什么阈值、由谁来看？`,
        `本案是通过“${SURFACED_BY[c.surfaced]}”发现的。还有哪些途径本可以更早发现问题？`,
        `同事提出异议被驳回后，一名经办人员还可以做些什么，怎样做才算尽到了责任？`,
      ],
      int(r, 2, 4),
    ),
    tags: [riskName, c.sector.name, word].filter(Boolean),
    kind: 'teaching',
    source: '基准测试生成的合成案例，人物、单位和情节均为虚构。',
  };
}

// ---------------------------------------------------------------------------------------------
// Modules and culture items, in proportion to the cases.

function courseEntry(i: number, ref: Reference, r: Rng, casesBySector: Map<string, { id: string; title: string; surfaced: Surfaced }[]>): { id: string; text: string } {
  const sector = ref.sectors[i % ref.sectors.length] as Sector;
  const risks = ref.risksBySector.get(sector.id) ?? [];
  const tiers = ref.audiences.filter((a) => a.tier);
  const audience = pick(r, tiers.length > 0 ? tiers : ref.audiences);
  const audiences = [audience.id, ...(chance(r, 0.3) && ref.audiences.some((a) => a.id === 'trainer') ? ['trainer'] : [])];
  const cases = sample(r, casesBySector.get(sector.id) ?? [], 4);
  const schedule = [
    { segment: '导入', minutes: int(r, 2, 3) * 5, activity: `展示一个化名的${sector.name}领域案例片段，请学员说说问题可能出在哪个环节。` },
    { segment: '讲授', minutes: int(r, 4, 6) * 5, activity: `讲解${risks.map((rp) => rp.name).join('、')}等风险点的表现形式、发现途径和防控要求。` },
    { segment: '案例研讨', minutes: int(r, 4, 6) * 5, activity: '分组研讨两个案例，回答“问题靠什么被发现”“哪一个环节本该先发现”。' },
    { segment: '测验与小结', minutes: int(r, 2, 3) * 5, activity: '完成随堂测验，培训师归纳本岗位的防控要点。' },
  ];
  const durationMinutes = schedule.reduce((sum, s) => sum + s.minutes, 0);
  const stageNames = [...ref.stages.values()];
  const rp = pick(r, risks);
  const good = ['按规定公开办理并全程留痕', '重大事项集体研究、主要负责人末位表态', '经办人亲属事项主动报告并回避', '关键岗位定期轮岗并开展离岗审计'];
  const quiz: Record<string, unknown>[] = [];
  {
    const options = shuffle(r, [rp.forms[0] ?? rp.name, ...sample(r, good, 3)]);
    quiz.push({
      question: `下列哪一项属于“${rp.name}”的常见表现？`,
      type: 'single',
      options,
      answer: [options.indexOf(rp.forms[0] ?? rp.name)],
      explanation: `${rp.description}其余三项是防控这一风险的规范做法。`,
    });
  }
  {
    const bad = `为提高效率，由一人同时负责${sector.name}事项的审核和拨付`;
    const options = shuffle(r, [...sample(r, good, 3), bad]);
    quiz.push({
      question: `下列哪些做法有助于防范“${rp.name}”？`,
      type: 'multiple',
      options,
      answer: options.map((o, k) => (o === bad ? -1 : k)).filter((k) => k >= 0),
      explanation: '不相容岗位必须分离，一人包办审核和拨付正是多起案件的共同漏洞。',
    });
  }
  {
    const stage = ref.stages.get(rp.stage) ?? rp.stage;
    const options = stageNames.length >= 2 ? stageNames : [stage, '其他'];
    quiz.push({
      question: `“${rp.name}”主要发生在权力运行的哪个环节？`,
      type: 'single',
      options,
      answer: [Math.max(0, options.indexOf(stage))],
      explanation: `风险地图把“${rp.name}”归入${stage}环节：${rp.description}`,
    });
  }
  {
    const names = shuffle(r, [
      sector.name,
      ...sample(
        r,
        ref.sectors.filter((s) => s.id !== sector.id).map((s) => s.name),
        3,
      ),
    ]);
    quiz.push({
      question: `“${rp.name}”属于哪个重点领域的廉政风险点？`,
      type: 'single',
      options: names,
      answer: [names.indexOf(sector.name)],
      explanation: `它属于${sector.name}领域：${sector.description}`,
    });
  }
  {
    const c = cases[0];
    const surfaced = c ? SURFACED_BY[c.surfaced] : SURFACED_BY.audit;
    const options = shuffle(r, [
      surfaced,
      ...sample(
        r,
        Object.values(SURFACED_BY).filter((s) => s !== surfaced),
        3,
      ),
    ]);
    quiz.push({
      question: c ? `案例“${c.title}”中的问题最初是通过什么途径发现的？` : '审计发现属于哪一种发现途径？',
      type: 'single',
      options,
      answer: [options.indexOf(surfaced)],
      explanation: `本案的发现途径是${surfaced}。不同途径各有所长，日常监督和数据比对往往能更早发现问题。`,
    });
  }
  const data = {
    title: `${audience.name}：${sector.name}领域廉政风险防控（第${i + 1}讲）`,
    summary: `面向${audience.name}，结合${cases.length}个${sector.name}领域的警示案例，讲解${risks.map((x) => x.name).join('、')}等风险点的表现、发现途径和防控措施。`.slice(0, 158),
    unit: unitAt(ref.units.all, i),
    tags: [sector.name, '基准测试'],
    published: ymd(2026, int(r, 1, 9), int(r, 1, 28)),
    audiences,
    outcomes: [
      `学员能够说出${sector.name}领域主要廉政风险点的常见表现。`,
      `学员能够结合本岗位，说明发现异常时应当向谁、以什么方式反映。`,
      ...(chance(r, 0.5) ? ['学员能够运用以案四说的方法组织一次案例复盘讨论。'] : []),
    ],
    durationMinutes,
    creditHours: Math.max(0.5, Math.round((durationMinutes / 45) * 2) / 2),
    riskPoints: risks.map((x) => x.id),
    cases: cases.map((c) => c.id),
    articles: ['criminal-law#385', 'criminal-law#382', 'liaison-system'].filter((x) => ref.docs.has(x)),
    schedule,
    exercises: [
      {
        title: '案例复盘：找出第一道防线',
        description: '各组从本课案例中任选一个，按时间顺序列出问题发生的每一个环节，标出本可以发现问题的第一个环节和负责人。',
        classSize: '每组4至6人',
        timing: 'in-class',
        minutes: 20,
        largeGroupVariant: '超过40人时，培训师投影时间线，学员举手指出第一道防线。',
      },
    ],
    readings: [
      ref.docs.has('criminal-law#385')
        ? { title: '《中华人民共和国刑法》第三百八十五条', note: '受贿罪的构成，以官方文本为准。', ref: 'criminal-law#385' }
        : { title: '本单位廉政风险防控手册', note: '对照本岗位风险点阅读。' },
      { title: `${sector.name}领域廉政风险点清单`, note: '见风险地图对应领域。' },
    ],
    questions: ['你所在岗位有哪些“微权力”？最可能在哪个环节被滥用？', '如果领导要求“先办后补”，你会怎么做？', '本课案例中的问题，本可以通过哪些数据比对更早发现？'],
    quiz,
  };
  const body = [
    `## 关键问题一：${sector.name}领域的风险在哪里`,
    `${sector.description}在这一领域，${risks.map((x) => `“${x.name}”（${x.description.replace(/。$/, '')}）`).join('；')}是案例中反复出现的风险点。`,
    '## 关键问题二：问题是怎样被发现的',
    `本课选用的${cases.length}个案例中，问题分别通过${[...new Set(cases.map((c) => SURFACED_BY[c.surfaced]))].join('、') || '审计、巡察'}等途径被发现。讨论时请学员对照时间线，找出本可以更早发现问题的环节。`,
    '## 关键问题三：防控要点',
    `${risks
      .flatMap((x) => x.forms)
      .map((f) => `防范“${f}”`)
      .join('，')}，关键在于分权、公开和留痕：不相容岗位分离，办理结果公开，每一个环节有据可查。`,
  ].join('\n\n');
  return { id: `bench-module-${pad(i + 1, 4)}`, text: `---\n${stringify(data, { lineWidth: 0 })}---\n\n${body}\n` };
}

function cultureEntry(i: number, ref: Reference, r: Rng): { id: string; text: string } {
  const sector = pick(r, ref.sectors);
  const words = SECTOR_WORDS[sector.id] ?? GENERIC_WORDS;
  const surname = pick(r, SURNAMES);
  const who = `${pick(r, ['小', '老'])}${surname}`;
  const role = pick(r, [...words.keyPost, ...words.staff]);
  const [gift, giftShort] = pick(r, [
    ['一张购物卡', '购物卡'],
    ['一个红包', '红包'],
    ['两瓶好酒', '两瓶酒'],
    ['一盒茶叶', '茶叶'],
    ['一个信封', '信封'],
  ] as const);
  const amount = int(r, 2, 20) * 100;
  const data = {
    title: `${role}${who}退回的${giftShort}`.slice(0, 60),
    summary: `${pick(r, words.levels)}${pick(r, words.units)}的${role}${who}在${pick(r, words.projects)}中收到管理服务对象送来的${gift}，当场退回，并把相关情况如实报告。`.slice(0, 158),
    unit: unitAt(ref.units.all, i),
    category: 'story',
    published: ymd(2026, int(r, 1, 9), int(r, 1, 28)),
    audiences: chance(r, 0.5) ? ['public', 'staff'] : ['public'],
    tags: ['身边故事', sector.name, '基准测试'],
    anonymised: true,
  };
  const body = [
    '本文人物均为化名，所述单位不指向具体地方。',
    `## ${gift}`,
    `${who}在单位做${role}已经第${int(r, 2, 12)}年了。那天快下班时，一位办事的企业负责人把${gift}放在桌上，说是“一点心意”，价值约${amount}元。${who}没有犹豫，当着同事的面把东西退了回去：“该办的事我按规定办，不该收的东西我一样不收。”`,
    '## 为什么不能收',
    `${who}后来说，这份“心意”并不简单。那家企业的材料里有几处${pick(r, ['数据对不上', '签字不全', '日期前后矛盾'])}，正等着核实。“收了它，下一步就不好开口了。”当天下午，${who}写了一页情况说明，连同材料中的疑点一起交给了单位纪检组织。`,
    '## 后来',
    `经过核查，企业补正了材料，疑点也说清楚了。单位把这件事作为身边的例子，在${int(r, 2, 9)}月的警示教育会上讲给大家听。${who}说：“守住这一次，往后每一次都好守。”`,
  ].join('\n\n');
  return { id: `bench-story-${pad(i + 1, 4)}`, text: `---\n${stringify(data, { lineWidth: 0 })}---\n\n${body}\n` };
}

// ---------------------------------------------------------------------------------------------

function prepare(dir: string): string {
  const target = resolve(dir);
  const rel = relative(SAMPLE, target);
  if (rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel))) {
    throw new Error(`拒绝写入示例内容目录：${target}。基准测试语料只能写到临时目录。`);
  }
  if (existsSync(target) && readdirSync(target).length > 0) {
    if (!existsSync(join(target, MARKER))) throw new Error(`目录 ${target} 非空且不是基准测试语料目录，未作任何改动。`);
    for (const item of readdirSync(target)) if (item !== 'dist') rmSync(join(target, item), { recursive: true, force: true });
  }
  mkdirSync(target, { recursive: true });
  writeFileSync(join(target, MARKER), 'Generated by src/bench/generate.ts; safe to delete.\n');
  return target;
}

export function generateCorpus({ cases, dir, seed = 20251 }: GenerateOptions): GeneratedCorpus {
  if (!Number.isInteger(cases) || cases < 1) throw new RangeError(`案例数应为正整数：${cases}`);
  const root = prepare(dir);
  const ref = readReference();
  for (const item of readdirSync(SAMPLE, { withFileTypes: true })) {
    if (item.isDirectory() && !(GENERATED as readonly string[]).includes(item.name)) cpSync(join(SAMPLE, item.name), join(root, item.name), { recursive: true });
  }
  for (const folder of GENERATED) mkdirSync(join(root, folder), { recursive: true });

  const r = mulberry32(seed);
  const caseIds: string[] = [];
  const casesBySector = new Map<string, { id: string; title: string; surfaced: Surfaced }[]>();
  for (let i = 1; i <= cases; i++) {
    const c = caseContext(i, ref, r);
    const data: Record<string, unknown> = { ...caseFrontmatter(c, ref, r), unit: unitAt(ref.units.cases, i) };
    const body = caseBody(c, r);
    writeFileSync(join(root, 'cases', `${c.id}.md`), `---\n${stringify(data, { lineWidth: 0 })}---\n${body}`);
    caseIds.push(c.id);
    const list = casesBySector.get(c.sector.id) ?? [];
    if (list.length < 200) list.push({ id: c.id, title: String(data['title']), surfaced: c.surfaced });
    casesBySector.set(c.sector.id, list);
  }
  const courseCount = Math.max(3, Math.round(cases / 200));
  for (let i = 0; i < courseCount; i++) {
    const m = courseEntry(i, ref, r, casesBySector);
    writeFileSync(join(root, 'courses', `${m.id}.md`), m.text);
  }
  const cultureCount = Math.max(3, Math.round(cases / 100));
  for (let i = 0; i < cultureCount; i++) {
    const u = cultureEntry(i, ref, r);
    writeFileSync(join(root, 'culture', `${u.id}.md`), u.text);
  }
  return { dir: root, cases, courses: courseCount, culture: cultureCount, caseIds };
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  const [n, dir, seed] = process.argv.slice(2);
  if (!n || !dir || !/^\d+$/.test(n)) {
    console.error('用法：node src/bench/generate.ts <案例数> <目录> [种子]');
    process.exit(1);
  }
  const started = performance.now();
  let out: GeneratedCorpus;
  try {
    out = generateCorpus({ cases: Number(n), dir, ...(seed ? { seed: Number(seed) } : {}) });
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
  console.log(`已生成基准测试语料（${out.dir}）：案例 ${out.cases} 篇，培训模块 ${out.courses} 个，廉洁文化 ${out.culture} 篇，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒。`);
}
