import { defineConfig } from "@playwright/test";
import { E2E_PORT, E2E_POSTGRES_PORTS, E2E_POSTGRES_URL } from "./env";

const chromium = {
  browserName: "chromium" as const,
  locale: "fr-FR",
  timezoneId: "Europe/Paris",
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-dev-shm-usage"],
  },
  screenshot: "only-on-failure" as const,
  trace: "retain-on-failure" as const,
};

const server = (database: "sqlite" | "postgres", port: number) => ({
  command: `npx tsx tests/support/e2e-server.ts ${database}`,
  cwd: "../..",
  url: `http://localhost:${port}/connexion`,
  reuseExistingServer: false,
  timeout: 180_000,
  stdout: "pipe" as const,
  stderr: "pipe" as const,
});

/**
 * Browser tests in Debian's Chromium against the production build (`npm run test:e2e`): every
 * journey on the embedded SQLite database, and, when E2E_POSTGRES_URL is set, the live update
 * across two app instances sharing one PostgreSQL.
 */
export default defineConfig({
  testDir: ".",
  outputDir: "../../.data/e2e/results",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  fullyParallel: false,
  reporter: [["list"]],
  projects: [
    { name: "sqlite", testIgnore: /\.postgres\.spec\.ts$/, use: { ...chromium, baseURL: `http://localhost:${E2E_PORT}` } },
    ...(E2E_POSTGRES_URL ? [{ name: "postgres", testMatch: /\.postgres\.spec\.ts$/, use: { ...chromium, baseURL: `http://localhost:${E2E_POSTGRES_PORTS[0]}` } }] : []),
  ],
  webServer: [server("sqlite", E2E_PORT), ...(E2E_POSTGRES_URL ? [server("postgres", E2E_POSTGRES_PORTS[0])] : [])],
});
