/**
 * Prepares DATABASE_URL, or the embedded development server (started if needed): the migrations,
 * then the job queue's schema (see deployDatabase).
 */
import { withDatabase } from "./with-database";
import { deployDatabase } from "./prisma-cli";

void withDatabase((url) => deployDatabase(url));
