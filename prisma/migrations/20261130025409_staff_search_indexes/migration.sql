-- The "assigned" filter with a date range: counted from one index. Request numbers are searched
-- as a range of their unique index (lib/requests/staff-queries.ts), so the text_pattern_ops index
-- goes: Prisma cannot diff that operator class on a B-tree and would recreate it in every migration.
-- pg_trgm stays (created by 20261130024531_staff_search), no longer declared to Prisma, whose
-- postgresqlExtensions preview diffs it forever through the driver adapter.

-- DropIndex
DROP INDEX "Request_assignedAgentId_state_idx";

-- DropIndex
DROP INDEX "Request_number_idx";

-- CreateIndex
CREATE INDEX "Request_assignedAgentId_submittedAt_forwardedAt_state_idx" ON "Request"("assignedAgentId", "submittedAt", "forwardedAt", "state");

