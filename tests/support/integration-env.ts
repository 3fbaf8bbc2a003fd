import path from "node:path";
import { randomUUID } from "node:crypto";

/**
 * Points lib/shared/db at a PostgreSQL database of this test file's own before any test module
 * loads it: created from the migrated template by tests/support/integration-teardown.ts before the
 * first test (the client connects lazily). See jest.config.mjs.
 */
const url = new URL(process.env.TEST_POSTGRES_URL!);
url.pathname = `/${decodeURIComponent(url.pathname.slice(1))}_f_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
process.env.DATABASE_URL = url.toString();
process.env.MAIL_DIR = path.resolve(".data", "test", "mail");
