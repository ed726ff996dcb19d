import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { dataStoreCode, dataStorePlugin, releaseContentLayer } from '../../src/integrations/data-store-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'lianjian-data-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// What the content sync writes (devalue's flattened JSON), with a case's Chinese text and quotes as editors wrote them.
const json = JSON.stringify([['Map', 1, 2], 'cases', ['Map', 3, 4], 'bench-000001', { id: 3, data: 5, rendered: 6 }, { title: 7 }, { html: 8 }, '某县财政局出纳员张某挪用“小金库”现金案', '<h2 id="基本案情">基本案情</h2><p>张某\\n</p>']);
const file = join(dir, 'data-store.json');
writeFileSync(file, json);

type Transform = { handler: (code: string, id: string) => { code: string } | null };
const transform = (plugin: ReturnType<typeof dataStorePlugin>, code: string, id: string) => (plugin.transform as unknown as Transform).handler(code, id);

describe('the prerenderer reads the content store from its file, not from a bundled string', () => {
  it('replaces the data-store module’s inlined store with a read of the file, which gives the same entries', async () => {
    // Astro's own module for the same file (vite-plugin-content-virtual-mod.js).
    const astroCode = `export default JSON.parse(${JSON.stringify(json)})`;
    const out = transform(dataStorePlugin(file), astroCode, '\0astro:data-layer-content');
    expect(out?.code).toBe(dataStoreCode(file));
    // The bundler no longer sees any entry's text.
    expect(out?.code).not.toContain('张某');
    const module = join(dir, 'store.mjs');
    writeFileSync(module, out?.code ?? '');
    const ours = ((await import(pathToFileURL(module).href)) as { default: unknown }).default;
    const astros = ((await import(`data:text/javascript,${encodeURIComponent(astroCode)}`)) as { default: unknown }).default;
    expect(ours).toEqual(astros);
    expect(JSON.stringify(ours)).toContain('张某挪用“小金库”现金案');
  });

  it('leaves every other module, and a build with no store file yet, to Astro', () => {
    expect(transform(dataStorePlugin(file), 'export default 1', '/src/pages/index.astro')).toBeNull();
    expect(transform(dataStorePlugin(join(dir, 'missing.json')), 'export default new Map()', '\0astro:data-layer-content')).toBeNull();
  });
});

describe('the content sync’s copy of the store is let go before pages render', () => {
  it('finds Astro’s content-layer singleton and releases it without a warning', async () => {
    const warnings: string[] = [];
    const logger = { warn: (m: string) => warnings.push(m) } as unknown as Parameters<typeof releaseContentLayer>[1];
    await releaseContentLayer(new URL('../../', import.meta.url), logger);
    // A later Astro that moves or renames the singleton makes the build warn; this test fails first.
    expect(warnings).toEqual([]);
  });
});
