import {availableParallelism} from "node:os";
import {defineConfig} from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/helpers/setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 600_000,
    pool: "forks",
    // Vitest's default is one file at a time on two cores; the page tests, builds and
    // command runs spend much of their time waiting (settle windows, child processes, the
    // build lock), so two at a time take a fifth less on two cores.
    maxWorkers: Math.max(2, availableParallelism() - 1)
  }
});
