/**
 * Keeps the SQLite and PostgreSQL migration histories in step, without needing a database:
 *   npm run db:migration -- create <name>   writes prisma/<provider>/migrations/<timestamp>_<name>/
 *   npm run db:migration -- check [sqlite|postgres]   fails if a history does not reach the current models
 * Each history is diffed (replayed on a shadow database by the schema engine) against the shared
 * models; tests/integration/migrations.test.ts checks the result on real databases.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const PROVIDERS = {
  sqlite: { env: { DATABASE_URL: "file:./.data/migration-shadow-unused.sqlite" } },
  postgres: { env: { DATABASE_URL: process.env.MIGRATION_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL ?? "" } },
} as const;

type Provider = keyof typeof PROVIDERS;

function diff(provider: Provider, exitCode = false): { sql: string; status: number } {
  const dir = path.join("prisma", provider);
  const migrations = path.join(dir, "migrations");
  const hasHistory = existsSync(migrations) && readdirSync(migrations).some((f) => /^\d/.test(f));
  const from = hasHistory ? ["--from-migrations", migrations] : ["--from-empty"];
  const args = ["prisma", "migrate", "diff", "--config", path.join(dir, "prisma.config.ts"), ...from, "--to-schema-datamodel", dir, "--script"];
  if (exitCode) args.push("--exit-code");
  try {
    const sql = execFileSync("npx", args, { env: { ...process.env, ...PROVIDERS[provider].env }, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    return { sql, status: 0 };
  } catch (error) {
    const e = error as { status: number; stdout: string };
    if (exitCode && e.status === 2) return { sql: e.stdout, status: 2 };
    throw error;
  }
}

function isEmpty(sql: string): boolean {
  return sql.split("\n").every((line) => line.trim() === "" || line.trim().startsWith("--"));
}

function requirePostgres(): void {
  if (!PROVIDERS.postgres.env.DATABASE_URL) {
    console.error("Une base PostgreSQL est nécessaire pour rejouer l'historique : définissez MIGRATION_POSTGRES_URL (rôle avec CREATEDB).");
    process.exit(1);
  }
}

const [command, name] = process.argv.slice(2);
if (command === "create") {
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    console.error("Usage : npm run db:migration -- create <nom_en_snake_case>");
    process.exit(1);
  }
  requirePostgres();
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  for (const provider of Object.keys(PROVIDERS) as Provider[]) {
    const { sql } = diff(provider);
    if (isEmpty(sql)) {
      console.log(`${provider}: aucun changement`);
      continue;
    }
    const folder = path.join("prisma", provider, "migrations", `${stamp}_${name}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, "migration.sql"), sql);
    const lock = path.join("prisma", provider, "migrations", "migration_lock.toml");
    if (!existsSync(lock)) writeFileSync(lock, `provider = "${provider === "postgres" ? "postgresql" : "sqlite"}"\n`);
    console.log(`${provider}: ${folder}`);
  }
} else if (command === "check") {
  const providers = name ? [name as Provider] : (Object.keys(PROVIDERS) as Provider[]);
  if (!providers.every((p) => p in PROVIDERS)) {
    console.error("Usage : npm run db:migration -- check [sqlite|postgres]");
    process.exit(1);
  }
  if (providers.includes("postgres")) requirePostgres();
  let stale = false;
  for (const provider of providers) {
    const { sql } = diff(provider, true);
    if (!isEmpty(sql)) {
      stale = true;
      console.error(`${provider}: l'historique des migrations ne correspond pas aux modèles :\n${sql}`);
    }
  }
  process.exit(stale ? 1 : 0);
} else {
  console.error("Usage : npm run db:migration -- create <nom> | check [sqlite|postgres]");
  process.exit(1);
}
