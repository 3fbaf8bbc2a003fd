import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";

/** Embedded default: a SQLite file under .data/ (git-ignored), created on first migration. */
export const DEFAULT_DATABASE_URL = "file:./.data/d3.sqlite";

export type DatabaseProvider = "sqlite" | "postgresql";

let envLoaded = false;

/**
 * DATABASE_URL from the environment, or from .env for the command-line tools (Next.js reads
 * .env itself; the Prisma CLI does not once a prisma.config.ts exists).
 */
export function databaseUrl(): string {
  if (!envLoaded) {
    envLoaded = true;
    if (!process.env.DATABASE_URL && existsSync(".env")) process.loadEnvFile(".env");
  }
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  if (databaseProvider(url) === "sqlite") ensureSqliteFolder(url);
  return url;
}

export function databaseProvider(url: string): DatabaseProvider {
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error(`DATABASE_URL doit commencer par "file:" (SQLite) ou "postgresql://" (reçu : ${url.split(":")[0]}:…)`);
}

function ensureSqliteFolder(url: string): void {
  const file = url.slice("file:".length);
  if (file && file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
}
