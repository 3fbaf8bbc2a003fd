import { spawnSync } from "node:child_process";

// A smoke run of `npm run bench:queue` at a tiny size, on this file's own database (which the
// bench wipes): the filling SQL, every measured query and the verdict table still work. The real
// measurement (100 000 and 1 000 000 requests) takes minutes and stays out of the test suite.
test("the queue benchmark fills, measures and judges at a small size", () => {
  const run = spawnSync("npx", ["tsx", "tests/support/bench-queue.ts", "300", "600"], {
    env: { ...process.env, BENCH_POSTGRES_URL: process.env.DATABASE_URL, BENCH_RUNS: "2" },
    encoding: "utf8",
  });
  // 0: goals met, 1: a goal missed (possible on a loaded machine), anything else: the bench broke.
  if (run.status !== 0 && run.status !== 1) throw new Error(`bench-queue exited with ${run.status}:\n${run.stderr}`);
  expect(run.stdout).toContain("600 demandes insérées, indexées et analysées");
  expect(run.stdout).toMatch(/Recherche par numéro exact, centre +\| +[\d.]+ \| +[\d.]+ \| +[\d.]+ \| +[\d.]+ \| /);
  expect(run.stdout).toMatch(/Recherche par numéro exact, centre +\| +[\d.]+ \| +[\d.]+ \| 1 lignes \/ 1/);
}, 120_000);
