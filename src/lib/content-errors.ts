/**
 * The one catalogue of content errors. Schema messages (through the zod error map in
 * `schemas/messages.ts`), cross-reference checks, body checks and the personal-data guard all
 * take their wording from here, and the tests assert against the same table, so an editor sees
 * the same sentence in `npm run check`, in `astro build` and in the test suite.
 */
export const contentErrors = {
  missing: {
    message: () => '缺少必填字段',
    hint: '在 frontmatter 中补上这个字段，字段说明见 README 的“内容字段参考”。',
  },
  wrongType: {
    message: (expected: string, received: string) => `类型不对：应为${expected}，实际是${received}`,
    hint: '检查 YAML 写法：文字加引号，数字不加引号，列表每项以“- ”开头。',
  },
  notInEnum: {
    message: (allowed: readonly string[]) => `取值不在允许范围内：应为 ${allowed.join(' / ')} 之一`,
    hint: '只能从所列取值中选一个；要新增取值，请先改 content/taxonomies/ 或 README 所列的枚举。',
  },
  badDate: {
    message: () => '日期无法解析：应写成 YYYY-MM-DD，例如 2024-03-15',
    hint: '月份 01–12，日期按当月实际天数。',
  },
  tooShort: {
    message: (min: number, unit: string) => `内容太少：至少需要 ${min} ${unit}`,
    hint: '补足内容后再发布。',
  },
  tooLong: {
    message: (max: number, unit: string) => `内容太多：最多 ${max} ${unit}`,
    hint: '精简内容，或拆成多条。',
  },
  badFormat: {
    message: (what: string) => `格式不对：${what}`,
    hint: 'id 只用小写英文字母、数字和连字符，例如 village-finance。',
  },
  unknownField: {
    message: (keys: readonly string[]) =>
      `未知字段：${keys.map((k) => (/[：]/.test(k) ? `${k}（字段名后用了中文冒号“：”，应为英文冒号加空格）` : showInvisible(k))).join('、')}`,
    hint: '可能是拼写错误；字段名见 README 的“内容字段参考”。',
  },
  missingReference: {
    message: (collection: string, id: string, closest?: string) => `引用的${collection}“${id}”不存在${closest ? `：是不是 ${closest}？` : ''}`,
    hint: '检查 id 拼写，或先新建被引用的条目。',
  },
  missingArticle: {
    message: (documentId: string, article: string) => `制度文件“${documentId}”中没有第 ${article} 条`,
    hint: '条款号写阿拉伯数字，如 criminal-law#385；“之一”写作 388-1。',
  },
  missingSection: {
    message: (section: string) => `正文缺少“## ${section}”一节`,
    hint: '警示案例正文须依次包含：基本案情、违纪违法事实、处理结果、警示启示、整改措施。',
  },
  yamlSyntax: {
    message: (detail: string) => `frontmatter 或 YAML 写法有误：${detail}`,
    hint: '检查缩进（用空格，不用 Tab）、冒号后的空格和引号是否成对。',
  },
  versionNotInForce: {
    message: (title: string, period: string, years: string) => `引用的《${title}》${period}，案件所涉的 ${years} 期间不在其有效期内`,
    hint: '引用行为发生时有效的版本；同一制度的各版本见该文件页面的“版本”一栏。',
  },
  versionAtDecision: {
    message: (title: string, decided: string, current: string) => `《${title}》是程序规定，应引用作出决定时施行的版本：本案决定于${decided}，当时施行的是《${current}》`,
    hint: '监察法等程序规定按 decided 的日期选版本；党纪条例、政务处分法等实体规定按违纪违法行为发生时的版本（从旧兼从轻）。',
  },
  proseArticle: {
    message: (law: string, article: string, decided: string, current: string) =>
      `正文引用了《${law}》${article}；本案决定于${decided}，当时施行的是《${current}》，本站没有收录该版本的这一条，条号可能已经改变`,
    hint: '核对处理决定时施行版本的条号后再引用，并把该条补进制度文件；拿不准时只写法律名称，不写条号（以官方文本为准）。',
  },
  datesOutOfOrder: {
    message: (detail: string) => `日期先后不对：${detail}`,
    hint: '处理顺序是：违纪违法行为 → 立案（filed）→ 最后一项处理决定或判决（decided，须在 year 这一年）。',
  },
  partyStatus: {
    message: (detail: string) => detail,
    hint: '党纪处分只适用于党员（partyMember: true）；撤销党内职务只适用于担任党内职务的党员（partyPost: true），没有党内职务的党员按条例改为其他处分。',
  },
  unitRule: {
    message: (detail: string) => detail,
    hint: 'rulesBreached 只写本单位行为发生时已施行、适用于本类单位的制度；示范文本写在 comparableModels，页面显示为“可对照的示范条款”。',
  },
  legalAmount: {
    message: (detail: string) => detail,
    hint: '数额、刑期、罚金的标准见 content/taxonomies/legal-thresholds.yaml 及其所引条款；确有法定例外（自首减轻处罚等），在 exceptions 中写明 check 和理由。',
  },
  unreadableSentence: {
    message: (field: string, value: string, expected: string) => `${field}“${value}”无法读出：应写成${expected}`,
    hint: '刑期和罚金按判决书的说法写，数字可用汉字或阿拉伯数字；检查据此核对量刑档次。',
  },
  personalData: {
    message: (kind: string, masked: string) => `疑似${kind}：${masked}`,
    hint: '公开内容不得包含个人信息：删除或改用化名；确需公开的号码（如公开的举报电话），请原样列入本条内容的 allowPersonalData。',
  },
  duplicateId: {
    message: (id: string) => `id“${id}”重复`,
    hint: '同一类内容中 id 不能重复；文件名即 id。',
  },
  duplicateContent: {
    message: (others: readonly string[], internalTwin: boolean) =>
      `与 ${others.join('、')} 的标题和正文完全相同：同一条内容以两个文件名保存了两次${internalTwin ? '；其中一份是内部条目（visibility: internal），另一份却会在公开版发布' : ''}`,
    hint: '保留一个文件，删去另一个（改文件名时用“重命名”，不要“另存为”）；确是两条不同的内容，请改写标题和正文。',
  },
  invalid: {
    message: (detail: string) => detail,
    hint: '按提示修改后重新检查。',
  },
  // Input problems (issue 16): files the site would otherwise skip, misread or crash on.
  notUtf8: {
    message: () => '文件不是 UTF-8 编码（可能是 GBK）',
    hint: '用编辑器“另存为 UTF-8”后再提交；WPS、记事本等默认的 GBK/ANSI 编码会让标题和正文变成乱码。',
  },
  unknownFile: {
    message: () => '不认识的文件：内容文件夹只读取小写扩展名 .md 的条目和图片（.svg、.png、.jpg、.webp 等）',
    hint: '条目改名为小写 .md（不用 .MD、.markdown 或 .mdx）；不需要发布的文件移出内容文件夹，或在文件名前加下划线 _。',
  },
  unknownFolder: {
    message: () => '不认识的文件夹：其中的文件不会被读取',
    hint: '内容只能放在 cases、courses、culture、documents、indicators、self-checks、taxonomies、network 这些文件夹中；检查文件夹名是否拼错。',
  },
  symlink: {
    message: () => '不支持符号链接（快捷方式）：检查和构建都不会跟随它',
    hint: '把文件或文件夹本身复制到内容文件夹中，不要用链接指向别处。',
  },
  unsafeSvg: {
    message: (what: string) => `SVG 图片含有不安全的内容：${what}`,
    hint: 'SVG 只能包含图形和文字：删除 <script>、onload 等事件属性、<foreignObject>、javascript:/data: 链接和指向外部网站的引用；用绘图软件导出时选择“纯 SVG”。',
  },
  missingImage: {
    message: (src: string) => `正文引用的图片“${src}”不存在（路径相对于本条内容所在文件夹）`,
    hint: '检查文件名和大小写，图片放在条目旁边或 images/ 文件夹中，用 ./ 开头的相对路径引用。',
  },
  pastedImage: {
    message: (kb: number) => `正文中的图片是直接粘贴进来的数据（data:，约 ${kb} KB）：页面上不会显示这张图片`,
    hint: '把图片另存为文件，放在条目旁边或 images/ 文件夹中，用 ![图片说明](./images/文件名.png) 引用；图片须为原创。',
  },
  externalImage: {
    message: (src: string) => `正文引用了其他网站的图片“${src}”：本站的安全策略不加载外站图片，页面上不会显示，而且会让该网站得知谁在阅读`,
    hint: '把图片（须为原创或已获授权）下载后放在条目旁边或 images/ 文件夹中，用 ./ 开头的相对路径引用；只想给出处时写成普通链接 [说明](https://…)。',
  },
  htmlComment: {
    message: (start: string) => `正文含有 HTML 注释“${start}”：本站不隐藏注释，读者会在页面上看到它`,
    hint: '给审核人的备注不要写进正文：写在合并请求或审核意见里；确需留在文件中的笔记，另存为以 _ 开头的文件（不会发布）。',
  },
  rawHtml: {
    message: (tag: string) => `正文含有 HTML 标签“${tag}”：本站把正文中的 HTML 一律当作文字显示，读者会看到这段代码而不是它的效果`,
    hint: '改用 Markdown：换段空一行，强调用 **粗体**，图片用 ![说明](./images/文件名.svg)，链接用 [文字](https://…)；要展示代码本身，放进反引号 `…` 中。',
  },
  unsafeLink: {
    message: (href: string) => `链接地址“${href}”会在发布时被去掉：页面上只剩文字，点不开`,
    hint: '链接只写 https:// 或 http:// 开头的网址、mailto: 邮箱，或本站的相对路径。',
  },
  versionCycle: {
    message: (chain: string) => `supersedes 形成循环：${chain}`,
    hint: '版本链只能从新到旧单向声明：新版本写 supersedes: 旧版本id，旧版本不写。',
  },
  selfReference: {
    message: (field: string) => `${field}不能指向本条内容自己`,
    hint: '填写另一条内容的 id。',
  },
  twoSuccessors: {
    message: (id: string, others: readonly string[]) => `“${id}”已被 ${others.join('、')} 同时声明取代：一个版本只能有一个直接后继`,
    hint: '同一制度的版本应排成一条链：最新版本取代上一版本，上一版本再取代更早的版本。',
  },
  // Issue 18: contributing units (成员单位).
  unknownUnit: {
    message: (id: string, known: readonly string[]) =>
      `成员单位“${id}”不在 content/taxonomies/units.yaml 中：应为已登记的成员单位 id 之一（${known.length > 0 ? known.join('、') : '名单为空'}）`,
    hint: '供稿单位从成员单位名单中选；新加入共建的单位，先在 content/taxonomies/units.yaml 中登记（id、名称、层级、类别）。',
  },
  unitParentCycle: {
    message: (chain: string) => `上级单位（parent）形成循环：${chain}`,
    hint: '每个成员单位只写它的直接上级，顶层单位不写 parent。',
  },
  prerequisiteCycle: {
    message: (chain: string) => `先修模块形成循环：${chain}`,
    hint: '先修关系只能从基础到进阶单向声明，删去其中一环。',
  },
  // Member sites (issue 20): a child checked against its parent's published reference data.
  parentArticle: {
    message: (parent: string, documentId: string, article: string) => `上级站点“${parent}”发布的制度文件“${documentId}”中没有第 ${article} 条`,
    hint: '下级站点的案例引用上级发布的制度时，只能引用上级已发布的条款：核对条号，或请上级补录该条后运行 npm run network:fetch 更新数据副本。',
  },
  parentDocument: {
    message: (parent: string, documentId: string) => `上级站点“${parent}”没有发布制度文件“${documentId}”`,
    hint: '党内法规和法律以上级站点发布的为准：改用上级发布的文件 id；本单位自己的制度请设 layer: unit。',
  },
  parentTerm: {
    message: (parent: string, kind: string, id: string) => `上级站点“${parent}”没有${kind}“${id}”`,
    hint: '重点领域和廉政风险点须与上级站点一致，全省的风险地图才能合起来看：改用上级的 id，或请上级先增设。',
  },
  networkExport: {
    message: (detail: string) => detail,
    hint: '运行 npm run network:fetch 从成员站点取回数据副本（离线时用 --from 成员id=文件路径），并把 content/network/exports/ 中的文件一并提交。',
  },
} as const;

