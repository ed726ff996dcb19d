/**
 * `npm run serve [folder] [port]`: serves a built site on this machine. The intranet package
 * bundles this file as serve.mjs, with its folder, port and CSP header defined at packaging time.
 */
import { existsSync } from 'node:fs';
import { serveStatic } from '../lib/static-server.ts';

const packaged = process.env['LIANJIAN_DEFAULT_SITE'];
const dir = (packaged ? undefined : process.argv[2]) ?? packaged ?? 'dist';
const port = Number((packaged ? process.argv[2] : process.argv[3]) ?? process.env['PORT'] ?? (packaged ? 8080 : 4321));
const host = process.env['HOST'] ?? '127.0.0.1';
const csp = process.env['LIANJIAN_CSP'];

if (!existsSync(dir)) {
  console.error(`找不到站点目录“${dir}”，请先运行 npm run build。`);
  process.exit(1);
}
serveStatic(dir, csp ? { 'content-security-policy': csp } : {}).listen(port, host, () => {
  console.log(`廉鉴已在 http://${host}:${port}/ 提供服务（目录：${dir}），按 Ctrl+C 停止。`);
});
