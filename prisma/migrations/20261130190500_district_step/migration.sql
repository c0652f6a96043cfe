-- The optional district step (issue 14, item 7): a province may require its district reviewer
-- to endorse a submission before the province accepts it.
ALTER TABLE "Province" ADD COLUMN "requireDistrictEndorsement" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "YearlyReport" ADD COLUMN "districtEndorsedAt" TIMESTAMP(3), ADD COLUMN "districtEndorsedByName" TEXT;
ALTER TYPE "ReviewCommentKind" ADD VALUE 'DISTRICT_ENDORSE';
