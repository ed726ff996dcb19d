/**
 * `npm run search:eval [目录]`: the graded query set (tests/search/graded.yaml) through the real
 * search page of a built site (default dist/, from npm run build) in headless Chromium. Prints
 * success@1, success@5, nDCG@10 and zero-result counts per persona and overall, the worst queries,
 * and whether the floors in tests/search/floors.json hold (exit code 1 when one does not).
 * `--json <file>` also writes every query's score and first ten results.
 */
import { existsSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { serveStatic } from '../lib/static-server.ts';
import { belowFloors, formatTable, PERSONA_NAMES, PERSONAS, raisableFloors, summariseByPersona, worst } from '../lib/search-metrics.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../lib/chromium.ts';
import { evaluate, FLOORS_FILE, loadFloors, loadGraded } from './search-eval-run.ts';

const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
// --json <file>: every query's score and first ten results, for a closer look at the failures.
const jsonFile = jsonAt >= 0 ? args.splice(jsonAt, 2)[1] : undefined;
const dir = args[0] ?? 'dist';
if (!existsSync(`${dir}/pagefind`)) {
  console.error(`“${dir}”中没有搜索索引，请先运行 npm run build。`);
  process.exit(1);
}
if (!existsSync(CHROMIUM)) {
  console.error(`找不到 Chromium（${CHROMIUM}）。安装命令：apt-get install -y chromium，或用 CHROMIUM_PATH 指定。`);
  process.exit(1);
}

const queries = loadGraded();
const server = serveStatic(dir);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
  await page.goto('/search/');
  const started = performance.now();
  const scores = await evaluate(page, queries);
  const seconds = (performance.now() - started) / 1000;
  const by = summariseByPersona(scores);
  if (jsonFile) writeFileSync(jsonFile, `${JSON.stringify(scores, null, 1)}\n`);
  console.log(`\n搜索质量：${queries.length} 个分级查询（${dir}，${seconds.toFixed(0)} 秒）\n`);
  console.log(formatTable(by));
  console.log('\n最差的查询（nDCG@10 最低）：');
  for (const s of worst(scores, 20)) {
    const top = s.top.slice(0, 3).map((r) => `${r.target}${r.partial ? '（部分）' : ''}`).join(' ') || '（无结果）';
    console.log(`  ${s.ndcg10.toFixed(2)}  [${PERSONA_NAMES[s.persona]}·${s.class}] ${s.q} → ${top}`);
  }
  const floors = loadFloors();
  const failed = (['overall', ...PERSONAS] as const).flatMap((p) => belowFloors(by[p], floors[p]).map((m) => `${p === 'overall' ? '全部' : PERSONA_NAMES[p]}：${m}`));
  const target = belowFloors(by.overall, floors.targets);
  console.log(`\n目标（success@5 ≥ ${floors.targets.success5}，nDCG@10 ≥ ${floors.targets.ndcg10}）：${target.length === 0 ? '已达到' : `未达到——${target.join('；')}`}`);
  const raise = raisableFloors(by.overall, floors.overall);
  if (Object.keys(raise).length > 0) console.log(`可以提高 ${FLOORS_FILE} 中的下限：${JSON.stringify(raise)}`);
  if (failed.length > 0) {
    console.error(`低于 ${FLOORS_FILE} 中的下限：${failed.join('；')}`);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  server.close();
}
