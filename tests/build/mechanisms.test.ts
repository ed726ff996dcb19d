/**
 * What a reader sees on the real site for issue 15's honesty fixes and the source's mechanisms:
 * version comparisons that never invent a repeal, one official-text notice, 回头看 「1个月后」,
 * the network's resources and modes, the special-action model text and the risk map's window.
 */
import { describe, expect, it } from 'vitest';
import { articleLabel } from '../../src/lib/cn-numerals.ts';
import { loadContent } from '../../src/lib/load-content.ts';
import type { CaseData } from '../../src/schemas/case.ts';
import type { DocumentData } from '../../src/schemas/document.ts';
import { distFile, visibleText } from '../helpers/dist.ts';

const { entries } = loadContent('content');
const docs = entries.filter((e) => e.collection === 'documents').map((e) => ({ id: e.id, data: e.data as unknown as DocumentData }));
const cases = entries.filter((e) => e.collection === 'cases').map((e) => ({ id: e.id, data: e.data as unknown as CaseData }));
const page = (path: string) => visibleText(distFile(path));

describe('version comparison on the real rules', () => {
  // The pairs the reviewer found showing invented repeals. Whatever articles later work enters,
  // an article the newer version lacks and does not mark repealed must read 「本版本尚未逐条录入」.
  it.each([
    ['party-discipline-2018', 'party-discipline-2023', '2018年修订 → 2023年修订', ['27', '28']],
    ['supervision-law-2018', 'supervision-law-2024', '2018年制定 → 2024年修正', ['11', '45']],
  ] as const)('%s → %s never shows an article as deleted that the newer version merely lacks', (older, newer, title, reported) => {
    const before = docs.find((d) => d.id === older)?.data;
    const after = docs.find((d) => d.id === newer)?.data;
    if (!before || !after) throw new Error(`missing ${older} or ${newer}`);
    const compare = visibleText(distFile(`documents/${older}/index.html`), 'compare-title');
    expect(compare).toContain(`版本对照：${title}`);
    const lacking = before.articles.map((a) => a.n).filter((n) => !after.articles.some((a) => a.n === n) && !after.repealedArticles.includes(n));
    for (const n of reported) if (!after.articles.some((a) => a.n === n)) expect(lacking).toContain(n);
    for (const n of lacking) expect(compare, n).toMatch(new RegExp(`${articleLabel(n)}\\s?无法对照 .*?本版本尚未逐条录入`));
    if (after.repealedArticles.length === 0) expect(compare).not.toContain('删除');
  });

  it('shows 「删除」 on no page unless the newer version marks the article repealed', () => {
    const repealed = new Set(docs.flatMap((d) => (d.data.supersedes ? d.data.repealedArticles.map((n) => `${d.data.supersedes}#${n}`) : [])));
    for (const d of docs.filter((x) => docs.some((y) => y.data.supersedes === x.id))) {
      const compare = visibleText(distFile(`documents/${d.id}/index.html`), 'compare-title');
      const deleted = [...compare.matchAll(/(第[^\s第]+?条)\s?删除/g)].map((m) => m[1]);
      expect(deleted.length, d.id).toBe([...repealed].filter((r) => r.startsWith(`${d.id}#`)).length);
    }
  });

  it('names each version once: no doubled 「（2018年修订）（2018年修订）」', () => {
    for (const d of docs.filter((x) => x.data.versionLabel)) {
      const text = page(`documents/${d.id}/index.html`);
      expect(text, d.id).not.toMatch(/（([^（）]+)）（\1）/);
    }
    expect(page('documents/party-discipline-2018/index.html')).toContain('现行版本见 中国共产党纪律处分条例（2023年修订）。');
    expect(page('documents/party-discipline-2023/index.html')).toContain('取代 中国共产党纪律处分条例（2018年修订） ');
  });

  it('says 「以官方文本为准」 exactly once on every paraphrased page', () => {
    const paraphrased = docs.filter((d) => d.data.paraphrased);
    expect(paraphrased.length).toBeGreaterThan(5);
    for (const d of paraphrased) expect(page(`documents/${d.id}/index.html`).split('以官方文本为准').length - 1, d.id).toBe(1);
  });
});

describe('回头看 comes 1个月后', () => {
  it('the follow-up-review rule renders its own 第三条 as 「1个月后」', () => {
    const timeline = visibleText(distFile('documents/follow-up-review/index.html'), 'timeline-title');
    expect(timeline).toContain('处置完毕或者整改期限届满1个月后');
    expect(timeline).toContain('首次回头看6个月后');
    expect(timeline).toContain('回头看结束后5个工作日内');
    expect(timeline).not.toContain('1个月内');
  });

  it('the coordination rule and the network page say 「处置完毕1个月后」, not 「1个月内」', () => {
    for (const path of ['documents/coordination-measures/index.html', 'network/index.html']) {
      const text = page(path);
      expect(text, path).toContain('线索处置完毕1个月后');
      expect(text, path).not.toContain('1个月内');
    }
  });
});

