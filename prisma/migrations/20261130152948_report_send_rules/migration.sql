-- AlterTable
ALTER TABLE "YearlyReport" ADD COLUMN     "documentNumberPending" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Measure" ADD COLUMN     "periodNote" TEXT;

-- Reports already sent up without a running number went as "ที่ …/-": pending, as said then.
UPDATE "YearlyReport" SET "documentNumberPending" = true WHERE "documentNumber" IS NULL AND "status" <> 'DRAFT';
