import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { Plugin } from 'vite';

/**
 * Astro hands its content data store to the bundler as one module, `export default
 * JSON.parse("<the whole store>")`: at 10,000 cases a string literal of about 100 MB that Rolldown
 * parses and writes out again (its native memory and most of “Building static entrypoints”), and
 * that the prerenderer then keeps three times over while every page renders: the chunk's source,
 * the literal in the compiled code's constant pool, and the parsed entries (src/bench/README.md,
 * “What grows with the library”). A static build's server code runs only during the build, on
 * this machine, right after the content sync wrote the store to the cache folder; so here the
 * module reads that file when the prerenderer first asks for the store, and only the parsed entries
 * stay. The entries are exactly those Astro's own module would give (the same file, the same
 * devalue format, which Astro's store unflattens); the dev server keeps Astro's module, which it
 * reloads as files change. The sync's own copy of the store is released before pages render too
 * (releaseContentLayer below).
 */
const DATA_STORE_MODULE = '\0astro:data-layer-content';

/** The code of the data-store module: the store read from `file` when the prerenderer imports it. */
export const dataStoreCode = (file: string) => `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));\n`;

/**
 * The Vite plugin. Astro's own plugin (also `pre`, and first) loads the module; replacing its code
 * here keeps the store out of the bundler. Without a store file Astro's answer (an empty Map)
 * stands, as it would have.
 */
export function dataStorePlugin(file: string): Plugin {
  return {
    name: 'lianjian:data-store-file',
    enforce: 'pre',
    transform: {
      filter: { id: /^\0astro:data-layer-content$/ },
      handler(_code, id) {
        if (id !== DATA_STORE_MODULE || !existsSync(file)) return null;
        return { code: dataStoreCode(file), map: { mappings: '' } };
      },
    },
  };
}

/**
 * The content sync's own store (every entry, its data and rendered HTML) stays referenced by
 * Astro's content-layer singleton after the sync has written it out: the sync disposes the layer's
 * watchers but keeps the instance (core/sync/index.js), so a build carries that copy through page
 * generation, which reads the store from the file. Releasing the singleton lets it go. It is
 * Astro's internal module, reached by path: if a later Astro moves it, the build says so and goes
 * on with the memory it used before.
 */
export async function releaseContentLayer(root: URL, logger: AstroIntegrationLogger): Promise<void> {
  try {
    const astro = createRequire(new URL('package.json', root)).resolve('astro/package.json');
    const instance = (await import(pathToFileURL(join(dirname(astro), 'dist/content/instance.js')).href)) as { globalContentLayer?: { dispose?: () => void } };
    if (typeof instance.globalContentLayer?.dispose !== 'function') throw new Error('globalContentLayer.dispose 不存在');
    instance.globalContentLayer.dispose();
  } catch (error) {
    logger.warn(`未能释放内容同步留下的数据副本（${error instanceof Error ? error.message : String(error)}），构建照常进行，只是多占内存`);
  }
}

export default function dataStoreFile(): AstroIntegration {
  let root: URL | undefined;
  return {
    name: 'lianjian:data-store-file',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        // Astro's own name and place for the single-file store (content/paths.js, getDataStoreFile).
        updateConfig({ vite: { plugins: [dataStorePlugin(fileURLToPath(new URL('data-store.json', config.cacheDir)))] } });
        root = config.root;
      },
      'astro:build:start': async ({ logger }) => {
        if (root) await releaseContentLayer(root, logger);
      },
    },
  };
}
