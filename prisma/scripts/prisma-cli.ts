import { execFileSync } from "node:child_process";
import path from "node:path";
import { databaseProvider, databaseUrl } from "../../lib/server/database-url";

export type SchemaFolder = "sqlite" | "postgres";

export function schemaFolderFor(url: string): SchemaFolder {
  return databaseProvider(url) === "postgresql" ? "postgres" : "sqlite";
}

/** Runs the Prisma CLI with the config of the given schema folder (default: the one DATABASE_URL needs). */
export function prisma(args: string[], options: { url?: string; folder?: SchemaFolder } = {}): void {
  const url = options.url ?? databaseUrl();
  const folder = options.folder ?? schemaFolderFor(url);
  execFileSync("npx", ["prisma", ...args, "--config", path.join("prisma", folder, "prisma.config.ts")], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
}
