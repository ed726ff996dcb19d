import { spawnSync } from 'node:child_process';

export interface BuildResult {
  status: number | null;
  output: string;
}

/**
 * Runs `astro build` (and Pagefind when asked) with the given environment: a content folder,
 * an edition, an output folder. The caller owns the folders.
 */
export function buildSite(env: Record<string, string>, { pagefind = false } = {}): BuildResult {
  const outDir = env['LIANJIAN_OUT'];
  if (!outDir) throw new Error('buildSite needs LIANJIAN_OUT: a test never builds into dist/, which npm start may be serving');
  const run = (cmd: string, args: string[]) =>
    spawnSync(cmd, args, { env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const astro = run('npx', ['astro', 'build']);
  let output = `${astro.stdout}${astro.stderr}`;
  if (astro.status !== 0 || !pagefind) return { status: astro.status, output };
  const pf = run('node', ['src/cli/index-search.ts', outDir]);
  output += `${pf.stdout}${pf.stderr}`;
  return { status: pf.status, output };
}
