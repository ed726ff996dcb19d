/**
 * Before the build-output and browser tests: builds the real site once (astro build + Pagefind),
 * into dist-test/ (never dist/, which `npm start` may be serving), serves it on a free loopback
 * port and starts one shared Chromium, if there is one.
 * LIANJIAN_TEST_REUSE_DIST=1 reuses an existing dist-test/ while iterating locally.
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { serveStatic } from '../../src/lib/static-server.ts';
import { buildSite } from './build.ts';
import { CHROMIUM, CHROMIUM_ARGS, INSTALL_HINT } from './chromium.ts';
import { DIST } from './dist.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    /** Empty when no Chromium is installed; browser tests then skip (or fail in CI). */
    wsEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!(process.env['LIANJIAN_TEST_REUSE_DIST'] === '1' && existsSync(`${DIST}/pagefind`))) {
    const result = buildSite({ LIANJIAN_EDITION: 'public', LIANJIAN_OUT: DIST }, { pagefind: true });
    if (result.status !== 0) throw new Error(`站点构建失败：\n${result.output.slice(-4000)}`);
  }
  const server = serveStatic(DIST);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  project.provide('baseURL', `http://127.0.0.1:${(server.address() as AddressInfo).port}`);

  let browser: BrowserServer | undefined;
  if (existsSync(CHROMIUM)) {
    browser = await chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    project.provide('wsEndpoint', browser.wsEndpoint());
  } else if (process.env['LIANJIAN_REQUIRE_BROWSER'] === '1') {
    throw new Error(`浏览器测试必须运行，但找不到 ${CHROMIUM}。${INSTALL_HINT}`);
  } else {
    project.provide('wsEndpoint', '');
    console.warn(`\n浏览器测试将跳过：找不到 ${CHROMIUM}。${INSTALL_HINT}\n`);
  }
  return async () => {
    await browser?.close();
    await new Promise((resolve) => server.close(resolve));
  };
}
