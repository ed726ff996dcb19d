/**
 * Editions and untrusted markup, on the mini fixture built for real: an internal or draft entry
 * leaves no trace anywhere in a public build (pages, lists, counts, search index, catalog …), the
 * internal edition shows internal entries marked as such, and planted markup never runs.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build.ts';
import { copyFixture, plant } from '../helpers/fixture.ts';

const INTERNAL = 'SENTINEL-INTERNAL-7731';
const DRAFT = 'SENTINEL-DRAFT-5524';
/** Written inside the SVGs of hidden entries (tests/fixtures/mini): a culture image and body images. */
const INTERNAL_IMAGES = ['SENTINEL-INTERNAL-IMAGE-CULTURE-4411', 'SENTINEL-INTERNAL-IMAGE-BODY-4412', 'SENTINEL-INTERNAL-IMAGE-BODY-4410'];
const DRAFT_IMAGES = ['SENTINEL-DRAFT-IMAGE-CULTURE-6621', 'SENTINEL-DRAFT-IMAGE-BODY-6622', 'SENTINEL-DRAFT-IMAGE-BODY-6620'];
const INTERNAL_IMAGE_FILES = ['internal-artwork', 'internal-case-figure'];
const DRAFT_IMAGE_FILES = ['draft-artwork', 'draft-case-figure'];
const UNTRUSTED = [
  '<script>alert("xss-script")</script>',
  '<img src="x.png" onerror="alert(\'xss-onerror\')">',
  '[点这里](javascript:alert("xss-link"))',
  '<iframe src="https://example.org/xss-frame"></iframe>',
].join('\n\n');

/** Every file of a build as text; Pagefind's gzip files unpacked, its word separators removed. */
function allText(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const item of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, item.name);
      if (item.isDirectory()) walk(full);
      else {
        let buf = readFileSync(full);
        if (buf[0] === 0x1f && buf[1] === 0x8b) buf = gunzipSync(buf);
        out.set(relative(dir, full), buf.toString('utf8').replace(/\u200b/g, ''));
      }
    }
  };
  walk(dir);
  return out;
}

/**
 * Both editions build from one content folder, internal first: the public build then starts from
 * a content cache that holds the internal entries and their images, as `npm run build` does after
 * `npm run build:internal`, and must still leave them out.
 */
let shared: string | undefined;
function content(): string {
  if (!shared) {
    shared = copyFixture();
    plant(shared, 'cases/public-case.md', '## 违纪违法事实\n事实。', `## 违纪违法事实\n事实。\n\n${UNTRUSTED}`);
  }
  return shared;
}

function build(edition: 'public' | 'internal') {
  const dir = content();
  const out = mkdtempSync(join(tmpdir(), `lianjian-${edition}-`));
  // The content check now refuses this markup before a build starts (careless-editor.test.ts); the
  // build is told the check already ran, so the renderer's own defence is still what is tested here.
  const result = buildSite({ LIANJIAN_CONTENT: dir, LIANJIAN_OUT: out, LIANJIAN_EDITION: edition, LIANJIAN_CONTENT_CHECKED: '1' }, { pagefind: true });
  expect(result.status, result.output.slice(-2000)).toBe(0);
  return allText(out);
}

describe('the internal edition', () => {
  let files: Map<string, string>;
  beforeAll(() => {
    files = build('internal');
  });

  it('adds internal entries, marked as internal, and still leaves drafts out', () => {
    const page = files.get('cases/internal-case/index.html') ?? '';
    expect(page).toContain(INTERNAL);
    expect(page).toContain('内部资料：仅限内网使用');
    expect(page).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(files.get('cases/public-case/index.html')).not.toContain('内部资料：仅限内网使用');
    for (const [file, text] of files) expect(text.includes(DRAFT), file).toBe(false);
  });

  it('ships internal entries\' images, culture image and body images, but never a draft\'s', () => {
    const all = [...files.values()].join('\n');
    for (const sentinel of INTERNAL_IMAGES) expect(all, sentinel).toContain(sentinel);
    expect(files.get('culture/internal-artwork/index.html')).toMatch(/<img[^>]+src="\/_astro\/internal-artwork\./);
    for (const [file, text] of files) {
      for (const sentinel of DRAFT_IMAGES) expect(text.includes(sentinel), `${file} holds ${sentinel}`).toBe(false);
      for (const name of DRAFT_IMAGE_FILES) expect(file.includes(name), `${file} is a draft's image`).toBe(false);
    }
  });

  it('indexes internal entries for search, which proves the public scan above can see inside the index', () => {
    const inIndex = [...files].filter(([file, text]) => file.startsWith('pagefind/') && text.includes(INTERNAL));
    expect(inIndex.length).toBeGreaterThan(0);
  });
});

describe('the public edition', () => {
  let files: Map<string, string>;
  beforeAll(() => {
    files = build('public');
  });

  it('has the public case and its search records', () => {
    expect(files.has('cases/public-case/index.html')).toBe(true);
    expect([...files.keys()].some((f) => f.startsWith('pagefind/fragment/'))).toBe(true);
  });

  it('holds no trace of the internal or the draft case in any file, search index included', () => {
    for (const [file, text] of files) {
      expect(text.includes(INTERNAL), `${file} mentions the internal case`).toBe(false);
      expect(text.includes(DRAFT), `${file} mentions the draft case`).toBe(false);
      expect(text.includes('internal-case'), `${file} links the internal case`).toBe(false);
      expect(text.includes('draft-case'), `${file} links the draft case`).toBe(false);
    }
  });

  it('ships no image of an internal or draft entry: no byte of it and no file named after it', () => {
    // The public culture image is in the output, so the scan does look inside images.
    expect([...files].some(([file, text]) => file.startsWith('_astro/') && file.endsWith('.svg') && text.includes('<ellipse'))).toBe(true);
    for (const [file, text] of files) {
      for (const sentinel of [...INTERNAL_IMAGES, ...DRAFT_IMAGES]) expect(text.includes(sentinel), `${file} holds ${sentinel}`).toBe(false);
      for (const name of [...INTERNAL_IMAGE_FILES, ...DRAFT_IMAGE_FILES]) {
        expect(file.includes(name), `${file} is an image of a hidden entry`).toBe(false);
        expect(text.includes(name), `${file} refers to ${name}`).toBe(false);
      }
    }
  });

  it('counts only published cases in facets', () => {
    const list = files.get('cases/index.html') ?? '';
    expect(list).toContain('共 1 个案例');
    expect(list).toMatch(/data-count-for="sector:engineering"[^>]*>\s*1\s*</);
  });

  it('shows planted markup as text and never runs it', () => {
    const page = files.get('cases/public-case/index.html') ?? '';
    expect(page).toContain('&lt;script&gt;alert');
    expect(page).not.toMatch(/<script>alert/);
    expect(page).not.toMatch(/<img[^>]+onerror=/);
    expect(page).not.toContain('href="javascript:');
    expect(page).not.toMatch(/<iframe/);
  });
});
