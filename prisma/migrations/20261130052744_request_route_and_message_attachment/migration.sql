-- AlterTable
ALTER TABLE "Request" ADD COLUMN     "experienceRoute" TEXT;

-- AlterTable
ALTER TABLE "RequestDocument" ADD COLUMN     "messageId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "RequestDocument_messageId_key" ON "RequestDocument"("messageId");

-- AddForeignKey
ALTER TABLE "RequestDocument" ADD CONSTRAINT "RequestDocument_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "RequestMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

