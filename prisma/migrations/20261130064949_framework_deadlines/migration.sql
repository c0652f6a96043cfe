-- DropForeignKey
ALTER TABLE "ReportIssue" DROP CONSTRAINT "ReportIssue_suggestedIssueId_fkey";

-- DropForeignKey
ALTER TABLE "MeasureResultItem" DROP CONSTRAINT "MeasureResultItem_standardItemId_fkey";

-- CreateTable
CREATE TABLE "DeadlineExtension" (
    "id" TEXT NOT NULL,
    "fiscalYearId" TEXT NOT NULL,
    "provinceId" TEXT NOT NULL,
    "deadline" DATE NOT NULL,
    "reason" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeadlineExtension_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DeadlineExtension_provinceId_idx" ON "DeadlineExtension"("provinceId");

-- CreateIndex
CREATE UNIQUE INDEX "DeadlineExtension_fiscalYearId_provinceId_key" ON "DeadlineExtension"("fiscalYearId", "provinceId");

-- AddForeignKey
ALTER TABLE "DeadlineExtension" ADD CONSTRAINT "DeadlineExtension_fiscalYearId_fkey" FOREIGN KEY ("fiscalYearId") REFERENCES "FiscalYear"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeadlineExtension" ADD CONSTRAINT "DeadlineExtension_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportIssue" ADD CONSTRAINT "ReportIssue_suggestedIssueId_fkey" FOREIGN KEY ("suggestedIssueId") REFERENCES "SuggestedIssue"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureResultItem" ADD CONSTRAINT "MeasureResultItem_standardItemId_fkey" FOREIGN KEY ("standardItemId") REFERENCES "StandardResultItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
