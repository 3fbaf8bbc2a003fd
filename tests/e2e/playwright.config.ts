import { defineConfig } from "@playwright/test";
import { E2E_DIRECTORY_PORTS, E2E_LIVE_PORTS, E2E_PORT } from "./env";

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

const server = (kind: "journeys" | "live" | "directories", port: number) => ({
  command: `npx tsx tests/support/e2e-server.ts ${kind}`,
  cwd: "../..",
  url: `http://localhost:${port}/connexion`,
  reuseExistingServer: false,
  timeout: 180_000,
  stdout: "pipe" as const,
  stderr: "pipe" as const,
});

/**
 * Browser tests in Debian's Chromium against the production build (`npm run test:e2e`, with
 * E2E_POSTGRES_URL set; `npm test` sets it): every journey on one instance, the live update
 * across two app instances sharing a database, and the sign-in through the ENF's LDAP directory
 * and OpenID Connect provider on two more.
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
    { name: "journeys", testIgnore: /\.(live|directories)\.spec\.ts$/, use: { ...chromium, baseURL: `http://localhost:${E2E_PORT}` } },
    { name: "live", testMatch: /\.live\.spec\.ts$/, use: { ...chromium, baseURL: `http://localhost:${E2E_LIVE_PORTS[0]}` } },
    { name: "directories", testMatch: /\.directories\.spec\.ts$/, use: { ...chromium, baseURL: `http://localhost:${E2E_DIRECTORY_PORTS.ldap}` } },
  ],
  webServer: [server("journeys", E2E_PORT), server("live", E2E_LIVE_PORTS[0]), server("directories", E2E_DIRECTORY_PORTS.ldap)],
});
