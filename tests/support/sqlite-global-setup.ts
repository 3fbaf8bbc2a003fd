import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";

/** Migrates one template SQLite file; each test file then works on its own copy of it. */
export const SQLITE_TEMPLATE = path.resolve(".data", "test", "template.sqlite");

export default function globalSetup(): void {
  mkdirSync(path.dirname(SQLITE_TEMPLATE), { recursive: true });
  rmSync(SQLITE_TEMPLATE, { force: true });
  execFileSync("npx", ["prisma", "migrate", "deploy", "--config", "prisma/sqlite/prisma.config.ts"], {
    env: { ...process.env, DATABASE_URL: `file:${SQLITE_TEMPLATE}` },
    stdio: "pipe",
  });
}