describe('the network page carries the source’s mechanisms', () => {
  const text = page('network/index.html');

  it('names the four resources and the 预防人才库', () => {
    expect(text).toMatch(/四类预防资源.*人力资源.*财力资源.*信息资源.*制度资源/);
    expect(text).toMatch(/预防人才库 各成员单位推荐纪检监察、审计、财会、法律、工程造价/);
    expect(distFile('network/index.html')).toContain('href="/documents/special-action/#article-8"');
  });

  it('names and explains the three implementation modes with their examples', () => {
    expect(text).toMatch(/协同联动式预防\s?预防任务清单 .*住建部门负责招标环节的监督/);
    expect(text).toMatch(/风险导向式预防\s?风险研判.*某县分析近三年的案件数据，发现村级集体资产处置是基层微腐败的高发点/);
    expect(text).toMatch(/全周期式预防\s?事前教育.*事前教育：.*事中监督：.*每月排查、每季度通报.*事后整改：.*处置完毕1个月后开展回头看/);
  });

  it('links the 跨部门专项行动 card to a model text of its own', () => {
    expect(text).toMatch(/跨部门专项行动\s?针对突出问题立项，一般为期6个月 .*参见跨部门专项预防行动工作办法（示范文本）/);
    expect(distFile('network/index.html')).toMatch(/参见<a href="\/documents\/special-action\/"[^>]*>跨部门专项预防行动工作办法（示范文本）<\/a>/);
  });
});

describe('the model texts the mechanisms rest on', () => {
  it('the special-action rule is a full 制度 with the 6-month action and its time limits', () => {
    const text = page('documents/special-action/index.html');
    expect(text).toContain('示范文本');
    expect(text).toMatch(/第一条 为集中力量解决某一领域反复发生的职务违法犯罪突出问题.*制定本办法。/);
    expect(text).toContain('专项行动一般为期6个月');
    expect(text).toContain('方案批准后6个月内');
    expect(text).toContain('专项行动结束6个月后');
    expect(text).toMatch(/第十九条 本办法由市纪委监委负责解释，自2025年9月1日起施行。/);
  });

  it('the key-sector ledger sets the cadence 每月排查、每季度通报', () => {
    const text = page('documents/key-sector-ledger/index.html');
    expect(text).toMatch(/第五条 台账实行每月排查。/);
    expect(text).toMatch(/第七条 台账实行每季度通报。纪检监察机关在每季度结束后15个工作日内/);
  });
});

describe('the risk map covers the last five years by default', () => {
  const newest = Math.max(...cases.map((c) => c.data.year));
  const oldest = Math.min(...cases.map((c) => c.data.year));
  const recent = cases.filter((c) => c.data.year > newest - 5);

  it('says which years it counts and counts only those cases', () => {
    const text = page('risks/index.html');
    expect(text).toContain(`本图统计${newest - 4}—${newest}年办结的案件，共 ${recent.length} 个案例`);
    expect(text).toContain(`查看全部年份的风险地图：${oldest}—${newest}年，共 ${cases.length} 个案例。`);
    const years = [0, 1, 2, 3, 4].map((i) => newest - 4 + i);
    const counts = years.map((y) => cases.filter((c) => c.data.year === y).length);
    expect(text).toContain(`按办结年份 各年份办结的案例数 ${years.map((y) => `${y}年`).join(' ')} ${counts.join(' ')} 按权力运行环节`);
  });

  it('offers every year on a plain page of its own', () => {
    const html = distFile('risks/index.html');
    expect(html).toContain('href="/risks/all/"');
    const all = page('risks/all/index.html');
    expect(all).toContain(`本图统计案例库中全部 ${cases.length} 个案例，办结于${oldest}—${newest}年。`);
    const years = Array.from({ length: newest - oldest + 1 }, (_, i) => oldest + i);
    const counts = years.map((y) => cases.filter((c) => c.data.year === y).length);
    expect(all).toContain(`按办结年份 各年份办结的案例数 ${years.map((y) => `${y}年`).join(' ')} ${counts.join(' ')} 按权力运行环节`);
  });

  it('keeps both risk maps free of scripts', () => {
    for (const path of ['risks/index.html', 'risks/all/index.html']) expect(distFile(path), path).not.toMatch(/<script\b/);
  });
});
