/**
 * `npm start [-- --port N]`: checks the port first, then builds the site (`npm run build`) and
 * serves dist/. A busy or invalid port is reported in seconds, not after a build of minutes.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkPort, choosePort, parseServeArgs, runCli, serveSite } from '../lib/serve-site.ts';

const retry = 'npm start -- --port 4400';
const root = fileURLToPath(new URL('../..', import.meta.url));

runCli(async () => {
  const args = parseServeArgs(process.argv.slice(2), ['port'], retry);
  const port = choosePort(args, 4321, retry);
  const host = process.env['HOST'] ?? '127.0.0.1';
  await checkPort(port, host, retry);
  // npm sets npm_execpath to its own entry point; run the build with the same npm and Node.
  const npm = process.env['npm_execpath'];
  const build = npm ? spawnSync(process.execPath, [npm, 'run', 'build'], { cwd: root, stdio: 'inherit' }) : spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  await serveSite({ dir: resolve(root, 'dist'), port, host, retry });
});
