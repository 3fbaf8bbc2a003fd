-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateTable
CREATE TABLE "RequestCount" (
    "centreCode" TEXT NOT NULL,
    "forwarded" BOOLEAN NOT NULL,
    "state" "RequestState" NOT NULL,
    "kind" "RequestKind" NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "RequestCount_pkey" PRIMARY KEY ("centreCode","forwarded","state","kind")
);

-- CreateIndex
CREATE INDEX "Request_searchText_idx" ON "Request" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Request_number_idx" ON "Request"("number" text_pattern_ops);

-- CreateIndex
CREATE INDEX "Request_diplomaKey_centreCode_forwardedAt_idx" ON "Request"("diplomaKey", "centreCode", "forwardedAt");


-- Written by hand (Prisma does not model triggers): "RequestCount" follows "Request" in the
-- transaction of every change. Statement triggers with transition tables, so that a bulk insert or
-- an updateMany costs one aggregate, not one upsert per row. An update that leaves a request's key
-- (centre, forwarded, state, kind) unchanged nets to zero and writes nothing. Keys are upserted in
-- key order, so that two transactions lock the counter rows they share in the same order.
CREATE FUNCTION "request_count_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "RequestCount" AS c ("centreCode", "forwarded", "state", "kind", "count")
    SELECT "centreCode", "forwardedAt" IS NOT NULL, "state", "kind", count(*) FROM new_rows GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT ("centreCode", "forwarded", "state", "kind") DO UPDATE SET "count" = c."count" + EXCLUDED."count";
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "RequestCount" AS c ("centreCode", "forwarded", "state", "kind", "count")
    SELECT "centreCode", "forwardedAt" IS NOT NULL, "state", "kind", -count(*) FROM old_rows GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT ("centreCode", "forwarded", "state", "kind") DO UPDATE SET "count" = c."count" + EXCLUDED."count";
  ELSE
    INSERT INTO "RequestCount" AS c ("centreCode", "forwarded", "state", "kind", "count")
    SELECT "centreCode", "forwarded", "state", "kind", sum("delta") FROM (
      SELECT "centreCode", "forwardedAt" IS NOT NULL AS "forwarded", "state", "kind", -1 AS "delta" FROM old_rows
      UNION ALL
      SELECT "centreCode", "forwardedAt" IS NOT NULL, "state", "kind", 1 FROM new_rows
    ) AS "changes"
    GROUP BY 1, 2, 3, 4 HAVING sum("delta") <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT ("centreCode", "forwarded", "state", "kind") DO UPDATE SET "count" = c."count" + EXCLUDED."count";
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Request_count_insert" AFTER INSERT ON "Request" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "request_count_apply"();
CREATE TRIGGER "Request_count_update" AFTER UPDATE ON "Request" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "request_count_apply"();
CREATE TRIGGER "Request_count_delete" AFTER DELETE ON "Request" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "request_count_apply"();

CREATE FUNCTION "request_count_reset"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "RequestCount";
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Request_count_truncate" AFTER TRUNCATE ON "Request"
  FOR EACH STATEMENT EXECUTE FUNCTION "request_count_reset"();

INSERT INTO "RequestCount" ("centreCode", "forwarded", "state", "kind", "count")
SELECT "centreCode", "forwardedAt" IS NOT NULL, "state", "kind", count(*) FROM "Request" GROUP BY 1, 2, 3, 4;
