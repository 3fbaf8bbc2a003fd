-- AlterEnum
ALTER TYPE "LoginOutcome" ADD VALUE 'UNAVAILABLE';

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