export type ContentErrorCode = keyof typeof contentErrors;

/**
 * What the YAML parser's error codes mean for an editor, in the words `yamlSyntax` reports (the
 * parser's own messages are English: “Implicit keys need to be on a single line”). Keyed by the
 * `yaml` package's error code; a code not listed here is reported with a generic sentence.
 */
export const yamlProblems: Readonly<Record<string, string>> = {
  MULTILINE_IMPLICIT_KEY: '这一行不是“字段名: 值”的形式（常见原因：冒号后漏了空格，或用了中文冒号“：”）',
  MISSING_CHAR: '缺少配对的符号：引号、方括号 [ ] 或花括号 { } 没有成对，或字段名后缺少冒号',
  TAB_AS_INDENT: '用 Tab 缩进了：YAML 只能用空格缩进（从 Word 或网页粘贴时常带进 Tab）',
  DUPLICATE_KEY: '同一个字段写了两次：删去其中一个',
  BAD_INDENT: '缩进不对，或方括号 [ ] 没有闭合：同一层的字段应对齐，列表写在一行时以 ] 结尾',
  BLOCK_AS_IMPLICIT_KEY: '一行里出现了第二个“: ”：值里含冒号时整体加英文引号，如 title: "通报：某县……"；花括号要用英文 { }',
  BAD_SCALAR_START: '值以 @、` 等保留符号开头：整体加英文引号',
  BAD_DQ_ESCAPE: '双引号里的反斜杠 \\ 写法不对：改用单引号，或把 \\ 写成 \\\\',
  MULTIPLE_DOCS: 'frontmatter 里又出现了一行 ---：正文应写在第二个 --- 之后',
  UNEXPECTED_TOKEN: '出现了 YAML 不认识的符号：含特殊符号的文字整体加英文引号',
};

