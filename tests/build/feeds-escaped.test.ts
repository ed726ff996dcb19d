/**
 * A careless editor pastes markup into a title or summary. Pages show it as text; the feeds must
 * too: a feed reader renders an item's description (and often its title) as HTML, so what it
 * receives after XML decoding must be escaped text, never a live tag.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build.ts';
import { copyFixture, plant } from '../helpers/fixture.ts';

interface Item {
  title: string;
  description: string;
}

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert(2)</script>';

describe('feeds with markup planted in titles and summaries', () => {
  let out = '';
  beforeAll(() => {
    const dir = copyFixture();
    plant(dir, 'cases/public-case.md', 'summary: 测试用公开案例，引用刑法第三百八十五条。', `summary: "测试用公开案例${IMG}，引用刑法第三百八十五条${SCRIPT}。"`);
    plant(dir, 'cases/public-case.md', 'title: 某县局长招标量身定制受贿案', 'title: "某县局长<b>招标</b>量身定制受贿案"');
    plant(dir, 'culture/ink-stone.md', 'summary: 测试用文化条目：包拯离任端州，不带走一方砚台。', `summary: "测试用文化条目：包拯离任端州${IMG}，不带走一方砚台。"`);
    out = mkdtempSync(join(tmpdir(), 'lianjian-out-'));
    const result = buildSite({ LIANJIAN_CONTENT: dir, LIANJIAN_OUT: out });
    expect(result.status, result.output.slice(-3000)).toBe(0);
  }, 300_000);

  /** Each item as a feed reader has it once the XML is decoded. */
  const items = (file: string): Item[] => {
    const feed = new XMLParser().parse(readFileSync(join(out, file), 'utf8')) as { rss: { channel: { item: Item | Item[] } } };
    return [feed.rss.channel.item].flat();
  };

  it.each(['cases/rss.xml', 'culture/rss.xml'])('%s hands the reader escaped text, not tags', (file) => {
    const planted = items(file).filter((i) => i.description.includes('测试用'));
    expect(planted.length).toBeGreaterThan(0);
    for (const item of planted) {
      expect(`${item.title}${item.description}`).not.toMatch(/<(img|script|b)\b/i);
      expect(item.description).toContain('&lt;img src=x onerror=alert(1)&gt;');
    }
  });

  it('the case feed keeps the script and the title markup as visible text', () => {
    const item = items('cases/rss.xml').find((i) => i.description.includes('测试用公开案例'));
    expect(item?.description).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(item?.title).toBe('某县局长&lt;b&gt;招标&lt;/b&gt;量身定制受贿案');
  });
});
