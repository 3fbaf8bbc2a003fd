-- AlterTable
ALTER TABLE "Request" ADD COLUMN     "learnerName" TEXT,
ADD COLUMN     "learnerNumber" TEXT;


-- Written by hand: the copy for the requests submitted before it existed, as lib/requests/learner-requests.ts
-- makes it at submission (first names, then the usage name or else the birth name; the account's name
-- without a profile).
UPDATE "Request" r
SET "learnerName" = CASE WHEN p."userId" IS NULL THEN u."displayName" ELSE p."firstNames" || ' ' || coalesce(nullif(p."usageName", ''), p."birthName") END,
    "learnerNumber" = p."learnerNumber"
FROM "User" u
LEFT JOIN "LearnerProfile" p ON p."userId" = u.id
WHERE u.id = r."learnerId" AND r."submittedAt" IS NOT NULL;
