-- AlterTable
ALTER TABLE "GeneratedLetter" ADD COLUMN     "content" JSONB;

