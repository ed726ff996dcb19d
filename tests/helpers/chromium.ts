/** The test harness uses the same Chromium and flags as `npm run search:eval` and the benchmark. */
export { CHROMIUM, CHROMIUM_ARGS, INSTALL_HINT } from '../../src/lib/chromium.ts';
