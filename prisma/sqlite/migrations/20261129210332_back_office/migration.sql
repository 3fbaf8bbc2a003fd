-- AlterTable
ALTER TABLE "RequestDocument" ADD COLUMN "reviewedAt" DATETIME;
ALTER TABLE "RequestDocument" ADD COLUMN "reviewedById" TEXT;

-- CreateTable
CREATE TABLE "DiplomaNumberCounter" (
    "series" TEXT NOT NULL PRIMARY KEY,
    "last" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT NOT NULL,
    "actorRole" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "requestId" TEXT,
    "targetType" TEXT,
    "targetId" TEXT,
    "ip" TEXT,
    "details" JSONB
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "requestId" TEXT,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" DATETIME,
    CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GeneratedLetter" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "eventId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_LearnerProfile" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "civility" TEXT NOT NULL,
    "birthName" TEXT NOT NULL,
    "usageName" TEXT,
    "firstNames" TEXT NOT NULL,
    "birthDate" DATETIME NOT NULL,
    "birthCity" TEXT NOT NULL,
    "birthCountry" TEXT NOT NULL,
    "nationality" TEXT NOT NULL,
    "addressLine" TEXT NOT NULL,
    "postalCode" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "learnerNumber" TEXT NOT NULL,
    "centreCode" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "emailOnMessages" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "LearnerProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LearnerProfile_centreCode_fkey" FOREIGN KEY ("centreCode") REFERENCES "Centre" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_LearnerProfile" ("addressLine", "birthCity", "birthCountry", "birthDate", "birthName", "centreCode", "city", "civility", "country", "createdAt", "email", "firstNames", "learnerNumber", "nationality", "phone", "postalCode", "updatedAt", "usageName", "userId", "version") SELECT "addressLine", "birthCity", "birthCountry", "birthDate", "birthName", "centreCode", "city", "civility", "country", "createdAt", "email", "firstNames", "learnerNumber", "nationality", "phone", "postalCode", "updatedAt", "usageName", "userId", "version" FROM "LearnerProfile";
DROP TABLE "LearnerProfile";
ALTER TABLE "new_LearnerProfile" RENAME TO "LearnerProfile";
CREATE UNIQUE INDEX "LearnerProfile_learnerNumber_key" ON "LearnerProfile"("learnerNumber");
CREATE INDEX "LearnerProfile_centreCode_idx" ON "LearnerProfile"("centreCode");
CREATE INDEX "LearnerProfile_birthName_idx" ON "LearnerProfile"("birthName");
CREATE TABLE "new_Request" (
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
    "diplomaNumber" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "lastReminderAt" DATETIME,
    "lastChangeAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Request_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Request_centreCode_fkey" FOREIGN KEY ("centreCode") REFERENCES "Centre" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Request_diplomaKey_fkey" FOREIGN KEY ("diplomaKey") REFERENCES "Diploma" ("key") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Request_diplomaRequestId_fkey" FOREIGN KEY ("diplomaRequestId") REFERENCES "Request" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Request_assignedAgentId_fkey" FOREIGN KEY ("assignedAgentId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Request" ("assignedAgentId", "centreCode", "createdAt", "diplomaKey", "diplomaRequestId", "forwardedAt", "id", "kind", "lastChangeAt", "learnerId", "mode", "number", "openSlot", "state", "submittedAt", "updatedAt", "version") SELECT "assignedAgentId", "centreCode", "createdAt", "diplomaKey", "diplomaRequestId", "forwardedAt", "id", "kind", "lastChangeAt", "learnerId", "mode", "number", "openSlot", "state", "submittedAt", "updatedAt", "version" FROM "Request";
DROP TABLE "Request";
ALTER TABLE "new_Request" RENAME TO "Request";
CREATE UNIQUE INDEX "Request_number_key" ON "Request"("number");
CREATE UNIQUE INDEX "Request_diplomaRequestId_key" ON "Request"("diplomaRequestId");
CREATE UNIQUE INDEX "Request_diplomaNumber_key" ON "Request"("diplomaNumber");
CREATE INDEX "Request_learnerId_createdAt_idx" ON "Request"("learnerId", "createdAt");
CREATE INDEX "Request_centreCode_state_lastChangeAt_idx" ON "Request"("centreCode", "state", "lastChangeAt");
CREATE INDEX "Request_state_lastChangeAt_idx" ON "Request"("state", "lastChangeAt");
CREATE INDEX "Request_centreCode_submittedAt_id_idx" ON "Request"("centreCode", "submittedAt", "id");
CREATE INDEX "Request_submittedAt_id_idx" ON "Request"("submittedAt", "id");
CREATE INDEX "Request_forwardedAt_id_idx" ON "Request"("forwardedAt", "id");
CREATE INDEX "Request_assignedAgentId_state_idx" ON "Request"("assignedAgentId", "state");
CREATE UNIQUE INDEX "Request_learnerId_diplomaKey_kind_openSlot_key" ON "Request"("learnerId", "diplomaKey", "kind", "openSlot");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_at_idx" ON "AuditLog"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_requestId_at_idx" ON "AuditLog"("requestId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_action_at_idx" ON "AuditLog"("action", "at");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "GeneratedLetter_eventId_key" ON "GeneratedLetter"("eventId");

-- CreateIndex
CREATE UNIQUE INDEX "GeneratedLetter_storageKey_key" ON "GeneratedLetter"("storageKey");

-- CreateIndex
CREATE INDEX "GeneratedLetter_requestId_idx" ON "GeneratedLetter"("requestId");

