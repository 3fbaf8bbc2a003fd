-- CreateEnum
CREATE TYPE "ObtainedBy" AS ENUM ('PASSED', 'EQUIVALENCE', 'VES', 'VAE');

-- CreateEnum
CREATE TYPE "RequestKind" AS ENUM ('DIPLOMA', 'EXPERIENCE');

-- CreateEnum
CREATE TYPE "ExperienceMode" AS ENUM ('ANTICIPEE', 'CONJOINTE');

-- CreateEnum
CREATE TYPE "RequestState" AS ENUM ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'CORRECTION_REQUESTED', 'FORWARDED', 'FAVOURABLE', 'FAVOURABLE_WITH_CONDITION', 'UNFAVOURABLE', 'VALIDATED', 'EDITED', 'SENT_TO_CENTRE', 'HANDED_OVER', 'REFUSED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "DocumentCategory" AS ENUM ('CV', 'EMPLOYER_ATTESTATION', 'JOB_DESCRIPTION', 'ACTIVITY_REPORT', 'INTERNSHIP_AGREEMENT', 'INTERNSHIP_REPORT', 'OTHER');

-- CreateEnum
CREATE TYPE "DocumentStatus" AS ENUM ('TRANSMITTED', 'VALIDATED', 'REFUSED');

-- CreateTable
CREATE TABLE "CatalogueUnit" (
    "code" TEXT NOT NULL,
    "title" TEXT,
    "ects" INTEGER,
    "kind" TEXT NOT NULL,

    CONSTRAINT "CatalogueUnit_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Diploma" (
    "key" TEXT NOT NULL,
    "code" TEXT,
    "version" TEXT,
    "title" TEXT NOT NULL,
    "requestable" BOOLEAN NOT NULL,
    "searchText" TEXT NOT NULL,
    "definition" JSONB NOT NULL,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Diploma_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "UnitResult" (
    "id" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "unitCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "grade" DOUBLE PRECISION,
    "obtainedBy" "ObtainedBy" NOT NULL,
    "centreCode" TEXT,

    CONSTRAINT "UnitResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Request" (
    "id" TEXT NOT NULL,
    "number" TEXT,
    "kind" "RequestKind" NOT NULL,
    "mode" "ExperienceMode",
    "state" "RequestState" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "learnerId" TEXT NOT NULL,
    "centreCode" TEXT NOT NULL,
    "diplomaKey" TEXT NOT NULL,
    "diplomaRequestId" TEXT,
    "assignedAgentId" TEXT,
    "openSlot" TEXT,
    "submittedAt" TIMESTAMP(3),
    "forwardedAt" TIMESTAMP(3),
    "lastChangeAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequestEvent" (
    "id" SERIAL NOT NULL,
    "requestId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorRole" "Role" NOT NULL,
    "transition" TEXT NOT NULL,
    "fromState" "RequestState" NOT NULL,
    "toState" "RequestState" NOT NULL,
    "comment" TEXT,
    "payload" JSONB,

    CONSTRAINT "RequestEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Experience" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "employer" TEXT NOT NULL,
    "jobTitle" TEXT NOT NULL,
    "startDate" TEXT NOT NULL,
    "endDate" TEXT NOT NULL,
    "workingTimePercent" INTEGER NOT NULL,
    "inField" BOOLEAN NOT NULL,
    "activities" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Experience_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequestDocument" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "category" "DocumentCategory" NOT NULL,
    "originalName" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "status" "DocumentStatus" NOT NULL DEFAULT 'TRANSMITTED',
    "statusReason" TEXT,
    "uploadedById" TEXT NOT NULL,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RequestDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequestMessage" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RequestMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequestNumberCounter" (
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "RequestNumberCounter_pkey" PRIMARY KEY ("year")
);

-- CreateIndex
CREATE INDEX "Diploma_code_idx" ON "Diploma"("code");

-- CreateIndex
CREATE INDEX "UnitResult_learnerId_idx" ON "UnitResult"("learnerId");

-- CreateIndex
CREATE UNIQUE INDEX "UnitResult_learnerId_unitCode_year_key" ON "UnitResult"("learnerId", "unitCode", "year");

-- CreateIndex
CREATE UNIQUE INDEX "Request_number_key" ON "Request"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Request_diplomaRequestId_key" ON "Request"("diplomaRequestId");

-- CreateIndex
CREATE INDEX "Request_learnerId_createdAt_idx" ON "Request"("learnerId", "createdAt");

-- CreateIndex
CREATE INDEX "Request_centreCode_state_lastChangeAt_idx" ON "Request"("centreCode", "state", "lastChangeAt");

-- CreateIndex
CREATE INDEX "Request_state_lastChangeAt_idx" ON "Request"("state", "lastChangeAt");

-- CreateIndex
CREATE UNIQUE INDEX "Request_learnerId_diplomaKey_kind_openSlot_key" ON "Request"("learnerId", "diplomaKey", "kind", "openSlot");

-- CreateIndex
CREATE INDEX "RequestEvent_requestId_at_idx" ON "RequestEvent"("requestId", "at");

-- CreateIndex
CREATE INDEX "RequestEvent_toState_at_idx" ON "RequestEvent"("toState", "at");

-- CreateIndex
CREATE INDEX "Experience_requestId_position_idx" ON "Experience"("requestId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "RequestDocument_storageKey_key" ON "RequestDocument"("storageKey");

-- CreateIndex
CREATE INDEX "RequestDocument_requestId_idx" ON "RequestDocument"("requestId");

-- CreateIndex
CREATE INDEX "RequestMessage_requestId_createdAt_idx" ON "RequestMessage"("requestId", "createdAt");

-- AddForeignKey
ALTER TABLE "UnitResult" ADD CONSTRAINT "UnitResult_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_centreCode_fkey" FOREIGN KEY ("centreCode") REFERENCES "Centre"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_diplomaKey_fkey" FOREIGN KEY ("diplomaKey") REFERENCES "Diploma"("key") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_diplomaRequestId_fkey" FOREIGN KEY ("diplomaRequestId") REFERENCES "Request"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_assignedAgentId_fkey" FOREIGN KEY ("assignedAgentId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestEvent" ADD CONSTRAINT "RequestEvent_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestEvent" ADD CONSTRAINT "RequestEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Experience" ADD CONSTRAINT "Experience_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestDocument" ADD CONSTRAINT "RequestDocument_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestMessage" ADD CONSTRAINT "RequestMessage_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestMessage" ADD CONSTRAINT "RequestMessage_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

