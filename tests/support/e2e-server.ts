/**
 * Starts the production build for the browser tests on a fresh SQLite database: migrated, seeded
 * with the demo data, plus the accounts of tests/e2e/env.ts. Emails go to E2E_SMTP_PORT.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { createDatabaseClient } from "../../lib/server/database";
import { hashPassword } from "../../lib/server/password-hash";
import { prisma } from "../../prisma/scripts/prisma-cli";
import { seed } from "../../prisma/seed";
import { E2E_ACCOUNTS, E2E_DATABASE_FILE, E2E_PASSWORD, E2E_PORT, E2E_SMTP_PORT } from "../e2e/env";

async function main() {
  const file = path.resolve(E2E_DATABASE_FILE);
  mkdirSync(path.dirname(file), { recursive: true });
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
  const url = `file:${file}`;
  prisma(["migrate", "deploy"], { url, folder: "sqlite" });

  const db = createDatabaseClient(url);
  await seed(db);
  const passwordHash = await hashPassword(E2E_PASSWORD);
  for (const identifier of Object.values(E2E_ACCOUNTS)) {
    const [first, last] = identifier.split(".") as [string, string];
    await db.user.create({ data: { identifier, displayName: `${first} ${last}`, email: `${first}.${last}@e2e.d3.localhost`, passwordHash, role: "AUDITEUR" } });
  }
  await db.$disconnect();

  const server = spawn("npx", ["next", "start", "-p", String(E2E_PORT)], {
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: url,
      NEXTAUTH_URL: `http://localhost:${E2E_PORT}`,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      SMTP_HOST: "127.0.0.1",
      SMTP_PORT: String(E2E_SMTP_PORT),
    },
  });
  const stop = () => server.kill("SIGTERM");
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
