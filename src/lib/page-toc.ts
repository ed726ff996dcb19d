/**
 * 本页目录 from a page's own rendered HTML: every second-level heading that carries an id, in
 * order, so the table of contents can never disagree with the headings the page shows.
 */
export interface TocEntry {
  id: string;
  /** The heading's text, still HTML-escaped as it was in the page. */
  text: string;
}

const H2 = /<h2\b([^>]*)>([\s\S]*?)<\/h2>/g;
const ID = /\bid="([^"]+)"/;

export function tocEntries(html: string): TocEntry[] {
  const out: TocEntry[] = [];
  for (const m of html.matchAll(H2)) {
    const id = ID.exec(m[1] ?? '')?.[1];
    const text = (m[2] ?? '').replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
    if (id && text) out.push({ id, text });
  }
  return out;
}

/** Only a page long enough to need one gets a table of contents. */
export const TOC_MIN_HEADINGS = 4;
