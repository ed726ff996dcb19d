/**
 * Chinese labels and hints for the web editor's fields and choices. The fields themselves come
 * from the schemas (lib/cms-config.ts); a schema field without a label here is reported by the
 * unit test, so the editor never shows an English key to an editor.
 *
 * Lookup order for a field `cases.disposition.party.sanction`: the full path, the path without its
 * collection (`disposition.party.sanction`), then the last name (`sanction`).
 */
import { LEGAL_CHECKS, SURFACED_BY, UNIT_KINDS } from '../schemas/case.ts';
import { CULTURE_CATEGORIES } from '../schemas/culture.ts';
import { DOCUMENT_LAYERS, DOCUMENT_STATUSES } from '../schemas/document.ts';
import { INTERVENTION_LEVELS } from '../schemas/spine.ts';

const LABELS: Record<string, string> = {
  title: '标题',
  summary: '一句话摘要',
  visibility: '可见范围',
  draft: '草稿（不发布）',
  allowPersonalData: '允许公开的个人信息',
  tags: '关键词',
  published: '发布日期',
  year: '年份',
  'cases.year': '办结年份',
  conduct: '违纪违法行为起止年份',
  'conduct.from': '开始年份',
  'conduct.to': '结束年份',
  region: '地区',
  sector: '重点领域',
  sectors: '重点领域',
  riskPoints: '廉政风险点',
  powerStage: '权力运行环节',
  tier: '涉案人员层级',
  post: '职务',
  'selfChecks.post': '自查岗位',
  unitKind: '单位类型',
  partyMember: '中共党员',
  partyPost: '担任党内职务',
  filed: '立案日期',
  decided: '处理决定日期',
  violations: '违纪违法类型',
  surfacedBy: '发现途径',
  amount: '涉案金额（万元）',
  circumstance: '法定情节',
  'circumstance.label': '情节',
  'circumstance.fact': '事实',
  disposition: '处理结果',
  'disposition.measures': '谈话提醒等处理措施',
  'disposition.party': '党纪处分',
  'disposition.government': '政务处分',
  'disposition.criminal': '刑事判决',
  sanction: '处分',
  basis: '依据条款',
  note: '说明',
  'disposition.criminal.charges': '罪名',
  'disposition.criminal.term': '刑期',
  'disposition.criminal.fine': '罚金',
  'disposition.criminal.year': '判决年份',
  'disposition.criminal.amounts': '各罪名认定数额（万元）',
  'disposition.criminal.use': '挪用用途',
  'disposition.criminal.rolledOver': '以后挪用归还以前挪用',
  'disposition.criminal.rolledOver.moved': '累计挪出（万元）',
  'disposition.criminal.rolledOver.repaidByLater': '以后挪还的部分（万元）',
  rulesBreached: '违反的本单位制度条款',
  comparableModels: '可对照的示范条款',
  exceptions: '法律一致性检查的例外',
  'exceptions.check': '例外的检查项',
  'exceptions.reason': '理由',
  lessons: '分层警示',
  'lessons.leader': '对领导干部',
  'lessons.key-post': '对关键岗位',
  'lessons.staff': '对普通职工',
  fourPerspectives: '以案四说',
  'fourPerspectives.morality': '说德',
  'fourPerspectives.discipline': '说纪',
  'fourPerspectives.law': '说法',
  'fourPerspectives.responsibility': '说责',
  questions: '讨论题',
  kind: '案例类型',
  citation: '公开通报出处',
  source: '来源说明',
  detail: '详细出处',
  url: '网址',
  audiences: '对象',
  outcomes: '学习目标',
  durationMinutes: '时长（分钟）',
  creditHours: '学时',
  prerequisites: '先修模块',
  cases: '研讨案例',
  'courses.articles': '涉及的条款',
  schedule: '课堂环节',
  'schedule.segment': '环节',
  'schedule.minutes': '分钟',
  'schedule.activity': '活动',
  exercises: '练习',
  'exercises.title': '练习名称',
  'exercises.description': '说明',
  'exercises.classSize': '适合的班级规模',
  'exercises.timing': '安排',
  'exercises.minutes': '分钟',
  'exercises.largeGroupVariant': '大班做法',
  readings: '核心阅读',
  'readings.title': '篇目',
  'readings.note': '导读',
  'readings.ref': '条款',
  quiz: '课后测验',
  'quiz.question': '题目',
  'quiz.type': '题型',
  'quiz.options': '选项',
  'quiz.answer': '答案（选项序号，从 0 起）',
  'quiz.explanation': '解析',
  category: '类别',
  saying: '格言',
  'saying.text': '原句',
  'saying.origin': '出处',
  sources: '出处',
  'sources.title': '书名或篇名',
  images: '图片',
  'images.src': '图片文件',
  'images.alt': '图片内容描述',
  'images.caption': '图注',
  anonymised: '人物为化名',
  shortTitle: '简称',
  layer: '层级',
  issuer: '制定机关',
  docNumber: '文号',
  effective: '施行日期',
  status: '效力状态',
  supersedes: '取代的旧版本',
  family: '同一制度的 family id',
  versionLabel: '版本说明',
  lastReviewed: '最近一次制度评估',
  reviewIntervalMonths: '评估周期（月）',
  model: '示范文本',
  appliesTo: '适用的单位类型',
  governs: '按哪个日期选版本',
  paraphrased: '条文为摘要释义',
  chapters: '章',
  'chapters.id': '章 id',
  'chapters.title': '章名',
  'documents.articles': '条文',
  'articles.n': '条号',
  'articles.chapter': '所属章 id',
  'articles.title': '条旨',
  'articles.text': '条文',
  'articles.riskPoints': '涉及的风险点',
  articlesComplete: '已收录全部条文',
  repealedArticles: '本版本删除的条号',
  responsibilities: '责任清单',
  'responsibilities.duty': '职责',
  'responsibilities.lead': '牵头',
  'responsibilities.execute': '执行',
  'responsibilities.consult': '配合',
  article: '所在条号',
  timeline: '时限流程',
  'timeline.step': '步骤',
  'timeline.actor': '责任主体',
  'timeline.within': '时限',
  'timeline.unit': '时限单位',
  'timeline.relation': '时限关系',
  'timeline.from': '起算事件',
  steps: '分级处置',
  'steps.situation': '情形',
  'steps.measure': '措施',
  'steps.actor': '责任主体',
  'steps.followUp': '后续',
  definition: '指标定义',
  dataSource: '数据来源',
  threshold: '预警阈值（示例）',
  receiver: '预警接收人',
  responses: '分级响应',
  'responses.level': '级别',
  'responses.when': '何时',
  'responses.action': '怎么做',
  frequency: '自查频次',
  items: '自查项',
  'items.id': '自查项 id',
  'items.text': '自查内容',
  'items.riskPoints': '对应的风险点',
  unit: '供稿单位',
  body: '正文',
};

