/**
 * `npm test`: every test of the project, in order — Jest (unit, components, integration on SQLite
 * and, when TEST_POSTGRES_URL is set, on PostgreSQL), then the browser tests on a production
 * build. On CI, PostgreSQL is required: skipping it would hide half of the integration tests.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const resultsDir = path.resolve(".data", "test-results");
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const postgres = [
  ["TEST_POSTGRES_URL", "les tests d'intégration PostgreSQL"],
  ["E2E_POSTGRES_URL", "le test navigateur du suivi en direct entre deux instances sur PostgreSQL"],
] as const;
for (const [variable, what] of postgres) {
  if (process.env[variable]) continue;
  const message = `${variable} n'est pas défini : ${what} ne tourneront pas.`;
  if (process.env.CI) {
    console.error(`${message} (obligatoire en CI)`);
    process.exit(1);
  }
  console.warn(`⚠ ${message} Voir le README, section Test.`);
}

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const run = (command: string, args: string[], extraEnv: Record<string, string> = {}) =>
  spawnSync(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } }).status ?? 1;

const jestFile = path.join(resultsDir, "jest.json");
const playwrightFile = path.join(resultsDir, "playwright.json");
const jestStatus = run("npx", ["jest", "--json", `--outputFile=${jestFile}`]);
const e2eStatus = jestStatus === 0 ? run("npx", ["tsx", "tests/support/run-e2e.ts", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightFile }) : 1;

function counts(): { passed: number; failed: number; skipped: number } {
  const total = { passed: 0, failed: 0, skipped: 0 };
  try {
    const jest = JSON.parse(readFileSync(jestFile, "utf8"));
    total.passed += jest.numPassedTests;
    total.failed += jest.numFailedTests;
    total.skipped += jest.numPendingTests + jest.numTodoTests;
  } catch {}
  try {
    const stats = JSON.parse(readFileSync(playwrightFile, "utf8")).stats;
    total.passed += stats.expected + stats.flaky;
    total.failed += stats.unexpected;
    total.skipped += stats.skipped;
  } catch {}
  return total;
}

const { passed, failed, skipped } = counts();
const ok = jestStatus === 0 && e2eStatus === 0;
console.log(`\nSummary: ${passed} passed, ${ok ? failed : Math.max(failed, 1)} failed, ${skipped} skipped`);
process.exit(ok ? 0 : 1);
