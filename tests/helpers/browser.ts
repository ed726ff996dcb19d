/**
 * The browser side of the harness: connects to the shared Chromium from global setup and opens
 * pages on the served test build (dist-test/), collecting console errors so every test can assert there were none.
 */
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { INSTALL_HINT } from './chromium.ts';

export const baseURL = inject('baseURL');
const wsEndpoint = inject('wsEndpoint');

/** `describe` for browser tests: skipped, with the install command, when there is no Chromium. */
export const describeBrowser = wsEndpoint ? describe : describe.skip;
if (!wsEndpoint) console.warn(`跳过浏览器测试（未安装 Chromium）。${INSTALL_HINT}`);

export interface OpenedPage {
  page: Page;
  errors: string[];
}

export function useBrowser() {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await chromium.connect(wsEndpoint);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
  });
  return {
    /** A fresh context (its own storage), so tests never see each other's state. */
    async open(path: string, options: Pick<BrowserContextOptions, 'javaScriptEnabled' | 'serviceWorkers' | 'viewport'> = {}): Promise<OpenedPage> {
      if (!browser) throw new Error('browser not connected');
      const context = await browser.newContext({ baseURL, ...options });
      contexts.push(context);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(msg.text());
      });
      page.on('pageerror', (err) => errors.push(err.message));
      await page.goto(path);
      return { page, errors };
    },
  };
}
