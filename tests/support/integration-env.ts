import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";

/**
 * Points lib/server/db at the project's database before any test module loads it: the PostgreSQL
 * test database, or a private copy of the migrated SQLite template (see jest.config.mjs).
 */
const database = (globalThis as { D3_TEST_DATABASE?: "sqlite" | "postgres" }).D3_TEST_DATABASE;

if (database === "postgres") {
  process.env.DATABASE_URL = process.env.TEST_POSTGRES_URL;
} else {
  const dir = path.resolve(".data", "test");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${randomUUID()}.sqlite`);
  copyFileSync(path.join(dir, "template.sqlite"), file);
  process.env.DATABASE_URL = `file:${file}`;
}
process.env.MAIL_DIR = path.resolve(".data", "test", "mail");
