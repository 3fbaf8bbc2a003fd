import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";

/**
 * Points lib/server/db at a database of this test file's own before any test module loads it:
 * a copy of the migrated SQLite template, or a PostgreSQL database created from the migrated
 * template by tests/support/integration-teardown.ts before the first test (the client connects
 * lazily). See jest.config.mjs.
 */
const database = (globalThis as { D3_TEST_DATABASE?: "sqlite" | "postgres" }).D3_TEST_DATABASE;
const id = randomUUID().replace(/-/g, "").slice(0, 16);

if (database === "postgres") {
  const url = new URL(process.env.TEST_POSTGRES_URL!);
  url.pathname = `/${decodeURIComponent(url.pathname.slice(1))}_f_${id}`;
  process.env.DATABASE_URL = url.toString();
} else {
  const dir = path.resolve(".data", "test");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${id}.sqlite`);
  copyFileSync(path.join(dir, "template.sqlite"), file);
  process.env.DATABASE_URL = `file:${file}`;
}
process.env.MAIL_DIR = path.resolve(".data", "test", "mail");
