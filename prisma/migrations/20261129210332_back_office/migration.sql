-- AlterTable
ALTER TABLE "LearnerProfile" ADD COLUMN     "emailOnMessages" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Request" ADD COLUMN     "diplomaNumber" TEXT,
ADD COLUMN     "lastReminderAt" TIMESTAMP(3),
ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "RequestDocument" ADD COLUMN     "reviewedAt" TIMESTAMP(3),
ADD COLUMN     "reviewedById" TEXT;

-- CreateTable
CREATE TABLE "DiplomaNumberCounter" (
    "series" TEXT NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "DiplomaNumberCounter_pkey" PRIMARY KEY ("series")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT NOT NULL,
    "actorRole" "Role" NOT NULL,
    "action" TEXT NOT NULL,
    "requestId" TEXT,
    "targetType" TEXT,
    "targetId" TEXT,
    "ip" TEXT,
    "details" JSONB,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "requestId" TEXT,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GeneratedLetter" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "eventId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GeneratedLetter_pkey" PRIMARY KEY ("id")
);

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

-- CreateIndex
CREATE INDEX "LearnerProfile_birthName_idx" ON "LearnerProfile"("birthName");

-- CreateIndex
CREATE UNIQUE INDEX "Request_diplomaNumber_key" ON "Request"("diplomaNumber");

-- CreateIndex
CREATE INDEX "Request_centreCode_submittedAt_id_idx" ON "Request"("centreCode", "submittedAt", "id");

-- CreateIndex
CREATE INDEX "Request_submittedAt_id_idx" ON "Request"("submittedAt", "id");

-- CreateIndex
CREATE INDEX "Request_forwardedAt_id_idx" ON "Request"("forwardedAt", "id");

-- CreateIndex
CREATE INDEX "Request_assignedAgentId_state_idx" ON "Request"("assignedAgentId", "state");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

