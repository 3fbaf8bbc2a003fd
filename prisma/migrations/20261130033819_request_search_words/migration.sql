-- Staff search by words instead of trigrams (lib/requests/staff-queries.ts): the trigram index could
-- neither narrow a search to one centre nor stop early, so a search read every request of the country
-- holding the name, a number growing with the data. "RequestSearchWord" holds the words of each
-- request's searchText with the columns the queues scope, filter and sort by; a search is a range of
-- one B-tree (a prefix of a word, in one centre or among forwarded requests) read in submission order
-- and cut at the page or the cap. "word" is COLLATE "C" (byte order, which is code point order in
-- UTF-8), so that the words starting with a prefix are exactly a range of the index whatever the
-- database's collation; Prisma does not model collations, so this is not diffed.

-- The trigram index goes: nothing searches "Request"."searchText" by substring any more. The pg_trgm
-- extension stays (harmless, and not declared to Prisma).
-- DropIndex
DROP INDEX "Request_searchText_idx";

-- CreateTable
CREATE TABLE "RequestSearchWord" (
    "requestId" TEXT NOT NULL,
    "word" TEXT COLLATE "C" NOT NULL,
    "centreCode" TEXT NOT NULL,
    "forwarded" BOOLEAN NOT NULL,
    "state" "RequestState" NOT NULL,
    "kind" "RequestKind" NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "lastChangeAt" TIMESTAMP(3) NOT NULL,
    "allWords" TEXT NOT NULL,

    CONSTRAINT "RequestSearchWord_pkey" PRIMARY KEY ("requestId","word")
);

-- CreateIndex
CREATE INDEX "RequestSearchWord_centreCode_word_submittedAt_requestId_sta_idx" ON "RequestSearchWord"("centreCode", "word", "submittedAt", "requestId", "state", "kind", "forwarded", "lastChangeAt", "allWords");

-- CreateIndex
CREATE INDEX "RequestSearchWord_forwarded_word_submittedAt_requestId_stat_idx" ON "RequestSearchWord"("forwarded", "word", "submittedAt", "requestId", "state", "kind", "lastChangeAt", "allWords");

-- AddForeignKey
ALTER TABLE "RequestSearchWord" ADD CONSTRAINT "RequestSearchWord_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Written by hand (Prisma does not model functions nor triggers).

-- The words of a searchText (already folded: lower case, no accents, single spaces): its runs of
-- letters and digits, so that "etienne-durand" gives "etienne" and "durand" and "o'brien" gives "o"
-- and "brien"; the request number (first token, "d3-…") is left out: it is searched through the
-- unique index on "number". lib/requests/staff-queries.ts splits a search the same way. Each word
-- comes with all of them, each after a space ("allWords").
CREATE FUNCTION "request_search_words"("searchText" text) RETURNS TABLE ("word" text, "allWords" text) LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  WITH "words" AS (
    SELECT DISTINCT "part"
    FROM unnest(string_to_array("searchText", ' ')) AS "token"
    CROSS JOIN LATERAL regexp_split_to_table("token", '[^[:alnum:]]+') AS "part"
    WHERE "token" NOT LIKE 'd3-%' AND "part" <> ''
  )
  SELECT "part", (SELECT ' ' || string_agg("part", ' ') FROM "words") FROM "words"
$$;

-- Inserts: one statement trigger (a bulk insert costs one INSERT … SELECT, not one per row).
CREATE FUNCTION "request_search_words_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "RequestSearchWord" ("requestId", "word", "allWords", "centreCode", "forwarded", "state", "kind", "submittedAt", "lastChangeAt")
  SELECT r."id", w."word", w."allWords", r."centreCode", r."forwardedAt" IS NOT NULL, r."state", r."kind", r."submittedAt", r."lastChangeAt"
  FROM new_rows r CROSS JOIN LATERAL "request_search_words"(r."searchText") w;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Request_search_words_insert" AFTER INSERT ON "Request" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "request_search_words_insert"();

-- Updates: a row trigger whose WHEN clause (evaluated without calling the function) skips the many
-- updates that touch none of the copied columns (version, reminders, assignment…). A new searchText
-- replaces the request's words; otherwise its words get the new copied values. Deletes cascade
-- through the foreign key; an id change too.
CREATE FUNCTION "request_search_words_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."searchText" IS DISTINCT FROM OLD."searchText" THEN
    DELETE FROM "RequestSearchWord" WHERE "requestId" = NEW."id";
    INSERT INTO "RequestSearchWord" ("requestId", "word", "allWords", "centreCode", "forwarded", "state", "kind", "submittedAt", "lastChangeAt")
    SELECT NEW."id", w."word", w."allWords", NEW."centreCode", NEW."forwardedAt" IS NOT NULL, NEW."state", NEW."kind", NEW."submittedAt", NEW."lastChangeAt"
    FROM "request_search_words"(NEW."searchText") w;
  ELSE
    UPDATE "RequestSearchWord"
    SET "centreCode" = NEW."centreCode", "forwarded" = NEW."forwardedAt" IS NOT NULL, "state" = NEW."state", "kind" = NEW."kind",
        "submittedAt" = NEW."submittedAt", "lastChangeAt" = NEW."lastChangeAt"
    WHERE "requestId" = NEW."id";
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Request_search_words_update" AFTER UPDATE ON "Request" FOR EACH ROW
  WHEN (OLD."searchText" IS DISTINCT FROM NEW."searchText" OR OLD."centreCode" IS DISTINCT FROM NEW."centreCode"
        OR (OLD."forwardedAt" IS NULL) <> (NEW."forwardedAt" IS NULL) OR OLD."state" IS DISTINCT FROM NEW."state"
        OR OLD."kind" IS DISTINCT FROM NEW."kind" OR OLD."submittedAt" IS DISTINCT FROM NEW."submittedAt"
        OR OLD."lastChangeAt" IS DISTINCT FROM NEW."lastChangeAt")
  EXECUTE FUNCTION "request_search_words_update"();

-- The existing requests. After the triggers, so that a request written meanwhile is not missed;
-- ON CONFLICT, so that one written meanwhile is not inserted twice.
INSERT INTO "RequestSearchWord" ("requestId", "word", "allWords", "centreCode", "forwarded", "state", "kind", "submittedAt", "lastChangeAt")
SELECT r."id", w."word", w."allWords", r."centreCode", r."forwardedAt" IS NOT NULL, r."state", r."kind", r."submittedAt", r."lastChangeAt"
FROM "Request" r CROSS JOIN LATERAL "request_search_words"(r."searchText") w
ON CONFLICT DO NOTHING;
