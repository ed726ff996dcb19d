/**
 * The handout (.docx, editable in Word and WPS) and its separate answer key, written with the docx
 * library. Loaded only when asked for, like the slides. The handout carries the plan, the cases in
 * full with their article chains, the questions with lines to write on and the quiz without
 * answers; the answers are only in the key.
 */
import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type FileChild } from 'docx';
import type { CoursewareCase } from './catalog.ts';
import { answerLine, letter, quizLine, REPORTING, TIMING, type Courseware } from './courseware.ts';

const FONT = { ascii: 'Microsoft YaHei', eastAsia: 'Microsoft YaHei', hAnsi: 'Microsoft YaHei', cs: 'Microsoft YaHei' };

function doc(title: string, children: FileChild[]): Document {
  return new Document({
    title,
    creator: '廉鉴',
    styles: {
      default: {
        document: { run: { font: FONT, size: 24, language: { value: 'zh-CN', eastAsia: 'zh-CN' } }, paragraph: { spacing: { after: 120, line: 360 } } },
        heading1: { run: { font: FONT, size: 32, bold: true, color: '9E1B1B' }, paragraph: { spacing: { before: 360, after: 160 } } },
        heading2: { run: { font: FONT, size: 28, bold: true }, paragraph: { spacing: { before: 240, after: 120 } } },
        heading3: { run: { font: FONT, size: 24, bold: true }, paragraph: { spacing: { before: 160, after: 80 } } },
        title: { run: { font: FONT, size: 40, bold: true }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240 } } },
      },
    },
    sections: [{ children }],
  });
}

const p = (text: string, bold = false) => new Paragraph({ children: [new TextRun({ text, bold })] });
const h = (text: string, heading: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => new Paragraph({ text, heading });
const bullet = (text: string) => new Paragraph({ text, bullet: { level: 0 } });
/** Ruled lines to write an answer on. */
const lines = (n: number) => Array.from({ length: n }, () => new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '999999', space: 1 } }, spacing: { before: 300 }, children: [] }));

function table(rows: string[][], widths: number[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (r, i) =>
        new TableRow({
          tableHeader: i === 0,
          children: r.map((text, j) => new TableCell({ width: { size: widths[j] ?? 20, type: WidthType.PERCENTAGE }, children: [p(text, i === 0)] })),
        }),
    ),
  });
}

function caseBlock(c: CoursewareCase): FileChild[] {
  const part = (name: string, paras: string[]) => (paras.length > 0 ? [h(name, HeadingLevel.HEADING_3), ...paras.map((t) => p(t))] : []);
  return [
    h(`案例：${c.title}`, HeadingLevel.HEADING_2),
    p('本案例为教学案例，人物、单位均为化名。'),
    ...part('案情', c.background),
    ...part('违纪违法事实', c.facts),
    ...part('处理结果', c.outcome),
    ...(c.chain.length > 0 ? [p('处理依据链条（条文为摘要释义，以官方文本为准）：', true), ...c.chain.map(bullet)] : []),
    ...part('警示启示', c.lessons),
    ...(c.questions.length > 0 ? [h('研讨题', HeadingLevel.HEADING_3), ...c.questions.flatMap((q, i) => [p(`${i + 1}．${q}`), ...lines(3)])] : []),
  ];
}

export async function handoutBlob(cw: Courseware): Promise<Blob> {
  const d = cw.doc;
  const children: FileChild[] = [
    new Paragraph({ text: d.title, heading: HeadingLevel.TITLE }),
    table([['项目', '内容'], ...d.meta.map(([k, v]) => [k, v])], [25, 75]),
    h('日程', HeadingLevel.HEADING_1),
    table([['时间', '内容', '时长'], ...d.agenda.map((a) => [a.time, a.label, `${a.minutes} 分钟`])], [22, 60, 18]),
    p(d.totals),
  ];
  for (const s of cw.sections) {
    if (s.kind === 'case') {
      children.push(...caseBlock(s.case));
      continue;
    }
    children.push(h(s.title, HeadingLevel.HEADING_1), h('学习目标', HeadingLevel.HEADING_2), ...s.outcomes.map(bullet));
    for (const c of s.cases) children.push(...caseBlock(c));
    children.push(h('讨论题', HeadingLevel.HEADING_2), ...s.questions.flatMap((q, i) => [p(`${i + 1}．${q}`), ...lines(4)]));
    if (s.exercises.length > 0) {
      children.push(h('练习', HeadingLevel.HEADING_2), ...s.exercises.flatMap((x) => [p(`${x.title}（${TIMING[x.timing]}，${x.minutes} 分钟）`, true), p(x.description)]));
    }
  }
  if (cw.quiz.length > 0) {
    children.push(h('课后测验', HeadingLevel.HEADING_1), p('单选题选一项，多选题选全部正确项。'));
    cw.quiz.forEach((q, i) => children.push(p(quizLine(q, i), true), ...q.options.map((o, j) => p(`□ ${letter(j)}．${o}`))));
  }
  children.push(h('监督举报渠道', HeadingLevel.HEADING_1), ...REPORTING.map((t) => p(t)));
  return Packer.toBlob(doc(d.title, children));
}

export async function answerKeyBlob(cw: Courseware): Promise<Blob> {
  const title = `${cw.doc.title}：测验参考答案（培训师用）`;
  return Packer.toBlob(doc(title, [new Paragraph({ text: title, heading: HeadingLevel.TITLE }), ...cw.quiz.flatMap((q, i) => [p(quizLine(q, i), true), p(answerLine(q, i))])]));
}
