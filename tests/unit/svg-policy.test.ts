/**
 * SVGs ship as they are and, opened directly, run on the site's origin: the check refuses any
 * that could run script or load from elsewhere, naming the file, and reads their text for
 * personal data. Every SVG of the real content must pass.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentErrors } from '../../src/lib/content-errors.ts';
import { loadContent } from '../../src/lib/load-content.ts';
import { svgText, unsafeSvgParts } from '../../src/lib/svg-policy.ts';
import { copyFixture } from '../helpers/fixture.ts';

const wrap = (inner: string, attrs = '') => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 100"${attrs}>${inner}</svg>`;

describe('unsafe SVG content, however it is written', () => {
  const attacks: [string, string, string][] = [
    ['a script element', wrap('<script>alert(document.cookie)</script>'), '<script> 脚本'],
    ['a script with odd spacing and case', wrap('< SCRIPT type="text/javascript">fetch("/")</SCRIPT>'), '<script> 脚本'],
    ['an onload handler on the root', wrap('<rect width="10" height="10"/>', ' onload="alert(1)"'), '事件属性 onload'],
    ['an onclick handler on a shape', wrap('<circle r="5" onclick="alert(1)"/>'), '事件属性 onclick'],
    ['a handler after a slash', wrap('<circle r="5"/onmouseover="alert(1)"/>'), '事件属性 onmouseover'],
    ['foreignObject with HTML', wrap('<foreignObject width="100" height="100"><div xmlns="http://www.w3.org/1999/xhtml">文字</div></foreignObject>'), '<foreignObject>（可嵌入网页内容）'],
    ['a javascript: link', wrap('<a href="javascript:alert(1)"><text>点我</text></a>'), 'javascript: 链接'],
    ['a javascript: link hidden with entities and a tab', wrap('<a xlink:href="jav&#x61;&#9;script:alert(1)"><text>点我</text></a>'), 'javascript: 链接'],
    ['a data: image', wrap('<image href="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=" width="10" height="10"/>'), 'data: 链接（内嵌的图片或文件）'],
    ['an external image', wrap('<image xlink:href="https://tracker.example.com/p.png" width="1" height="1"/>'), '指向外部的引用 https://tracker.example.com/p.png'],
    ['a protocol-relative reference', wrap('<use href="//evil.example.com/sprite.svg#a"/>'), '指向外部的引用 //evil.example.com/sprite.svg#a'],
    ['an external font in CSS', wrap('<style>@import "https://fonts.example.com/a.css";</style>'), '指向外部的引用 https://fonts.example.com/a.css'],
    ['an external url() in a style', wrap('<rect style="fill:url(http://evil.example.com/x.svg#g)" width="5" height="5"/>'), '指向外部的引用 http://evil.example.com/x.svg#g'],
    ['an embedded page', wrap('<iframe src="/"></iframe>'), '嵌入的网页或插件（<iframe>、<embed>、<object>）'],
    ['an entity declaration', `<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>${wrap('<text>&x;</text>')}`, 'DOCTYPE/ENTITY 声明'],
  ];
  for (const [name, svg, what] of attacks) {
    it(name, () => expect(unsafeSvgParts(svg)).toContain(what));
  }

  it('allows shapes, text, gradients referenced by #id and the SVG namespace', () => {
    const svg = wrap('<defs><linearGradient id="g"><stop offset="0" stop-color="#000"/></linearGradient></defs><rect fill="url(#g)" width="10" height="10"/><use href="#g"/><text>一心为公 online=在线</text>');
    expect(unsafeSvgParts(svg)).toEqual([]);
  });
});

describe('text inside an SVG', () => {
  it('joins the pieces of a line and reads titles and labels', () => {
    const svg = wrap('<title>联系 zhang@example.cn</title><text><tspan>139</tspan><tspan>1234</tspan><tspan>5678</tspan></text><g aria-label="身份证 11010519491231002X"/>');
    expect(svgText(svg)).toContain('13912345678');
    expect(svgText(svg)).toContain('zhang@example.cn');
    expect(svgText(svg)).toContain('11010519491231002X');
  });

  it('keeps separate chart labels apart', () => {
    const svg = wrap('<text x="0">2019</text><text x="10">2020</text><text x="20">2021</text><text x="30">2022</text>');
    expect(svgText(svg)).not.toContain('2019202020212022');
  });
});

describe('the content check and SVGs', () => {
  it('rejects an unsafe culture image, naming the SVG file', () => {
    const dir = copyFixture();
    writeFileSync(join(dir, 'culture/images/ink-stone.svg'), wrap('<rect width="10" height="10"/>', ' onload="fetch(\'//evil.example.com\')"'));
    const file = relative('/', join(dir, 'culture/images/ink-stone.svg'));
    expect(loadContent(dir, '/').problems).toEqual([{ file, field: '', code: 'unsafeSvg', message: contentErrors.unsafeSvg.message('事件属性 onload') }]);
  });

  it('rejects personal data written inside an SVG', () => {
    const dir = copyFixture();
    writeFileSync(join(dir, 'culture/images/ink-stone.svg'), wrap('<text><tspan>举报人 139</tspan><tspan>1234 5678</tspan></text>'));
    const file = relative('/', join(dir, 'culture/images/ink-stone.svg'));
    expect(loadContent(dir, '/').problems).toEqual([{ file, field: '图中文字', code: 'personalData', message: contentErrors.personalData.message('手机号码', '13*******78') }]);
  });

  it('passes every SVG of the real content', () => {
    const folder = 'content/culture/images';
    const svgs = readdirSync(folder).filter((f) => f.endsWith('.svg'));
    expect(svgs.length).toBeGreaterThan(0);
    const problems = loadContent('content').problems;
    for (const name of svgs) {
      const svg = readFileSync(join(folder, name), 'utf8');
      expect(unsafeSvgParts(svg), name).toEqual([]);
      expect(problems.filter((p) => p.file.endsWith(name)), name).toEqual([]);
    }
  });
});
