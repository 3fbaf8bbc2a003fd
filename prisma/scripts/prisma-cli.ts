import { execFileSync } from "node:child_process";
import path from "node:path";
import { databaseUrl } from "../../lib/shared/db/database-url";

export const PRISMA_CONFIG = path.join("prisma", "prisma.config.ts");

/** Runs the Prisma CLI on DATABASE_URL (or `url`) with the project's config (prisma/prisma.config.ts). */
export function prisma(args: string[], options: { url?: string; stdio?: "inherit" | "pipe" } = {}): string {
  const output = execFileSync("npx", ["prisma", ...args, "--config", PRISMA_CONFIG], {
    stdio: options.stdio ?? "inherit",
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: options.url ?? databaseUrl(), PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
  return output ?? "";
}

/**
 * Everything a database needs before the application uses it: the migrations, then the job queue's
 * schema (graphile-worker), so that the application can enqueue jobs before any runner started.
 */
export async function deployDatabase(url: string, options: { stdio?: "inherit" | "pipe" } = {}): Promise<void> {
  prisma(["migrate", "deploy"], { url, stdio: options.stdio });
  const { ensureJobSchema } = await import("../../lib/shared/jobs/schema");
  await ensureJobSchema(url);
}
