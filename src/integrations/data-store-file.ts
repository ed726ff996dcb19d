import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
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
 * reloads as files change.
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

export default function dataStoreFile(): AstroIntegration {
  return {
    name: 'lianjian:data-store-file',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        // Astro's own name and place for the single-file store (content/paths.js, getDataStoreFile).
        updateConfig({ vite: { plugins: [dataStorePlugin(fileURLToPath(new URL('data-store.json', config.cacheDir)))] } });
      },
    },
  };
}