/**
 * Why a value is not an id, said from what the editor typed: a trailing full-width space pasted
 * from Word, smart quotes, two ids joined by a Chinese comma, capitals, Chinese characters. Offers
 * the corrected id when dropping those slips leaves a valid one.
 */
export function idProblem(input: unknown): string {
  const base = 'id 应只含小写英文字母、数字和连字符，例如 village-finance';
  if (typeof input !== 'string') return base;
  const reasons: [RegExp, string][] = [
    [/[\s\u200b\ufeff]/, '含有空格（从 Word 或网页粘贴时常在末尾带进全角空格）'],
    [/[“”‘’"'「」]/, '带了引号：id 不加引号'],
    [/[，、,；;]/, '把几项写成了一项：列表各项之间用英文逗号加空格分隔'],
    [/[\u4e00-\u9fff]/, '用了汉字：id 只用小写英文字母、数字和连字符，中文名称另写在 name 或 title 中'],
    [/[A-Z]/, '含大写字母：id 一律小写'],
    [/_/, '用了下划线：改用连字符 -'],
  ];
  const reason = reasons.find(([re]) => re.test(input))?.[1];
  if (!reason) return base;
  const parts = input
    .normalize('NFKC')
    .replace(/[\s\u200b\ufeff“”‘’"'「」]/g, '')
    .split(/[，、,；;]/)
    .map((p) => p.toLowerCase().replace(/_/g, '-'))
    .filter((p) => p !== '');
  const fixed = parts.length > 0 && parts.every((p) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(p)) ? (parts.length > 1 ? `[${parts.join(', ')}]` : parts[0]) : undefined;
  const shown = /[“”]/.test(input) ? showInvisible(input) : `“${showInvisible(input)}”`;
  return `id ${shown}${reason}${fixed ? `，应写成 ${fixed}` : ''}`;
}

/** Names characters an editor cannot see or tell apart in a report (a trailing 　, a “smart” quote). */
export function showInvisible(text: string): string {
  const names: Record<string, string> = { '\u3000': '〔全角空格〕', '\t': '〔Tab〕', '\u00a0': '〔不换行空格〕', '\u200b': '〔零宽空格〕', '\ufeff': '〔零宽空格〕' };
  return text.replace(/[\u3000\t\u00a0\u200b\ufeff]/g, (c) => names[c] ?? c);
}

/** One problem in one content file, ready to print or assert on. */
export interface ContentProblem {
  file: string;
  field: string;
  code: ContentErrorCode;
  message: string;
}

/** Groups problems by file, in the order files were first seen, for a report an editor can work through. */
export function formatReport(problems: readonly ContentProblem[]): string {
  const byFile = new Map<string, ContentProblem[]>();
  for (const p of problems) {
    const list = byFile.get(p.file) ?? [];
    list.push(p);
    byFile.set(p.file, list);
  }
  const parts: string[] = [];
  for (const [file, list] of byFile) {
    parts.push(
      `${file}\n` +
        list
          .map((p) => `  · ${p.field ? `字段 ${p.field}` : '（整条内容）'}：${p.message}\n    提示：${contentErrors[p.code].hint}`)
          .join('\n'),
    );
  }
  return parts.join('\n\n');
}

export class ContentError extends Error {
  readonly problems: readonly ContentProblem[];
  constructor(problems: readonly ContentProblem[]) {
    super(`内容检查发现 ${problems.length} 个问题：\n\n${formatReport(problems)}`);
    this.name = 'ContentError';
    this.problems = problems;
  }
}
