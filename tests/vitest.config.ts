import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  test: {
    root,
    testTimeout: 60_000,
    hookTimeout: 300_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'site',
          include: ['tests/build/**/*.test.ts', 'tests/browser/**/*.test.ts'],
          // The real site is built once for every build-output and browser test.
          globalSetup: ['tests/helpers/global-setup.ts'],
          // Fixture builds and the browser share the machine's two cores; run files one at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
