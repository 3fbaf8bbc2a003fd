/**
 * Applies the migrations to DATABASE_URL, or to the embedded development server (started if needed),
 * then installs the job queue's schema (graphile-worker), so that the application can enqueue jobs
 * before any job runner has started.
 */
import { withDatabase } from "./with-database";
import { prisma } from "./prisma-cli";
import { ensureJobSchema } from "../../lib/shared/jobs/schema";

void withDatabase(async (url) => {
  prisma(["migrate", "deploy"], { url });
  await ensureJobSchema(url);
});
