/**
 * Reads a content folder's network files: `network/sites.yaml` (this site and its members) and
 * the members' reference data under `network/exports/<id>.json`. The exports are copies committed
 * with the content, fetched by `npm run network:fetch`: a build never goes to the network, so it
 * works offline (an intranet) and its result depends only on the content folder, like every other
 * page; the copy is as fresh as the last fetch, which the directory page says.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { networkConfigSchema, networkExportSchema, type NetworkConfig, type NetworkExport } from '../schemas/network.ts';
import { contentErrors, type ContentProblem } from './content-errors.ts';
import { exportFile, NETWORK_FILES, parentProblems } from './federation.ts';
import { FrontmatterError, parseYaml, readContentText } from './frontmatter.ts';
import type { CheckableEntry } from './references.ts';

export interface NetworkFiles {
  /** Undefined when the folder has no sites.yaml: a site on its own. */
  config: NetworkConfig | undefined;
  exports: Map<string, NetworkExport>;
  problems: ContentProblem[];
}

const issuesText = (issues: readonly { path: readonly PropertyKey[]; message: string }[]) =>
  issues.map((i) => `${i.path.map(String).join('.') || '（整个文件）'}：${i.message}`).join('；');

/** Parses an export's JSON text; the message names what is wrong for the file's problem. */
export function parseExport(text: string): { data?: NetworkExport; error?: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { error: '不是有效的 JSON' };
  }
  const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (version !== undefined && version !== 1) return { error: `数据格式版本为 ${String(version)}，本站只认识版本 1：双方的廉鉴版本不同，请先升级` };
  const result = networkExportSchema.safeParse(json);
  return result.success ? { data: result.data } : { error: `不是廉鉴站点的数据导出（${issuesText(result.error.issues)}）` };
}

export function readNetwork(root: string, cwd = process.cwd()): NetworkFiles {
  const base = resolve(cwd, root);
  const file = relative(cwd, resolve(base, NETWORK_FILES.sites));
  const exports = new Map<string, NetworkExport>();
  if (!existsSync(resolve(base, NETWORK_FILES.sites))) return { config: undefined, exports, problems: [] };
  const problems: ContentProblem[] = [];
  let raw: unknown;
  try {
    raw = parseYaml(readContentText(resolve(base, NETWORK_FILES.sites)));
  } catch (err) {
    if (!(err instanceof FrontmatterError)) throw err;
    return { config: undefined, exports, problems: [{ file, field: '', code: 'yamlSyntax', message: contentErrors.yamlSyntax.message(err.message) }] };
  }
  const parsed = networkConfigSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push({ file, field: issue.path.map((k) => (typeof k === 'number' ? `[${k}]` : String(k))).join('.').replace(/\.\[/g, '['), code: 'invalid', message: issue.message });
    return { config: undefined, exports, problems };
  }
  const config = parsed.data;
  const seen = new Set<string>();
  config.members.forEach((m, i) => {
    if (seen.has(m.id) || m.id === config.self.id) problems.push({ file, field: `members[${i}].id`, code: 'duplicateId', message: contentErrors.duplicateId.message(m.id) });
    seen.add(m.id);
    const path = resolve(base, exportFile(m.id));
    const rel = relative(cwd, path);
    if (!existsSync(path)) {
      problems.push({ file: rel, field: '', code: 'networkExport', message: contentErrors.networkExport.message(`缺少成员站点“${m.name}”的数据副本`) });
      return;
    }
    const { data, error } = parseExport(readFileSync(path, 'utf8'));
    if (data) exports.set(m.id, data);
    else problems.push({ file: rel, field: '', code: 'networkExport', message: contentErrors.networkExport.message(`成员站点“${m.name}”的数据副本${error ?? ''}`) });
  });
  if (config.members.filter((m) => m.parent).length > 1) problems.push({ file, field: 'members', code: 'invalid', message: '只能有一个上级站点（parent: true）' });
  return { config, exports, problems };
}

/** What `npm run check` adds for the network: sites.yaml and the copies, then the parent's agreement. */
export function networkProblems(root: string, entries: readonly CheckableEntry[], cwd = process.cwd()): ContentProblem[] {
  const { config, exports, problems } = readNetwork(root, cwd);
  const parent = config?.members.find((m) => m.parent);
  const data = parent && exports.get(parent.id);
  return data && parent ? [...problems, ...parentProblems(entries, data, parent.name)] : problems;
}
