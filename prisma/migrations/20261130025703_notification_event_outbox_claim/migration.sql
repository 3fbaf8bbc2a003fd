-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "eventId" INTEGER;

-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "claimedAt" TIMESTAMP(3);

-- CreateIndex
CREATE UNIQUE INDEX "Notification_eventId_userId_key" ON "Notification"("eventId", "userId");

