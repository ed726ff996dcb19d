/**
 * The network of member sites (issue 20), as pure functions: the origins a site's CSP admits, the
 * reference data every build publishes (/network/export.json), the check of a child's cases
 * against its parent's export, and the rows of the directory /network/sites/. File reading is in
 * federation-files.ts; the browser side is components/search/federation.ts.
 */
import { collectionSpecs } from '../schemas/index.ts';
import { EXPORT_VERSION, type NetworkConfig, type NetworkExport, type NetworkSite } from '../schemas/network.ts';
import { contentErrors, type ContentProblem } from './content-errors.ts';
import { findRefs, type CheckableEntry } from './references.ts';
import { parseArticleRef } from './urls.ts';

/** Where the network's files live in a content folder. */
export const NETWORK_FILES = { sites: 'network/sites.yaml', exports: 'network/exports' } as const;
export const exportFile = (memberId: string) => `${NETWORK_FILES.exports}/${memberId}.json`;
/** The published path of a site's reference data. */
export const EXPORT_PATH = '/network/export.json';

/** Each member's origin once, in the order listed: what the CSP's connect-src admits besides 'self'. */
export function memberOrigins(config: NetworkConfig | undefined): string[] {
  return [...new Set((config?.members ?? []).map((m) => new URL(m.url).origin))];
}

/**
 * astro.config's CSP directives with the members' origins added to connect-src: the search reads
 * their Pagefind bundles (entry, WebAssembly, index chunks, fragments) with fetch. No member
 * script runs here: their bundles are searched by this site's own Pagefind runtime, so script-src
 * stays 'self' — a member site cannot run code on this origin.
 */
export function networkDirectives<T extends string>(directives: readonly T[], origins: readonly string[]): T[] {
  if (origins.length === 0) return [...directives];
  // The directive keeps its name, so its type (Astro's `connect-src${string}`) still holds.
  return directives.map((d) => (/^connect-src\s/.test(d) ? (`${d} ${origins.join(' ')}` as T) : d));
}

/** Entries as the export needs them: the published ones of this edition (site model or loaded files). */
interface ExportInput {
  self: NetworkConfig['self'];
  cases: readonly unknown[];
  courses: readonly unknown[];
  documents: readonly { id: string; data: { title: string; layer: string; articles: readonly { n: string }[] } }[];
  sectors: readonly { id: string; data: { name: string } }[];
  riskPoints: readonly { id: string; data: { name: string; sector: string } }[];
  violationTypes: readonly { id: string; data: { name: string } }[];
}

/** The versioned export: no dates or build stamps, so it changes only when the content does. */
export function buildExport(input: ExportInput): NetworkExport {
  const byId = <T extends { id: string }>(list: readonly T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
  return {
    schemaVersion: EXPORT_VERSION,
    site: { id: input.self.id, name: input.self.name, level: input.self.level },
    counts: { cases: input.cases.length, courses: input.courses.length, documents: input.documents.length },
    taxonomies: {
      sectors: byId(input.sectors).map((s) => ({ id: s.id, name: s.data.name })),
      riskPoints: byId(input.riskPoints).map((r) => ({ id: r.id, name: r.data.name, sector: r.data.sector })),
      violationTypes: byId(input.violationTypes).map((v) => ({ id: v.id, name: v.data.name })),
    },
    documents: byId(input.documents).map((d) => ({ id: d.id, title: d.data.title, layer: d.data.layer, articles: d.data.articles.map((a) => a.n) })),
  };
}

/**
 * A child's cases checked against its parent's export: a rule the parent publishes must be cited
 * by an article the parent publishes; a party rule or law the parent does not publish at all is
 * not the network's shared rule (a unit's own rules, layer unit, are the child's to keep); a sector
 * or risk point must be one of the parent's ids, so the network's risk maps add up.
 */
export function parentProblems(entries: readonly CheckableEntry[], parent: NetworkExport, parentName: string): ContentProblem[] {
  const docs = new Map(parent.documents.map((d) => [d.id, new Set(d.articles)]));
  const sectors = new Set(parent.taxonomies.sectors.map((s) => s.id));
  const riskPoints = new Set(parent.taxonomies.riskPoints.map((r) => r.id));
  const ownLayer = new Map(entries.filter((e) => e.collection === 'documents').map((e) => [e.id, String(e.data['layer'])]));
  const problems: ContentProblem[] = [];
  for (const e of entries) {
    if (e.collection !== 'cases') continue;
    for (const ref of findRefs(collectionSpecs.cases.schema(), e.data)) {
      const field = `${e.fieldPrefix ?? ''}${ref.field}`;
      if (ref.collection === 'documents') {
        const { documentId, article } = parseArticleRef(ref.value);
        const articles = docs.get(documentId);
        if (!articles) {
          if (ownLayer.get(documentId) === 'unit') continue;
          problems.push({ file: e.file, field, code: 'parentDocument', message: contentErrors.parentDocument.message(parentName, documentId) });
        } else if (article && !articles.has(article)) {
          problems.push({ file: e.file, field, code: 'parentArticle', message: contentErrors.parentArticle.message(parentName, documentId, article) });
        }
      } else if ((ref.collection === 'sectors' && !sectors.has(ref.value)) || (ref.collection === 'riskPoints' && !riskPoints.has(ref.value))) {
        problems.push({ file: e.file, field, code: 'parentTerm', message: contentErrors.parentTerm.message(parentName, ref.collection === 'sectors' ? '重点领域' : '廉政风险点', ref.value) });
      }
    }
  }
  return problems;
}

export interface DirectoryRow {
  name: string;
  level: string;
  /** Absent for this site itself. */
  url?: string;
  parent: boolean;
  self: boolean;
  counts: NetworkExport['counts'];
}

const LEVEL_ORDER = ['省', '市', '县', '企业'];

/** This site first, then members by level (省 → 企业) in the order listed. */
export function directoryRows(config: NetworkConfig, own: NetworkExport, exports: ReadonlyMap<string, NetworkExport>): DirectoryRow[] {
  const members = config.members.flatMap((m: NetworkSite) => {
    const data = exports.get(m.id);
    return data ? [{ name: m.name, level: m.level, url: m.url, parent: m.parent, self: false, counts: data.counts }] : [];
  });
  members.sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level));
  return [{ name: config.self.name, level: config.self.level, parent: false, self: true, counts: own.counts }, ...members];
}

/**
 * What a member serves to the sites that search it: its search indexes (the /pagefind folders and
 * /narrative/) and its export, readable from the listed origins only (LIANJIAN_CORS_ORIGINS). Not `*`: on an intranet
 * any web page a reader opens could otherwise read the internal edition's index through their browser.
 */
export function corsHeaders(path: string, origin: string | undefined, allowed: readonly string[]): Record<string, string> {
  const shared = /^\/(?:pagefind[^/]*|narrative)\//.test(path) || path === EXPORT_PATH;
  return shared && origin && allowed.includes(origin) ? { 'access-control-allow-origin': origin } : {};
}

/** `LIANJIAN_CORS_ORIGINS="https://a.example.cn https://b.example.cn"` (spaces or commas). */
export function corsOrigins(env: Record<string, string | undefined> = process.env): string[] {
  return (env['LIANJIAN_CORS_ORIGINS'] ?? '')
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((o) => {
      if (!/^https?:\/\/[^/\s]+\/?$/.test(o)) throw new Error(`LIANJIAN_CORS_ORIGINS 中的“${o}”不是站点地址：应写成 https://主机名（可带端口），多个用空格分隔`);
      return new URL(o).origin;
    });
}
