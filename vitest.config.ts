import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One embedded PostgreSQL server for the run; each test takes its own database (test/helpers/postgres.ts).
    globalSetup: ['test/support/postgres-global.ts'],
    testTimeout: 30_000,
    // Bots and CLIs the tests start must not read a developer's .env (its tokens would reach real platforms).
    env: { VERSUS_ENV_FILE: '' },
    // Hooks start real bot processes through tsx (a cold compile each): at load average 10 two of them took
    // over 30 s to be ready. A bound on a hang, not a speed target.
    hookTimeout: 90_000,
    // better-sqlite3 is a native addon; forks isolate it more safely than worker threads.
    pool: 'forks',
    // Vitest's default (cores - 1) runs one file at a time on a 2-core CI machine, and most of this suite's
    // time is spent waiting on the bots, CLIs and PostgreSQL it starts: two at a time took the clean-clone
    // run from 708 s to 500 s here, all 152 files green.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