const HINTS: Record<string, string> = {
  title: '2–60 字',
  summary: '10–160 字，用于列表、搜索结果和分享预览',
  allowPersonalData: '确需公开的号码（如公开的举报电话），逐项列出；其余身份证号、手机号、银行卡号、邮箱会被拒绝',
  region: '最多写到省级，或匿名：华东某省',
  post: '匿名化的职务，如“某县交通运输局局长”',
  decided: '最后一项处理决定的日期，有判决的写判决日期；须在办结年份这一年',
  basis: '可输入文件简称或条号搜索，如“刑法 第三百八十五条”',
  'disposition.criminal.term': '按判决书写：有期徒刑三年六个月、有期徒刑二年，缓刑三年、拘役六个月、免予刑事处罚',
  'disposition.criminal.fine': '如：并处罚金人民币20万元',
  'disposition.criminal.amounts': '多个罪名时每行一个：受贿罪: 31.5',
  'cases.body': '依次包含 基本案情、违纪违法事实、处理结果、警示启示、整改措施 五节（以 ## 开头），人物写作张某、某县',
  'quiz.answer': '从 0 起的选项序号：第一个选项为 0',
  'images.src': '图片须为本项目原创；SVG 不得含脚本',
};

/** Choice labels by field name; enums whose values are already Chinese (sanctions) show as they are. */
const ENUMS: Record<string, Record<string, string>> = {
  visibility: { public: '公开', internal: '内部' },
  tier: { leader: '领导干部', 'key-post': '关键岗位', staff: '普通职工' },
  unitKind: UNIT_KINDS,
  appliesTo: UNIT_KINDS,
  surfacedBy: SURFACED_BY,
  check: LEGAL_CHECKS,
  kind: { teaching: '教学案例（匿名化）', 'public-report': '据公开通报整理' },
  type: { single: '单选', multiple: '多选' },
  timing: { 'before-class': '课前', 'in-class': '课堂上' },
  category: CULTURE_CATEGORIES,
  layer: DOCUMENT_LAYERS,
  status: DOCUMENT_STATUSES,
  governs: { conduct: '按行为发生时（实体规定）', decision: '按作出决定时（程序规定）' },
  unit: { 'working-days': '个工作日', days: '日', months: '个月' },
  relation: { within: '……内', after: '……后' },
  level: INTERVENTION_LEVELS,
};

const CJK = /[\u4e00-\u9fff]/;

/** `cases.quiz[].options[]` → the lookup keys, most specific first. */
function keys(path: string): string[] {
  const clean = path.replace(/\[\]/g, '');
  const rest = clean.split('.').slice(1).join('.');
  const leaf = clean.split('.').pop() ?? clean;
  return [clean, rest, leaf];
}

/** The field's Chinese label; an unlabelled field shows its key (and fails the unit test). */
export function fieldLabel(path: string): string {
  for (const k of keys(path)) {
    const label = LABELS[k];
    if (label) return label;
  }
  return path.split('.').pop() ?? path;
}

export function fieldHint(path: string): string | undefined {
  for (const k of keys(path)) if (HINTS[k]) return HINTS[k];
  return undefined;
}

/** The Chinese name of one choice of an enum field; a value already in Chinese is its own name. */
export function enumLabel(path: string, value: string): string {
  if (CJK.test(value)) return value;
  const leaf = (path.replace(/\[\]/g, '').split('.').pop() ?? '');
  const name = ENUMS[leaf]?.[value];
  return name ? `${name}（${value}）` : value;
}
