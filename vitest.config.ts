import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/**/src/**/*.test.ts', 'bench/src/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['packages/**/src/**/*.int.test.ts', 'bench/src/**/*.int.test.ts'],
          exclude: ['**/node_modules/**'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
          // one fork runs the database files in turn: PGlite is CPU-heavy, and parallel forks on 2 cores starved
          // vitest's own RPC (onTaskUpdate timeouts) even though every test passed
          poolOptions: { forks: { singleFork: true } },
        },
      },
    ],
  },
});
