/** Applies the migrations to DATABASE_URL, or to the embedded development server (started if needed). */
import { withDatabase } from "./with-database";
import { prisma } from "./prisma-cli";

void withDatabase(async (url) => {
  prisma(["migrate", "deploy"], { url });
});
