-- CreateEnum
CREATE TYPE "LevelBasis" AS ENUM ('ANNOUNCED', 'RULE', 'TOTAL_ONLY');

-- CreateEnum
CREATE TYPE "ItaResultChangeKind" AS ENUM ('REPORTED', 'ENTERED', 'IMPORTED', 'CONFIRMED');

-- AlterEnum: results typed in before provenance was kept were entered as announced, and stay so
ALTER TYPE "ScoreSource" RENAME VALUE 'TYPED_IN' TO 'PROVINCE_ENTERED';
ALTER TYPE "ScoreSource" ADD VALUE 'ORGANIZATION_REPORTED';

-- AlterTable
ALTER TABLE "ItaResult" ADD COLUMN     "confirmedAt" TIMESTAMP(3),
ADD COLUMN     "confirmedById" TEXT,
ADD COLUMN     "level" TEXT,
ADD COLUMN     "levelBasis" "LevelBasis";

-- CreateTable
CREATE TABLE "ItaResultChange" (
    "id" TEXT NOT NULL,
    "itaResultId" TEXT NOT NULL,
    "kind" "ItaResultChangeKind" NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT,
    "reason" TEXT,
    "before" JSONB,
    "after" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ItaResultChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ItaResultChange_itaResultId_createdAt_idx" ON "ItaResultChange"("itaResultId", "createdAt");

-- AddForeignKey
ALTER TABLE "ItaResult" ADD CONSTRAINT "ItaResult_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ItaResultChange" ADD CONSTRAINT "ItaResultChange_itaResultId_fkey" FOREIGN KEY ("itaResultId") REFERENCES "ItaResult"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ItaResultChange" ADD CONSTRAINT "ItaResultChange_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The one level of every stored result, as resolveLevel (server/domain/ita-level.ts) gives it:
-- the announced level (spelled as the year's rule when only spaces differ), else the derived one,
-- else by the total alone (the first rule by rank whose minimum total is met).
UPDATE "ItaResult" r SET
  "level" = coalesce(
    (SELECT l.label FROM "LevelRule" l WHERE l."fiscalYearId" = r."fiscalYearId"
        AND regexp_replace(l.label, '\s', '', 'g') = regexp_replace(r."announcedLevel", '\s', '', 'g') LIMIT 1),
    r."announcedLevel"),
  "levelBasis" = 'ANNOUNCED'
WHERE r."announcedLevel" IS NOT NULL AND btrim(r."announcedLevel") <> '';

UPDATE "ItaResult" r SET "level" = r."derivedLevel", "levelBasis" = 'RULE'
WHERE r."levelBasis" IS NULL AND r."derivedLevel" IS NOT NULL;

UPDATE "ItaResult" r SET
  "level" = (SELECT l.label FROM "LevelRule" l WHERE l."fiscalYearId" = r."fiscalYearId" AND l."minTotal" <= r.total ORDER BY l.rank LIMIT 1),
  "levelBasis" = 'TOTAL_ONLY'
WHERE r."levelBasis" IS NULL
  AND EXISTS (SELECT 1 FROM "LevelRule" l WHERE l."fiscalYearId" = r."fiscalYearId" AND l."minTotal" <= r.total);
