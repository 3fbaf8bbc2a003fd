-- AlterEnum
ALTER TYPE "RequestState" ADD VALUE 'CONDITION_REVIEW';

-- AlterTable
ALTER TABLE "Request" ADD COLUMN     "linkedAnalysisId" TEXT,
ADD COLUMN     "restartedFromId" TEXT;

-- CreateIndex
CREATE INDEX "Request_linkedAnalysisId_idx" ON "Request"("linkedAnalysisId");

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_linkedAnalysisId_fkey" FOREIGN KEY ("linkedAnalysisId") REFERENCES "Request"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_restartedFromId_fkey" FOREIGN KEY ("restartedFromId") REFERENCES "Request"("id") ON DELETE SET NULL ON UPDATE CASCADE;
