import nextJest from "next/jest.js";

const createJestConfig = nextJest({ dir: "./" });

const common = {
  moduleNameMapper: { "^server-only$": "<rootDir>/tests/support/empty-module.ts", "^@/(.*)$": "<rootDir>/$1" },
  testPathIgnorePatterns: ["/node_modules/", "/.next/", "/tests/e2e/"],
};

const integration = (name, database, globalSetup) => ({
  ...common,
  displayName: name,
  globals: { D3_TEST_DATABASE: database },
  testEnvironment: "node",
  testMatch: ["<rootDir>/tests/integration/**/*.test.ts"],
  globalSetup,
  setupFiles: ["<rootDir>/tests/support/integration-env.ts"],
  setupFilesAfterEnv: ["<rootDir>/tests/support/integration-teardown.ts"],
});

/**
 * - unit: pure domain code (node) and components (jsdom);
 * - integration-sqlite: use cases through the real server code, each test file on its own fresh,
 *   migrated SQLite file;
 * - integration-postgres: the same test files on a real PostgreSQL, when TEST_POSTGRES_URL is set
 *   (.ci/run starts one; tests/support/run-all.ts refuses to skip it on CI).
 */
async function config() {
  const projects = [
    { ...common, displayName: "unit", testEnvironment: "node", testMatch: ["<rootDir>/tests/unit/**/*.test.ts"] },
    { ...common, displayName: "components", testEnvironment: "jsdom", setupFilesAfterEnv: ["<rootDir>/tests/support/jest-dom.ts"], testMatch: ["<rootDir>/tests/unit/**/*.test.tsx"] },
    integration("integration-sqlite", "sqlite", "<rootDir>/tests/support/sqlite-global-setup.ts"),
  ];
  if (process.env.TEST_POSTGRES_URL) projects.push(integration("integration-postgres", "postgres", "<rootDir>/tests/support/postgres-global-setup.ts"));
  return { projects: await Promise.all(projects.map((p) => createJestConfig(p)())) };
}

export default config;
