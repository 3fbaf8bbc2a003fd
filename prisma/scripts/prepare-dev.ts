/**
 * Run before `npm run dev`: a .env with a fresh NEXTAUTH_SECRET if there is none, the migrations
 * applied, and the demo data loaded into an empty database. Safe to run again.
 */
import { randomBytes } from "node:crypto";
import { existsSync, writeFileSync } from "node:fs";
import { createDatabaseClient } from "../../lib/server/database";
import { databaseUrl } from "../../lib/server/database-url";
import { prisma } from "./prisma-cli";
import { seed } from "../seed";

async function main() {
  if (!existsSync(".env")) {
    writeFileSync(
      ".env",
      `# Created by npm run dev for this machine only; never commit it.\nNEXTAUTH_SECRET=${randomBytes(32).toString("base64url")}\nNEXTAUTH_URL=http://localhost:3000\n`,
    );
    console.log(".env créé avec un NEXTAUTH_SECRET aléatoire.");
  }
  prisma(["migrate", "deploy"], { url: databaseUrl() });
  const db = createDatabaseClient();
  try {
    if ((await db.user.count()) === 0) {
      await seed(db);
      console.log("Base vide : données de démonstration chargées (voir le README).");
    }
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
