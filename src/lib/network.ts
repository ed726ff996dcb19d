/** The four kinds of prevention actors, innermost first, as the source article orders them. */
export const ACTOR_CATEGORIES = [
  { id: 'core', name: '核心主导', role: '统筹规划、政策制定、监督指导，是网络的“大脑中枢”' },
  { id: 'implementing', name: '关键实施', role: '设立预防机构、配备专职人员，承担本单位预防主责' },
  { id: 'partner', name: '协同参与', role: '提供合规咨询、专业审计和社会监督' },
  { id: 'grassroots', name: '基层基础', role: '收集微权力运行中的风险线索，是网络的“神经末梢”' },
] as const;
