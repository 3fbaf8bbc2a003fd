-- CreateTable
CREATE TABLE "CatalogueUnit" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT,
    "ects" INTEGER,
    "kind" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Diploma" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT,
    "version" TEXT,
    "title" TEXT NOT NULL,
    "requestable" BOOLEAN NOT NULL,
    "searchText" TEXT NOT NULL,
    "definition" JSONB NOT NULL,
    "importedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "UnitResult" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "learnerId" TEXT NOT NULL,
    "unitCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "grade" REAL,
    "obtainedBy" TEXT NOT NULL,
    "centreCode" TEXT,
    CONSTRAINT "UnitResult_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Request" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" TEXT,
    "kind" TEXT NOT NULL,
    "mode" TEXT,
    "state" TEXT NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "learnerId" TEXT NOT NULL,
    "centreCode" TEXT NOT NULL,
    "diplomaKey" TEXT NOT NULL,
    "diplomaRequestId" TEXT,
    "assignedAgentId" TEXT,
    "openSlot" TEXT,
    "submittedAt" DATETIME,
    "forwardedAt" DATETIME,
    "lastChangeAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Request_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Request_centreCode_fkey" FOREIGN KEY ("centreCode") REFERENCES "Centre" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Request_diplomaKey_fkey" FOREIGN KEY ("diplomaKey") REFERENCES "Diploma" ("key") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Request_diplomaRequestId_fkey" FOREIGN KEY ("diplomaRequestId") REFERENCES "Request" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Request_assignedAgentId_fkey" FOREIGN KEY ("assignedAgentId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RequestEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "requestId" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorRole" TEXT NOT NULL,
    "transition" TEXT NOT NULL,
    "fromState" TEXT NOT NULL,
    "toState" TEXT NOT NULL,
    "comment" TEXT,
    "payload" JSONB,
    CONSTRAINT "RequestEvent_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RequestEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Experience" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "employer" TEXT NOT NULL,
    "jobTitle" TEXT NOT NULL,
    "startDate" TEXT NOT NULL,
    "endDate" TEXT NOT NULL,
    "workingTimePercent" INTEGER NOT NULL,
    "inField" BOOLEAN NOT NULL,
    "activities" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Experience_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RequestDocument" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "originalName" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'TRANSMITTED',
    "statusReason" TEXT,
    "uploadedById" TEXT NOT NULL,
    "uploadedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RequestDocument_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RequestMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RequestMessage_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RequestMessage_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RequestNumberCounter" (
    "year" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "last" INTEGER NOT NULL
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

