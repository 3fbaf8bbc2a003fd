/**
 * `npm test`: every test of the project — Jest (unit, components, integration on PostgreSQL),
 * then the browser tests on a production build, even when a Jest test failed (the exit code then
 * stays non-zero). PostgreSQL is TEST_POSTGRES_URL (and E2E_POSTGRES_URL) when given, or else an
 * embedded server started for the run: no PostgreSQL needs to be installed.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { siblingDatabase, startTestPostgres } from "./test-postgres";

async function main(): Promise<number> {
  const resultsDir = path.resolve(".data", "test-results");
  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });

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
    const jestStatus = run("npx", ["jest", "--json", `--outputFile=${jestFile}`]);
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
    const ok = jestStatus === 0 && e2eStatus === 0;
    if (!ok) console.error(`\nÉchec : Jest ${jestStatus === 0 ? "vert" : `code ${jestStatus}`}, navigateur ${e2eStatus === 0 ? "vert" : `code ${e2eStatus}`}.`);
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
