-- CreateEnum
CREATE TYPE "LearnerNumberSource" AS ENUM ('DIRECTORY', 'CENTRE', 'MIGRATION');

-- DropIndex
DROP INDEX "LearnerProfile_learnerNumber_key";

-- CreateTable
CREATE TABLE "ConfirmedLearnerNumber" (
    "userId" TEXT NOT NULL,
    "learnerNumber" TEXT NOT NULL,
    "source" "LearnerNumberSource" NOT NULL,
    "confirmedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedById" TEXT,

    CONSTRAINT "ConfirmedLearnerNumber_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE UNIQUE INDEX "ConfirmedLearnerNumber_learnerNumber_key" ON "ConfirmedLearnerNumber"("learnerNumber");

-- CreateIndex
CREATE INDEX "LearnerProfile_learnerNumber_idx" ON "LearnerProfile"("learnerNumber");

-- CreateIndex
CREATE INDEX "RequestDocument_uploadedById_idx" ON "RequestDocument"("uploadedById");

-- AddForeignKey
ALTER TABLE "ConfirmedLearnerNumber" ADD CONSTRAINT "ConfirmedLearnerNumber_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Numbers already in use keep attaching results: they are the ones results were imported against
-- (the old unique constraint guaranteed one account per number). New numbers wait for confirmation.
INSERT INTO "ConfirmedLearnerNumber" ("userId", "learnerNumber", "source", "confirmedAt")
SELECT "userId", "learnerNumber", 'MIGRATION'::"LearnerNumberSource", now() FROM "LearnerProfile";
