-- AlterEnum
ALTER TYPE "LoginOutcome" ADD VALUE 'UNAVAILABLE';

-- AlterTable
ALTER TABLE "Request" ADD COLUMN     "experienceRoute" TEXT;

-- AlterTable
ALTER TABLE "RequestDocument" ADD COLUMN     "messageId" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "directoryLearnerNumber" TEXT,
ALTER COLUMN "passwordHash" DROP NOT NULL;

-- CreateTable
CREATE TABLE "LoginIpWindow" (
    "ip" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "LoginIpWindow_pkey" PRIMARY KEY ("ip","windowStart")
);

-- CreateIndex
CREATE INDEX "LoginIpWindow_windowStart_idx" ON "LoginIpWindow"("windowStart");

-- CreateIndex
CREATE UNIQUE INDEX "RequestDocument_messageId_key" ON "RequestDocument"("messageId");

-- AddForeignKey
ALTER TABLE "RequestDocument" ADD CONSTRAINT "RequestDocument_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "RequestMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

