-- CreateEnum
CREATE TYPE "DepositEmails" AS ENUM ('EACH_DEPOSIT', 'DAILY_DIGEST', 'NONE');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "depositEmails" "DepositEmails" NOT NULL DEFAULT 'DAILY_DIGEST';

-- CreateTable
CREATE TABLE "DepositDigest" (
    "userId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "count" INTEGER NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DepositDigest_pkey" PRIMARY KEY ("userId","day")
);

-- AddForeignKey
ALTER TABLE "DepositDigest" ADD CONSTRAINT "DepositDigest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

