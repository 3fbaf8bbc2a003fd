import { defineConfig } from "@playwright/test";
import { E2E_PORT } from "./env";

/** Browser tests in Debian's Chromium against the production build (`npm run test:e2e`). */
export default defineConfig({
  testDir: ".",
  outputDir: "../../.data/e2e/results",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  fullyParallel: false,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    browserName: "chromium",
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-dev-shm-usage"],
    },
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
  },
  webServer: {
    command: "npx tsx tests/support/e2e-server.ts",
    cwd: "../..",
    url: `http://localhost:${E2E_PORT}/connexion`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
