/**
 * Writes and checks the migration history (prisma/migrations) against the models:
 *   npm run db:migration -- create <name>   writes prisma/migrations/<timestamp>_<name>/ when the models changed
 *   npm run db:migration -- check            fails if the history does not reach the current models
 * The history is replayed on a shadow database (MIGRATION_POSTGRES_URL, DATABASE_URL or the embedded
 * server: the role needs CREATEDB); tests/integration/prisma/migrations.test.ts runs the check.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PRISMA_CONFIG } from "./prisma-cli";
import { withDatabase } from "./with-database";

const MIGRATIONS = path.join("prisma", "migrations");

function diff(url: string): string {
  const args = ["prisma", "migrate", "diff", "--config", PRISMA_CONFIG, "--from-migrations", MIGRATIONS, "--to-schema-datamodel", path.join("prisma", "schema"), "--script"];
  return execFileSync("npx", args, { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
}

function isEmpty(sql: string): boolean {
  return sql.split("\n").every((line) => line.trim() === "" || line.trim().startsWith("--"));
}

const [command, name] = process.argv.slice(2);
if (process.env.MIGRATION_POSTGRES_URL) process.env.DATABASE_URL = process.env.MIGRATION_POSTGRES_URL;

if (command === "create" && name && /^[a-z0-9_]+$/.test(name)) {
  void withDatabase(async (url) => {
    const sql = diff(url);
    if (isEmpty(sql)) return console.log("Aucun changement des modèles : aucune migration écrite.");
    const folder = path.join(MIGRATIONS, `${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}_${name}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, "migration.sql"), sql);
    console.log(`Migration écrite : ${folder}`);
  });
} else if (command === "check") {
  void withDatabase(async (url) => {
    const sql = diff(url);
    if (!isEmpty(sql)) {
      console.error(`L'historique des migrations ne correspond pas aux modèles :\n${sql}`);
      process.exitCode = 1;
    }
  });
} else {
  console.error("Usage : npm run db:migration -- create <nom_en_snake_case> | check");
  process.exitCode = 1;
}
