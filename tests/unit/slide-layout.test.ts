import { describe, expect, it } from 'vitest';
import type { Catalog, CoursewareData } from '../../src/components/builder/catalog.ts';
import { buildCourseware, slideDeck } from '../../src/components/builder/courseware.ts';
import { emptyPlan } from '../../src/components/builder/plan.ts';
import { bodyLines, boxCapacity, boxesFor, fitTitle, paginate, SLIDE, textEms, wrap } from '../../src/components/builder/slide-layout.ts';

const long = '王某某多次授意局规划建设股负责人转告受托编制文件的招标代理机构，在县乡道提级改造项目的招标文件中写入资格条件。'.repeat(20);

describe('fitting CJK text on a slide', () => {
  it('counts a Chinese character as one em and Latin letters as less', () => {
    expect(textEms('举报电话')).toBe(4);
    expect(textEms('www.12388.gov.cn')).toBeLessThan(11);
  });

  it('never starts a line with a closing mark, and never splits a web address', () => {
    const lines = wrap('一二三四五，六七八九十。www.12388.gov.cn', 5);
    expect(lines.every((l) => !/^[，。]/.test(l))).toBe(true);
    expect(lines).toContain('www.12388.gov.cn');
  });

  it('keeps body text at 24 pt and continues a long case on 「（续）」 slides, none over its box', () => {
    const pages = paginate({ title: '案情｜某县交通运输局局长在农村公路招标中量身定制条款受贿案', blocks: [{ text: long }, { text: '第二段。' }] });
    expect(pages.length).toBeGreaterThan(2);
    expect(pages[1]?.title).toMatch(/（续）$/);
    const cap = boxCapacity(boxesFor('content').body, 24).lines;
    for (const p of pages) expect(bodyLines(p.blocks)).toBeLessThanOrEqual(cap);
    expect(pages.map((p) => p.blocks.map((b) => b.text).join('')).join('')).toBe(`${long}第二段。`);
  });

  it('shortens a title too long for two lines but keeps 「（续）」', () => {
    const t = fitTitle(`${'很长的标题'.repeat(20)}（续）`);
    expect(t).toMatch(/……（续）$/);
    expect(t.length).toBeLessThan(70);
  });

  it('places every box inside the 16:9 slide', () => {
    for (const layout of ['title', 'content'] as const) {
      const { title, body } = boxesFor(layout);
      for (const b of [title, body]) {
        expect(b.x + b.w).toBeLessThanOrEqual(SLIDE.w);
        expect(b.y + b.h).toBeLessThanOrEqual(SLIDE.h);
      }
    }
  });
});

describe('the slide deck of a course', () => {
  const quiz = { question: '哪一项属于集体决策？', type: 'single' as const, options: ['会签', '党组会'], answer: [1], explanation: '“三重一大”须集体研究' };
  const catalog: Catalog = {
    audiences: [],
    modules: [{ id: 'm', title: '重大决策', summary: '', audiences: [], minutes: 90, hours: 2, outcomes: ['说出集体决策的程序'], schedule: [], readings: [], questions: ['会签能代替会议吗？'], quiz: [quiz], cases: ['road'] }],
    cases: [{ id: 'road', title: '公路招标案', summary: '', questions: ['谁审核招标文件？'] }],
  };
  const data: CoursewareData = {
    modules: [{ id: 'm', exercises: [{ title: '角色扮演', description: '模拟一次党组会。', minutes: 20, timing: 'in-class' }] }],
    cases: [{ id: 'road', title: '公路招标案', background: ['王某任局长。'], facts: ['收受财物。'], outcome: ['开除党籍。'], chain: ['党纪处分：开除党籍；依据：《纪律处分条例》'], lessons: ['门槛是寻租入口。'], questions: ['谁审核招标文件？'] }],
  };
  const deck = slideDeck(buildCourseware({ ...emptyPlan(), title: '专题', items: [{ kind: 'module', id: 'm' }, { kind: 'case', id: 'road', minutes: 30 }] }, catalog, data));
  const titles = deck.map((s) => s.title);

  it('walks a case from 案情 to 警示启示, once even when two items use it', () => {
    expect(titles.filter((t) => t.includes('公路招标案'))).toEqual(['案情｜公路招标案', '违纪违法事实｜公路招标案', '处理结果｜公路招标案', '警示启示｜公路招标案', '研讨｜公路招标案']);
  });

  it('shows the quiz without answers and keeps the answers for the last slide, after the reporting channel', () => {
    const text = deck.map((s) => s.blocks.map((b) => b.text).join('\n'));
    const answersAt = titles.findIndex((t) => t.startsWith('参考答案'));
    expect(answersAt).toBe(deck.length - 1);
    expect(text.findIndex((t) => t.includes('须集体研究'))).toBe(answersAt);
    expect(text[answersAt - 1]).toContain('举报电话：12388');
    expect(text[titles.indexOf('课后测验')]).toContain('B．党组会');
    expect(text[titles.indexOf('课堂练习｜重大决策')]).toContain('角色扮演（课堂，20 分钟）');
  });
});
