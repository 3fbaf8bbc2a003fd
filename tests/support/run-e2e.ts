/** Builds the app, then runs the browser tests against the build (tests/e2e). */
import { execFileSync } from "node:child_process";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
execFileSync("npx", ["next", "build"], { stdio: "inherit", env });
execFileSync("npx", ["playwright", "test", "-c", "tests/e2e/playwright.config.ts", ...process.argv.slice(2)], { stdio: "inherit", env });
