/**
 * `npm test`: the lint (ESLint and the layering rules, eslint.config.mjs), then every test of the
 * project — Jest (unit, components, integration on PostgreSQL) with coverage of app/, components/
 * and lib/ (lcov in .data/coverage), then the browser tests on a production build. Each step runs
 * even when an earlier one failed; the exit code is then non-zero. PostgreSQL is TEST_POSTGRES_URL
 * (and E2E_POSTGRES_URL) when given, or else an embedded server started for the run: no
 * PostgreSQL needs to be installed.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { siblingDatabase, startTestPostgres } from "./test-postgres";

const coverageSummaryFile = path.resolve(".data", "coverage", "coverage-summary.json");

/** Jest prints its coverage before the browser tests; this repeats it beside the final summary. */
function coverageLine(): string | null {
  if (!existsSync(coverageSummaryFile)) return null;
  const total = JSON.parse(readFileSync(coverageSummaryFile, "utf8")).total;
  const parts = (["statements", "branches", "functions", "lines"] as const).map((key) => `${key} ${total[key].pct}%`);
  return `Coverage (app, components, lib): ${parts.join(", ")}`;
}

async function main(): Promise<number> {
  const resultsDir = path.resolve(".data", "test-results");
  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });
  rmSync(coverageSummaryFile, { force: true });

  const server = process.env.TEST_POSTGRES_URL ? null : await startTestPostgres();
  try {
    const testUrl = process.env.TEST_POSTGRES_URL ?? server!.url;
    const env = {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      TEST_POSTGRES_URL: testUrl,
      E2E_POSTGRES_URL: process.env.E2E_POSTGRES_URL ?? (await siblingDatabase(testUrl, "d3_e2e")),
    };
    const run = (command: string, args: string[], extraEnv: Record<string, string> = {}) =>
      spawnSync(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } }).status ?? 1;

    const jestFile = path.join(resultsDir, "jest.json");
    const playwrightFile = path.join(resultsDir, "playwright.json");
    const lintStatus = run("npm", ["run", "--silent", "lint"]);
    const jestStatus = run("npx", ["jest", "--coverage", "--json", `--outputFile=${jestFile}`]);
    const e2eStatus = run("npx", ["tsx", "tests/support/run-e2e.ts", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightFile });

    const total = { passed: 0, failed: 0, skipped: 0 };
    try {
      const jest = JSON.parse(readFileSync(jestFile, "utf8"));
      total.passed += jest.numPassedTests;
      total.failed += jest.numFailedTests + jest.numRuntimeErrorTestSuites;
      total.skipped += jest.numPendingTests + jest.numTodoTests;
    } catch {}
    try {
      const stats = JSON.parse(readFileSync(playwrightFile, "utf8")).stats;
      total.passed += stats.expected + stats.flaky;
      total.failed += stats.unexpected;
      total.skipped += stats.skipped;
    } catch {}
    const ok = lintStatus === 0 && jestStatus === 0 && e2eStatus === 0;
    const verdict = (status: number) => (status === 0 ? "vert" : `code ${status}`);
    const coverage = coverageLine();
    if (coverage) console.log(`\n${coverage}`);
    if (!ok) console.error(`\nÉchec : lint ${verdict(lintStatus)}, Jest ${verdict(jestStatus)}, navigateur ${verdict(e2eStatus)}.`);
    console.log(`\nSummary: ${total.passed} passed, ${ok ? total.failed : Math.max(total.failed, 1)} failed, ${total.skipped} skipped`);
    return ok ? 0 : 1;
  } finally {
    await server?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
