/**
 * `npm run serve [folder] [port]` (or `--port N`): serves a built site on this machine. The intranet
 * package bundles this file as serve.mjs, with its folder and CSP header defined at packaging time;
 * there it takes only a port, and finds its site next to itself whatever directory it starts in.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { choosePort, parseServeArgs, runCli, serveSite } from '../lib/serve-site.ts';

const packaged = process.env['LIANJIAN_DEFAULT_SITE'];
const here = dirname(fileURLToPath(import.meta.url));
const retry = packaged ? 'node serve.mjs --port 9000' : 'npm run serve -- dist --port 4400';

runCli(async () => {
  const args = parseServeArgs(process.argv.slice(2), packaged ? ['port'] : ['dir', 'port'], retry);
  const port = choosePort(args, packaged ? 8080 : 4321, retry);
  // A folder named on the command line is the user's, relative to where they are; the default is
  // the project's own dist/ (or the package's site/), wherever the command starts.
  const dir = packaged ? resolve(here, packaged) : args.dir !== undefined ? resolve(args.dir) : resolve(here, '../../dist');
  await serveSite({ dir, port, host: process.env['HOST'] ?? '127.0.0.1', retry, csp: process.env['LIANJIAN_CSP'] });
});
