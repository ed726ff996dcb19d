import { describe, expect, it } from 'vitest';
import { tocEntries } from '../../src/lib/page-toc.ts';

describe('本页目录 from the page HTML', () => {
  it('lists second-level headings with ids, in order, as plain text', () => {
    const html = `<h2 id="基本案情">基本案情</h2><p>…</p><h3 id="x">小节</h3>
      <section><h2 class="t" id="chain-title" data-pagefind-ignore>处理依据<a href="/x/">链条</a></h2></section>
      <h2 id="q">讨论题
      </h2>`;
    expect(tocEntries(html)).toEqual([
      { id: '基本案情', text: '基本案情' },
      { id: 'chain-title', text: '处理依据链条' },
      { id: 'q', text: '讨论题' },
    ]);
  });

  it('skips a heading it could not link to', () => {
    expect(tocEntries('<h2>无锚点</h2><h2 id="e"></h2>')).toEqual([]);
  });

  it('keeps escaped text escaped, so it goes back into the page safely', () => {
    expect(tocEntries('<h2 id="a">&lt;script&gt; 与 “四知”</h2>')).toEqual([{ id: 'a', text: '&lt;script&gt; 与 “四知”' }]);
  });
});
