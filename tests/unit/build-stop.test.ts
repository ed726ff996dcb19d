/**
 * Where a benchmark build stopped (src/bench/build-stop.ts), read from real log lines: Astro's
 * build log of a 3,265-entry corpus (/tmp/h21b3k/build.log, session 6), Node 24's own messages
 * when the heap or a string runs out, the error Astro printed when a loader failed (bench-run.log),
 * and `/usr/bin/time -v`'s first line for a killed and a failed command.
 */
import { describe, expect, it } from 'vitest';
import { buildStop, describeStop, stopReason } from '../../src/bench/build-stop.ts';

const CHECKED = '14:38:44 [lianjian:content-check] 内容检查通过：/tmp/h21b3k/content 中共 3265 条内容';
const SYNCING = '14:38:48 [content] Syncing content';
const UP_TO_ENTRYPOINTS = `${CHECKED}
${SYNCING}
14:38:58 [content] Synced content
14:38:58 [types] Generated 13.92s
14:38:58 [build] output: "static"
14:38:58 [build] mode: "static"
14:38:58 [build] directory: /tmp/h21b3k/dist/
14:38:58 [build] Collecting build info...
14:38:58 [build] ✓ Completed in 33.11s.
14:38:58 [build] Building static entrypoints...
14:39:08 [vite] ✓ built in 9.27s
14:39:10 [vite] ✓ built in 827ms
14:39:10 [build] Rearranging server assets...
`;
const ROUTES = `${UP_TO_ENTRYPOINTS}
 generating static routes 
14:39:16   ├─ /404.html (+54ms) 
14:39:16   ├─ /builder/catalog.json (+6ms) 
14:39:16   ├─ /builder/courseware.json (+66ms) 
14:39:16   ├─ /builder/index.html (+15ms) 
14:39:16   ├─ /cases/page/2/index.html (+11ms) 
14:39:16   ├─ /cases/page/3/index.html (+7ms) 
`;
const DONE = `${ROUTES}14:39:29   ├─ /units/index.html (+7ms) 
14:39:29   ├─ /index.html (+7ms) 
14:39:29 ✓ Completed in 19.78s.

14:39:29 [build] ✓ Completed in 30.99s.
14:39:31 [@astrojs/sitemap] \`sitemap-index.xml\` created at \`dist\`
14:39:43 [lianjian:output-sweep] 产物检查通过：构建产物中的每个资源文件都由已发布的页面引用
14:39:43 [build] 4612 page(s) built in 1m 18s
14:39:43 [build] Complete!
`;
/** Node 24.21's report when V8 reaches its heap limit (the process aborts: time reports status 134). */
const HEAP_OOM = `
<--- Last few GCs --->

[12858:0x3eed8000]     1934 ms: Mark-Compact 14.8 (28.5) -> 14.0 (31.3) MB, pooled: 0 MB, 24.37 / 0.00 ms  (average mu = 0.981, current mu = 0.981)[12858:0x3eed8000]     2672 ms: Mark-Compact 24.0 (33.0) -> 22.1 (55.6) MB, pooled: 0 MB, 578.25 / 0.00 ms  (average mu = 0.763, current mu = 0.217) allocation failure; scavenge might not succeed

FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory
----- Native stack trace -----

 1: 0x931db0  [node]
 2: 0x75968e node::OOMErrorHandler(char const*, v8::OOMDetails const&) [node]
 3: 0xc70d60  [node]
Aborted
`;
const STRING_LIMIT = `
RangeError: Invalid string length
    at [eval]:1:28
    at runScriptInThisContext (node:internal/vm:219:10)

Node.js v24.21.0
`;
/** The 100,000-case single site's build.log from 「Building static entrypoints」 on (bench:federated --single-only, 2026-11-29 21:44). */
const NAPI_STRING = `<anonymous_script>:0


[Error: Failed to convert rust \`&str\` into napi \`string\`] {
  code: 'GenericFailure'
}

Node.js v24.21.0
`;
const LOADER_ERROR = `16:03:24 [content] Syncing content
store.addAssetImports is not a function
  Location:
    /work/wt-integ/node_modules/astro/dist/content/loaders/glob.js:113:19
  Stack trace:
    at syncData (/work/wt-integ/node_modules/astro/dist/content/loaders/glob.js:113:19)
`;

