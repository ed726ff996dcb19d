/**
 * `npm run network:fetch [-- --from 成员id=文件或地址 …]`: refreshes the copies of the member sites'
 * reference data (their /network/export.json) under content/network/exports/, which the check and
 * the directory read at build. Online it fetches each member's export; on an intranet without a
 * route to a member, `--from id=path` copies an export carried over on disk. Each copy is checked
 * before it replaces the old one, so a broken answer never overwrites a good copy.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { contentRoot } from '../lib/content-root.ts';
import { EXPORT_PATH, exportFile } from '../lib/federation.ts';
import { parseExport, readNetwork } from '../lib/federation-files.ts';

const root = contentRoot();
const from = new Map<string, string>();
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const arg = args[i] ?? '';
  const value = arg === '--from' ? args[++i] : /^--from=(.*)$/.exec(arg)?.[1];
  const m = value ? /^([a-z0-9-]+)=(.+)$/.exec(value) : undefined;
  if (!m?.[1] || !m[2]) {
    console.error(`不认识的参数“${arg}”。用法：npm run network:fetch [-- --from 成员id=导出文件路径或地址]`);
    process.exit(1);
  }
  from.set(m[1], m[2]);
}

const { config, problems } = readNetwork(root);
if (!config) {
  console.error(problems.length > 0 ? problems.map((p) => `${p.file} ${p.field}：${p.message}`).join('\n') : `${root}/network/sites.yaml 不存在：本站没有成员站点，无需取回数据。`);
  process.exit(1);
}
for (const id of from.keys()) {
  if (!config.members.some((m) => m.id === id)) {
    console.error(`--from 中的“${id}”不是 sites.yaml 中的成员 id（现有：${config.members.map((m) => m.id).join('、') || '无'}）`);
    process.exit(1);
  }
}

let failed = 0;
mkdirSync(resolve(root, 'network/exports'), { recursive: true });
for (const m of config.members) {
  const source = from.get(m.id) ?? new URL(EXPORT_PATH.slice(1), m.url).href;
  let text: string;
  try {
    if (/^https?:\/\//.test(source)) {
      const res = await fetch(source, { signal: AbortSignal.timeout(15_000) });
      if (!res.ok) throw new Error(`服务器答复 ${res.status}`);
      text = await res.text();
    } else text = readFileSync(source, 'utf8');
  } catch (err) {
    failed++;
    console.error(`✗ ${m.name}：无法读取 ${source}（${(err as Error).message}），保留原有副本`);
    continue;
  }
  const { data, error } = parseExport(text);
  if (!data) {
    failed++;
    console.error(`✗ ${m.name}：${source} ${error ?? ''}，保留原有副本`);
    continue;
  }
  writeFileSync(resolve(root, exportFile(m.id)), `${JSON.stringify(data, null, 1)}\n`);
  console.log(`✓ ${m.name}：案例 ${data.counts.cases}，培训模块 ${data.counts.courses}，制度文件 ${data.counts.documents}（${source}）`);
}
if (failed > 0) process.exit(1);
