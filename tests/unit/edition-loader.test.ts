/**
 * Which entries an edition hands to Astro at all: drafts never, internal entries only in the
 * internal edition, and a file whose frontmatter cannot be read never (the check names it).
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hiddenEntries } from '../../src/lib/edition-loader.ts';
import { loadContent } from '../../src/lib/load-content.ts';
import { copyFixture, MINI } from '../helpers/fixture.ts';

describe('entries left out before Astro sees them', () => {
  it('the public edition leaves out internal entries and drafts', () => {
    expect(hiddenEntries(MINI, 'cases', 'public')).toEqual(['draft-case.md', 'internal-case.md']);
    expect(hiddenEntries(MINI, 'culture', 'public')).toEqual(['draft-artwork.md', 'internal-artwork.md']);
    expect(hiddenEntries(MINI, 'documents', 'public')).toEqual([]);
  });

  it('the internal edition still leaves out drafts, an internal draft included', () => {
    expect(hiddenEntries(MINI, 'cases', 'internal')).toEqual(['draft-case.md']);
    expect(hiddenEntries(MINI, 'culture', 'internal')).toEqual(['draft-artwork.md']);
  });

  it('an entry in a folder starting with _ is content (Astro reads it), so it is checked and filtered too', () => {
    const dir = copyFixture();
    mkdirSync(join(dir, 'cases/_archive'));
    copyFileSync(join(dir, 'cases/draft-case.md'), join(dir, 'cases/_archive/archived-case.md'));
    expect(hiddenEntries(dir, 'cases', 'public')).toEqual(['_archive/archived-case.md', 'draft-case.md', 'internal-case.md']);
  });

  it('a file it cannot read, or with an unexpected draft value, is left out rather than published', () => {
    const dir = copyFixture();
    writeFileSync(join(dir, 'cases/broken-case.md'), '---\ntitle: [未闭合\n---\n正文');
    writeFileSync(join(dir, 'cases/maybe-case.md'), '---\ntitle: 草稿\ndraft: "yes"\n---\n正文');
    writeFileSync(join(dir, 'cases/gbk-case.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xc4, 0xb3, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a]));
    expect(hiddenEntries(dir, 'cases', 'internal')).toEqual(['broken-case.md', 'draft-case.md', 'gbk-case.md', 'maybe-case.md']);
  });

  it('decides from what the build check read, and reads again a file an editor changed after the check', () => {
    const dir = copyFixture();
    // The build's check runs first and records each file's frontmatter (lib/publication.ts).
    loadContent(dir);
    expect(hiddenEntries(dir, 'cases', 'public')).toEqual(['draft-case.md', 'internal-case.md']);
    // Saved as internal after the check: must not be published on the strength of the old reading.
    const file = join(dir, 'cases/public-case.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^---\n/, '---\nvisibility: internal\n'));
    expect(hiddenEntries(dir, 'cases', 'public')).toEqual(['draft-case.md', 'internal-case.md', 'public-case.md']);
    expect(hiddenEntries(dir, 'cases', 'internal')).toEqual(['draft-case.md']);
  });
});