describe('where a benchmark build stopped', () => {
  it('says the build never got past the content check when the log is still empty', () => {
    expect(buildStop('', 'Command terminated by signal 9\n\tCommand being timed: "npx astro build --root /work/wt-h20q"')).toEqual({
      phase: 'content-check',
      reason: '被 SIGKILL 终止（超时被停止，或系统内存耗尽时被内核结束）',
    });
  });

  it('follows Astro through syncing content and bundling the entrypoints', () => {
    expect(buildStop(`${CHECKED}\n`).phase).toBe('checked');
    expect(buildStop(`${CHECKED}\n${SYNCING}\n`).phase).toBe('sync');
    expect(buildStop(UP_TO_ENTRYPOINTS).phase).toBe('entrypoints');
  });

  it('counts the routes generated before the heap ran out, and names the last one', () => {
    const stop = buildStop(`${ROUTES}${HEAP_OOM}`, 'Command exited with non-zero status 134');
    expect(stop).toEqual({
      phase: 'routes',
      pages: 6,
      lastPage: '/cases/page/3/index.html',
      reason: 'V8 堆内存耗尽（FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory）',
    });
    expect(describeStop(stop, 11_204_000_000)).toBe(
      '停在生成静态页面（generating static routes），已生成 6 个静态路由（最后一个 /cases/page/3/index.html）；峰值内存 11.20 GB；V8 堆内存耗尽（FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory）',
    );
  });

  it('does not mistake the routes’ “✓ Completed” for the earlier [build] ones', () => {
    // "[build] ✓ Completed in 33.11s." after collecting build info comes before the entrypoints.
    expect(buildStop(UP_TO_ENTRYPOINTS).phase).toBe('entrypoints');
    expect(buildStop(DONE.split('14:39:31')[0] ?? '').phase).toBe('finishing');
    expect(buildStop(DONE)).toMatchObject({ phase: 'complete', pages: 8, lastPage: '/index.html' });
  });

  it('names a string past V8’s length limit while bundling the store', () => {
    const stop = buildStop(`${UP_TO_ENTRYPOINTS}${STRING_LIMIT}`, 'Command exited with non-zero status 1');
    expect(stop.phase).toBe('entrypoints');
    expect(describeStop(stop, 6_480_000_000)).toBe(
      '停在打包静态入口（Building static entrypoints：Vite 打包页面模块和数据存储）；峰值内存 6.48 GB；字符串超过 V8 的长度上限（RangeError: Invalid string length）',
    );
  });

  it('names a string too long for V8 handed over by the Rust bundler (100,000 cases in one site)', () => {
    const stop = buildStop(`${UP_TO_ENTRYPOINTS.split('14:39:08')[0]}${NAPI_STRING}`, 'Command exited with non-zero status 1');
    expect(describeStop(stop, 6_460_000_000)).toBe(
      '停在打包静态入口（Building static entrypoints：Vite 打包页面模块和数据存储）；峰值内存 6.46 GB；打包器（Rolldown，Rust）交给 JavaScript 的字符串超过 V8 的长度上限（Failed to convert rust `&str` into napi `string`）',
    );
  });

  it('quotes the message Astro printed above its Location and Stack trace', () => {
    expect(buildStop(LOADER_ERROR, 'Command exited with non-zero status 1')).toEqual({ phase: 'sync', reason: '出错：store.addAssetImports is not a function' });
  });

  it('falls back on the exit status and the last log line, and reports a time limit as such', () => {
    expect(stopReason('内容检查发现 2 个问题\ncontent/cases/a.md：字段 date 应是日期\n', 'Command exited with non-zero status 1')).toBe('退出码 1，日志最后一行：content/cases/a.md：字段 date 应是日期');
    expect(describeStop(buildStop(`${CHECKED}\n${SYNCING}\n`), 9_870_000_000, { timedOutAfterMinutes: 60 })).toBe(
      '停在同步内容（Syncing content：全部条目读入 Astro 的数据存储）；峰值内存 9.87 GB；超过 60 分钟被停止',
    );
    // The indexing step has no Astro phases: only memory and reason.
    expect(describeStop(buildStop(HEAP_OOM), 7_000_000_000, { astro: false })).toBe('峰值内存 7.00 GB；V8 堆内存耗尽（FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory）');
  });

  it('reads a whole Astro build that ran out of heap as its routes began (NODE_OPTIONS=--max-old-space-size=100, 1,000 cases)', () => {
    // bench:federated --single-only --sites 2 --cases 500, 2026-11-29 18:37, build.log and build.log.time as written.
    const log = `18:37:17 [lianjian:content-check] 内容检查通过：/tmp/lianjian-federated-ZCpkyj/single/content 中共 1235 条内容
18:37:24 [content] Syncing content
18:37:36 [content] Synced content
18:37:36 [types] Generated 17.89s
18:37:36 [build] output: "static"
18:37:36 [build] mode: "static"
18:37:36 [build] directory: /tmp/lianjian-federated-ZCpkyj/single/dist/
18:37:36 [build] Collecting build info...
18:37:36 [build] ✓ Completed in 24.28s.
18:37:36 [build] Building static entrypoints...
18:37:43 [vite] ✓ built in 6.50s
18:37:44 [vite] ✓ built in 864ms
18:37:44 [build] Rearranging server assets...

 generating static routes 

<--- Last few GCs --->

[6591:0x2d805000]    37161 ms: Mark-Compact 96.7 (100.3) -> 95.5 (101.3) MB, pooled: 0 MB, 195.24 / 0.00 ms  (average mu = 0.107, current mu = 0.024) allocation failure; scavenge might not succeed

FATAL ERROR: Ineffective mark-compacts near heap limit Allocation failed - JavaScript heap out of memory
----- Native stack trace -----

 1: 0x931db0  [node]
Aborted
`;
    const stop = buildStop(log, 'Command exited with non-zero status 134\n\tCommand being timed: "npx astro build --root /work/wt-h20q/"');
    expect(describeStop(stop, 820_000_000)).toBe(
      '停在生成静态页面（generating static routes），已生成 0 个静态路由；峰值内存 0.82 GB；V8 堆内存耗尽（FATAL ERROR: Ineffective mark-compacts near heap limit Allocation failed - JavaScript heap out of memory）',
    );
  });
});
