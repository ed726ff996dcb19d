import { describe, expect, it } from 'vitest';
import { bodySections, plainMarkdown } from '../../src/lib/case-text.ts';

describe('case body as plain text for courseware', () => {
  it('keeps the words of bold, links and code, and drops the syntax', () => {
    expect(plainMarkdown('**在招标文件中“埋条款”。** 见[《招标投标法》](/documents/x/#article-5)和`会签单`')).toBe('在招标文件中“埋条款”。 见《招标投标法》和会签单');
  });

  it('splits a case into its sections, one entry per paragraph or list item', () => {
    const body = ['## 基本案情', '', '王某某，男，', '1968年生。', '', '第二段。', '', '## 违纪违法事实', '', '- 收受现金5万元；', '- 授意写入条款。', '', '## 处理结果', '', '开除党籍。'].join('\n');
    const s = bodySections(body);
    expect([...s.keys()]).toEqual(['基本案情', '违纪违法事实', '处理结果']);
    expect(s.get('基本案情')).toEqual(['王某某，男， 1968年生。', '第二段。']);
    expect(s.get('违纪违法事实')).toEqual(['收受现金5万元；', '授意写入条款。']);
    expect(s.get('处理结果')).toEqual(['开除党籍。']);
  });
});
