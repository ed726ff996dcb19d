/**
 * Fitting text onto 16:9 slides without overflow. PowerPoint and WPS do not shrink text that a
 * generator writes, so each body box gets only as many lines as it holds at the stated size; long
 * text continues on a 「（续）」 slide. Sizes are estimated, conservatively: a CJK character or
 * full-width mark is one em wide, Latin letters and digits about 0.6 em, and the usable width is
 * taken 8 % narrower than the box so a font with wider glyphs still fits.
 */

/** Slide and box geometry in inches (PowerPoint's 13.333 × 7.5 widescreen). */
export const SLIDE = { w: 13.333, h: 7.5 } as const;
export const TITLE_BOX = { x: 0.6, y: 0.3, w: 12.133, h: 1.15 } as const;
export const BODY_BOX = { x: 0.6, y: 1.55, w: 12.133, h: 5.6 } as const;
export const TITLE_PT = 28;
export const BODY_PT = 24;
/** A cover or closing slide: a larger title in the upper half, a few lines under it. */
export const COVER_TITLE_BOX = { x: 0.9, y: 1.5, w: 11.533, h: 1.9 } as const;
export const COVER_BODY_BOX = { x: 0.9, y: 3.7, w: 11.533, h: 3.3 } as const;
export const COVER_TITLE_PT = 36;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Where a slide of each layout puts its title and body, and at what size. */
export function boxesFor(layout: SlideSpec['layout']): { title: Box; titlePt: number; body: Box; bodyPt: number } {
  return layout === 'title'
    ? { title: COVER_TITLE_BOX, titlePt: COVER_TITLE_PT, body: COVER_BODY_BOX, bodyPt: BODY_PT }
    : { title: TITLE_BOX, titlePt: TITLE_PT, body: BODY_BOX, bodyPt: BODY_PT };
}

/** Inner margin PowerPoint adds inside every text box (0.1 in each side). */
export const INSET = 0.1;
const LINE_SPACING = 1.2;
const PARA_GAP_PT = 6;
const BULLET_INDENT_IN = 0.4;
const SAFETY = 0.92;

export interface Block {
  text: string;
  bullet?: boolean;
  bold?: boolean;
}

export interface SlideSpec {
  title: string;
  blocks: Block[];
  /** Title slides and the closing slide centre their text; everything else reads top-down. */
  layout?: 'title' | 'content';
}

/** Width of a string in ems at any size. */
export function textEms(text: string): number {
  let ems = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x20) continue;
    if (c === 0x20) ems += 0.3;
    else if (c < 0x2e80 && !(c >= 0x2010 && c <= 0x2027)) ems += c >= 0x41 && c <= 0x5a ? 0.7 : 0.6;
    else ems += 1;
  }
  return ems;
}

/** Characters per line and lines per box for body text in a box of the given width and height. */
export function boxCapacity(box: { w: number; h: number }, pt: number, bullet = false): { ems: number; lines: number } {
  const widthPt = (box.w - 2 * INSET - (bullet ? BULLET_INDENT_IN : 0)) * 72 * SAFETY;
  return { ems: Math.floor(widthPt / pt), lines: Math.floor(((box.h - 2 * INSET) * 72) / (pt * LINE_SPACING)) };
}

/** Lines a paragraph takes, wrapping by estimated width; a line never breaks inside a Latin word. */
export function wrap(text: string, emsPerLine: number): string[] {
  const lines: string[] = [];
  let line = '';
  let width = 0;
  for (const token of text.match(/[A-Za-z0-9@._:/-]+|[\s\S]/gu) ?? []) {
    const w = textEms(token);
    if (width + w > emsPerLine && line) {
      lines.push(line);
      line = '';
      width = 0;
    }
    // Closing punctuation may not start a line (避头点): keep it with the line before.
    if (!line && lines.length > 0 && /^[，。；：、！？）」』”’]$/u.test(token)) {
      lines[lines.length - 1] += token;
      continue;
    }
    line += token;
    width += w;
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

/** Height in body lines one block takes, including the gap after it. */
function blockLines(b: Block, cap: (bullet: boolean) => { ems: number }): string[] {
  return wrap(b.text, cap(!!b.bullet).ems);
}

/**
 * Splits one slide's blocks across as many slides as the body box needs. A paragraph too long for
 * the space left is cut between lines, after a sentence where possible, and continued on the next
 * slide; every slide after the first is titled 「…（续）」.
 */
export function paginate(spec: SlideSpec): SlideSpec[] {
  const { body: box, bodyPt: pt } = boxesFor(spec.layout);
  const capacity = (bullet: boolean) => boxCapacity(box, pt, bullet);
  const maxLines = capacity(false).lines;
  const gapLines = PARA_GAP_PT / (pt * LINE_SPACING);
  const pages: Block[][] = [[]];
  let used = 0;
  const page = () => pages[pages.length - 1] ?? [];
  for (const first of spec.blocks) {
    let block = first;
    let lines = blockLines(block, capacity);
    while (lines.length > 0) {
      const room = Math.floor(maxLines - used);
      if (room <= 0 || (room < 2 && lines.length > room)) {
        pages.push([]);
        used = 0;
        continue;
      }
      if (lines.length <= room) {
        page().push({ ...block, text: lines.join('') });
        used += lines.length + gapLines;
        lines = [];
      } else {
        let cut = room;
        // Prefer ending a slide at the end of a sentence, if one is within the last few lines.
        for (let k = room; k > Math.max(1, room - 3); k--) if (/[。；！？]$/u.test(lines[k - 1] ?? '')) { cut = k; break; }
        page().push({ ...block, text: lines.slice(0, cut).join('') });
        lines = lines.slice(cut);
        block = { ...block, bullet: false };
        pages.push([]);
        used = 0;
      }
    }
  }
  const filled = pages.filter((p, i) => p.length > 0 || i === 0);
  return filled.map((blocks, i) => ({ ...spec, title: fitTitle(i === 0 ? spec.title : `${spec.title}（续）`, spec.layout), blocks }));
}

/** Lines a slide's body takes at the layout's sizes: the check the tests run on every slide made. */
export function bodyLines(blocks: readonly Block[], box: { w: number; h: number } = BODY_BOX, pt = BODY_PT): number {
  const gap = PARA_GAP_PT / (pt * LINE_SPACING);
  return blocks.reduce((s, b) => s + wrap(b.text, boxCapacity(box, pt, !!b.bullet).ems).length + gap, 0) - (blocks.length > 0 ? gap : 0);
}

/** Titles keep one size; a long one gets a second line, never a third: it is shortened, keeping 「（续）」. */
export function fitTitle(title: string, layout?: SlideSpec['layout']): string {
  const { title: box, titlePt } = boxesFor(layout);
  const ems = boxCapacity(box, titlePt).ems;
  const fits = (t: string) => wrap(t, ems).length <= Math.floor(((box.h - 2 * INSET) * 72) / (titlePt * LINE_SPACING));
  if (fits(title)) return title;
  const suffix = title.endsWith('（续）') ? '（续）' : '';
  let base = [...title.slice(0, title.length - suffix.length)];
  while (base.length > 1 && !fits(`${base.join('')}……${suffix}`)) base = base.slice(0, -1);
  return `${base.join('')}……${suffix}`;
}
