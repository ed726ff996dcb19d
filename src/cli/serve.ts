/**
 * `npm run serve [folder] [port]`: serves a built edition on this machine, for the intranet
 * package and for a quick look at `dist/` without Astro.
 */
import { existsSync } from 'node:fs';
import { serveStatic } from '../lib/static-server.ts';

const dir = process.argv[2] ?? 'dist';
const port = Number(process.argv[3] ?? process.env['PORT'] ?? 4321);
if (!existsSync(dir)) {
  console.error(`找不到站点目录“${dir}”，请先运行 npm run build。`);
  process.exit(1);
}
serveStatic(dir).listen(port, '127.0.0.1', () => {
  console.log(`廉鉴已在 http://127.0.0.1:${port}/ 提供服务（目录：${dir}），按 Ctrl+C 停止。`);
});
