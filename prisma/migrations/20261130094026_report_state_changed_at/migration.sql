-- AlterTable
ALTER TABLE "YearlyReport" ADD COLUMN     "stateChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- Existing reports: the best record of when they reached their state
UPDATE "YearlyReport" SET "stateChangedAt" = CASE
  WHEN status = 'ACCEPTED' AND "acceptedAt" IS NOT NULL THEN "acceptedAt"
  WHEN status = 'SUBMITTED' AND "submittedAt" IS NOT NULL THEN "submittedAt"
  ELSE "updatedAt" END;
