-- CreateEnum
CREATE TYPE "ReviewCommentKind" AS ENUM ('COMMENT', 'RETURN', 'ACCEPT', 'REOPEN');

-- AlterTable
ALTER TABLE "YearlyReport" ADD COLUMN     "currentStep" "SignOffStep",
ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "signOffRound" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "SignOff" ADD COLUMN     "round" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "ReviewComment" ADD COLUMN     "authorName" TEXT NOT NULL,
ADD COLUMN     "kind" "ReviewCommentKind" NOT NULL DEFAULT 'COMMENT',
ADD COLUMN     "revision" INTEGER NOT NULL;

-- CreateTable
CREATE TABLE "ReportRevision" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportRevision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReportRevision_reportId_revision_key" ON "ReportRevision"("reportId", "revision");

-- AddForeignKey
ALTER TABLE "ReportRevision" ADD CONSTRAINT "ReportRevision_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "YearlyReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;
