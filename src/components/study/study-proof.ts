/** The 学习证明 a learner prints from their study record: modules, 学时, dates and quiz results. */
import { quizText, totals, type StudyRecord } from './study-record.ts';

export interface Proof {
  heading: string;
  statement: string;
  rows: string[][];
  note: string;
}

/** The words of the certificate, from the record alone: the first and last dates bound the period. */
export function proofText(record: StudyRecord, name: string, printed: string): Proof {
  const modules = record.items.filter((i) => i.kind === 'module');
  const dates = modules.map((m) => m.at).filter(Boolean).sort();
  const from = dates[0] ?? printed;
  const to = dates[dates.length - 1] ?? printed;
  const period = from === to ? `于 ${from} ` : `于 ${from} 至 ${to} 期间`;
  const hours = totals({ v: 1, items: modules }).hours;
  return {
    heading: '学习证明',
    statement: `兹证明 ${name} ${period}学习了以下 ${modules.length} 个廉洁教育培训模块，累计 ${hours} 学时。`,
    rows: [['培训模块', '学时', '完成日期', '测验成绩'], ...modules.map((m) => [m.title, String(m.hours), m.at || '—', quizText(m.quiz).replace(/^测验 /, '') || '未测验'])],
    note: `本证明由学员在廉鉴学习记录中自行打印（${printed}），记录只保存在学员本人的浏览器中，请所在单位核对后盖章。`,
  };
}

export function proofSheet(record: StudyRecord, name: string, printed: string): Node[] {
  const p = proofText(record, name, printed);
  const table = document.createElement('table');
  p.rows.forEach((r, i) => {
    const tr = table.insertRow();
    for (const text of r) tr.append(Object.assign(document.createElement(i === 0 ? 'th' : 'td'), { textContent: text }));
  });
  const para = (t: string) => Object.assign(document.createElement('p'), { textContent: t });
  return [Object.assign(document.createElement('h2'), { textContent: p.heading }), para(p.statement), table, para(p.note), para('单位审核（盖章）：________________　　日期：________________')];
}
