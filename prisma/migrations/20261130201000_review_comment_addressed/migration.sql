-- AlterTable
ALTER TABLE "ReviewComment" ADD COLUMN     "addressedAt" TIMESTAMP(3),
ADD COLUMN     "addressedById" TEXT,
ADD COLUMN     "addressedByName" TEXT;
