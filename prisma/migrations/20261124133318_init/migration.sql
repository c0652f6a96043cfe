-- CreateEnum
CREATE TYPE "OrganizationType" AS ENUM ('PAO', 'CITY_MUNICIPALITY', 'TOWN_MUNICIPALITY', 'SUBDISTRICT_MUNICIPALITY', 'SAO');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ORG_EDITOR', 'ORG_SIGNER', 'DISTRICT_REVIEWER', 'PROVINCE_REVIEWER', 'ADMIN');

-- CreateEnum
CREATE TYPE "SignOffStep" AS ENUM ('HEAD_OF_OFFICE', 'CHIEF_ADMINISTRATOR', 'EXECUTIVE');

-- CreateEnum
CREATE TYPE "ItaTool" AS ENUM ('IIT', 'EIT', 'OIT');

-- CreateEnum
CREATE TYPE "DataOrigin" AS ENUM ('REAL', 'DEMO', 'SYNTHETIC');

-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('DRAFT', 'IN_SIGN_OFF', 'SUBMITTED', 'RETURNED', 'ACCEPTED');

-- CreateEnum
CREATE TYPE "SignOffDecision" AS ENUM ('ENDORSED', 'SENT_BACK');

-- CreateEnum
CREATE TYPE "ScoreSource" AS ENUM ('TYPED_IN', 'IMPORTED_FILE');

-- CreateTable
CREATE TABLE "Province" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "abbreviation" TEXT NOT NULL,
    "nameTh" TEXT NOT NULL,

    CONSTRAINT "Province_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "District" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "nameTh" TEXT NOT NULL,
    "provinceId" TEXT NOT NULL,

    CONSTRAINT "District_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LocalOrganization" (
    "id" TEXT NOT NULL,
    "dlaCode" TEXT NOT NULL,
    "nameTh" TEXT NOT NULL,
    "type" "OrganizationType" NOT NULL,
    "districtId" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "nameConfirmed" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "LocalOrganization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrganizationTypePeriod" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "type" "OrganizationType" NOT NULL,
    "nameTh" TEXT NOT NULL,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,

    CONSTRAINT "OrganizationTypePeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "titlePrefix" TEXT,
    "position" TEXT,
    "passwordHash" TEXT NOT NULL,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoleAssignment" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "organizationId" TEXT,
    "districtId" TEXT,
    "provinceId" TEXT,
    "signOffStep" "SignOffStep",
    "actingPosition" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoleAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginAttempt" (
    "id" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "ipAddress" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoginAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FiscalYear" (
    "id" TEXT NOT NULL,
    "yearBe" INTEGER NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "submissionDeadline" DATE NOT NULL,
    "isOpen" BOOLEAN NOT NULL DEFAULT true,
    "weightIit" DECIMAL(5,2) NOT NULL,
    "weightEit" DECIMAL(5,2) NOT NULL,
    "weightOit" DECIMAL(5,2) NOT NULL,

    CONSTRAINT "FiscalYear_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LevelRule" (
    "id" TEXT NOT NULL,
    "fiscalYearId" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "minTotal" DECIMAL(5,2) NOT NULL,
    "minEachTool" DECIMAL(5,2),
    "passing" BOOLEAN NOT NULL,

    CONSTRAINT "LevelRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ItaIndicator" (
    "id" TEXT NOT NULL,
    "fiscalYearId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "nameTh" TEXT NOT NULL,
    "tool" "ItaTool" NOT NULL,

    CONSTRAINT "ItaIndicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SuggestedIssue" (
    "id" TEXT NOT NULL,
    "fiscalYearId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "indicatorNumbers" INTEGER[],

    CONSTRAINT "SuggestedIssue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StandardResultItem" (
    "id" TEXT NOT NULL,
    "suggestedIssueId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "StandardResultItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "YearlyReport" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "fiscalYearId" TEXT NOT NULL,
    "status" "ReportStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "origin" "DataOrigin" NOT NULL DEFAULT 'REAL',
    "issuingSection" TEXT NOT NULL,
    "issuingPhone" TEXT,
    "documentCode" TEXT,
    "documentNumber" TEXT,
    "memoDate" DATE,
    "subject" TEXT NOT NULL,
    "addressee" TEXT NOT NULL,
    "body" TEXT,
    "preparerName" TEXT,
    "preparerPosition" TEXT,
    "submittedAt" TIMESTAMP(3),
    "acceptedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "YearlyReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportIssue" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "indicatorNumbers" INTEGER[],
    "suggestedIssueId" TEXT,

    CONSTRAINT "ReportIssue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Measure" (
    "id" TEXT NOT NULL,
    "issueId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "steps" TEXT[],
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "responsibleUnits" TEXT[],
    "outcomes" TEXT[],

    CONSTRAINT "Measure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeasureResultItem" (
    "id" TEXT NOT NULL,
    "measureId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "checked" BOOLEAN NOT NULL,
    "standardItemId" TEXT,

    CONSTRAINT "MeasureResultItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceLink" (
    "id" TEXT NOT NULL,
    "measureId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "url" TEXT NOT NULL,
    "label" TEXT NOT NULL,

    CONSTRAINT "EvidenceLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignOff" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "step" "SignOffStep" NOT NULL,
    "decision" "SignOffDecision" NOT NULL,
    "comment" TEXT,
    "signerId" TEXT,
    "signerName" TEXT NOT NULL,
    "signerPosition" TEXT NOT NULL,
    "actingPosition" TEXT,
    "signedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignOff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewComment" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "issueId" TEXT,
    "measureId" TEXT,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ItaResult" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "fiscalYearId" TEXT NOT NULL,
    "total" DECIMAL(5,2) NOT NULL,
    "iit" DECIMAL(5,2),
    "eit" DECIMAL(5,2),
    "oit" DECIMAL(5,2),
    "announcedLevel" TEXT,
    "derivedLevel" TEXT,
    "levelMismatch" BOOLEAN NOT NULL DEFAULT false,
    "source" "ScoreSource" NOT NULL,
    "sourceFileName" TEXT,
    "origin" "DataOrigin" NOT NULL DEFAULT 'REAL',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ItaResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ItaIndicatorScore" (
    "id" TEXT NOT NULL,
    "itaResultId" TEXT NOT NULL,
    "indicatorNumber" INTEGER NOT NULL,
    "score" DECIMAL(5,2) NOT NULL,

    CONSTRAINT "ItaIndicatorScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorUsername" TEXT,
    "organizationId" TEXT,
    "districtId" TEXT,
    "provinceId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "ipAddress" TEXT,
    "userAgent" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Province_code_key" ON "Province"("code");

-- CreateIndex
CREATE UNIQUE INDEX "District_code_key" ON "District"("code");

-- CreateIndex
CREATE INDEX "District_provinceId_idx" ON "District"("provinceId");

-- CreateIndex
CREATE UNIQUE INDEX "LocalOrganization_dlaCode_key" ON "LocalOrganization"("dlaCode");

-- CreateIndex
CREATE INDEX "LocalOrganization_districtId_idx" ON "LocalOrganization"("districtId");

-- CreateIndex
CREATE INDEX "OrganizationTypePeriod_organizationId_validFrom_idx" ON "OrganizationTypePeriod"("organizationId", "validFrom");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE INDEX "RoleAssignment_userId_idx" ON "RoleAssignment"("userId");

-- CreateIndex
CREATE INDEX "RoleAssignment_organizationId_idx" ON "RoleAssignment"("organizationId");

-- CreateIndex
CREATE INDEX "RoleAssignment_districtId_idx" ON "RoleAssignment"("districtId");

-- CreateIndex
CREATE INDEX "RoleAssignment_provinceId_idx" ON "RoleAssignment"("provinceId");

-- CreateIndex
CREATE INDEX "LoginAttempt_username_createdAt_idx" ON "LoginAttempt"("username", "createdAt");

-- CreateIndex
CREATE INDEX "LoginAttempt_ipAddress_createdAt_idx" ON "LoginAttempt"("ipAddress", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "FiscalYear_yearBe_key" ON "FiscalYear"("yearBe");

-- CreateIndex
CREATE UNIQUE INDEX "LevelRule_fiscalYearId_rank_key" ON "LevelRule"("fiscalYearId", "rank");

-- CreateIndex
CREATE UNIQUE INDEX "ItaIndicator_fiscalYearId_number_key" ON "ItaIndicator"("fiscalYearId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "SuggestedIssue_fiscalYearId_ordinal_key" ON "SuggestedIssue"("fiscalYearId", "ordinal");

-- CreateIndex
CREATE UNIQUE INDEX "StandardResultItem_suggestedIssueId_ordinal_key" ON "StandardResultItem"("suggestedIssueId", "ordinal");

-- CreateIndex
CREATE INDEX "YearlyReport_fiscalYearId_status_idx" ON "YearlyReport"("fiscalYearId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "YearlyReport_organizationId_fiscalYearId_key" ON "YearlyReport"("organizationId", "fiscalYearId");

-- CreateIndex
CREATE INDEX "ReportIssue_reportId_ordinal_idx" ON "ReportIssue"("reportId", "ordinal");

-- CreateIndex
CREATE INDEX "ReportIssue_suggestedIssueId_idx" ON "ReportIssue"("suggestedIssueId");

-- CreateIndex
CREATE INDEX "Measure_issueId_ordinal_idx" ON "Measure"("issueId", "ordinal");

-- CreateIndex
CREATE INDEX "MeasureResultItem_measureId_ordinal_idx" ON "MeasureResultItem"("measureId", "ordinal");

-- CreateIndex
CREATE INDEX "MeasureResultItem_standardItemId_idx" ON "MeasureResultItem"("standardItemId");

-- CreateIndex
CREATE INDEX "EvidenceLink_measureId_ordinal_idx" ON "EvidenceLink"("measureId", "ordinal");

-- CreateIndex
CREATE INDEX "SignOff_reportId_signedAt_idx" ON "SignOff"("reportId", "signedAt");

-- CreateIndex
CREATE INDEX "ReviewComment_reportId_createdAt_idx" ON "ReviewComment"("reportId", "createdAt");

-- CreateIndex
CREATE INDEX "ItaResult_fiscalYearId_idx" ON "ItaResult"("fiscalYearId");

-- CreateIndex
CREATE UNIQUE INDEX "ItaResult_organizationId_fiscalYearId_key" ON "ItaResult"("organizationId", "fiscalYearId");

-- CreateIndex
CREATE UNIQUE INDEX "ItaIndicatorScore_itaResultId_indicatorNumber_key" ON "ItaIndicatorScore"("itaResultId", "indicatorNumber");

-- CreateIndex
CREATE INDEX "AuditEvent_organizationId_createdAt_idx" ON "AuditEvent"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_createdAt_idx" ON "AuditEvent"("actorId", "createdAt");

-- AddForeignKey
ALTER TABLE "District" ADD CONSTRAINT "District_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LocalOrganization" ADD CONSTRAINT "LocalOrganization_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationTypePeriod" ADD CONSTRAINT "OrganizationTypePeriod_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "LocalOrganization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "LocalOrganization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LevelRule" ADD CONSTRAINT "LevelRule_fiscalYearId_fkey" FOREIGN KEY ("fiscalYearId") REFERENCES "FiscalYear"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ItaIndicator" ADD CONSTRAINT "ItaIndicator_fiscalYearId_fkey" FOREIGN KEY ("fiscalYearId") REFERENCES "FiscalYear"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuggestedIssue" ADD CONSTRAINT "SuggestedIssue_fiscalYearId_fkey" FOREIGN KEY ("fiscalYearId") REFERENCES "FiscalYear"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StandardResultItem" ADD CONSTRAINT "StandardResultItem_suggestedIssueId_fkey" FOREIGN KEY ("suggestedIssueId") REFERENCES "SuggestedIssue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "YearlyReport" ADD CONSTRAINT "YearlyReport_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "LocalOrganization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "YearlyReport" ADD CONSTRAINT "YearlyReport_fiscalYearId_fkey" FOREIGN KEY ("fiscalYearId") REFERENCES "FiscalYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportIssue" ADD CONSTRAINT "ReportIssue_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "YearlyReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportIssue" ADD CONSTRAINT "ReportIssue_suggestedIssueId_fkey" FOREIGN KEY ("suggestedIssueId") REFERENCES "SuggestedIssue"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "ReportIssue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureResultItem" ADD CONSTRAINT "MeasureResultItem_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureResultItem" ADD CONSTRAINT "MeasureResultItem_standardItemId_fkey" FOREIGN KEY ("standardItemId") REFERENCES "StandardResultItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceLink" ADD CONSTRAINT "EvidenceLink_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignOff" ADD CONSTRAINT "SignOff_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "YearlyReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignOff" ADD CONSTRAINT "SignOff_signerId_fkey" FOREIGN KEY ("signerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewComment" ADD CONSTRAINT "ReviewComment_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "YearlyReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewComment" ADD CONSTRAINT "ReviewComment_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "ReportIssue"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewComment" ADD CONSTRAINT "ReviewComment_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewComment" ADD CONSTRAINT "ReviewComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ItaResult" ADD CONSTRAINT "ItaResult_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "LocalOrganization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ItaResult" ADD CONSTRAINT "ItaResult_fiscalYearId_fkey" FOREIGN KEY ("fiscalYearId") REFERENCES "FiscalYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ItaIndicatorScore" ADD CONSTRAINT "ItaIndicatorScore_itaResultId_fkey" FOREIGN KEY ("itaResultId") REFERENCES "ItaResult"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Rules Prisma does not model: the scope node of a role matches the role, and scores stay in 0–100.
-- (Never put a semicolon in a comment: the driver adapter splits this file on every one.)
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_scope_check" CHECK (
  ("role" IN ('ORG_EDITOR', 'ORG_SIGNER') AND "organizationId" IS NOT NULL AND "districtId" IS NULL AND "provinceId" IS NULL)
  OR ("role" = 'DISTRICT_REVIEWER' AND "districtId" IS NOT NULL AND "organizationId" IS NULL AND "provinceId" IS NULL)
  OR ("role" = 'PROVINCE_REVIEWER' AND "provinceId" IS NOT NULL AND "organizationId" IS NULL AND "districtId" IS NULL)
  OR ("role" = 'ADMIN' AND "organizationId" IS NULL AND "districtId" IS NULL AND "provinceId" IS NULL)
);
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_signer_step_check"
  CHECK (("role" = 'ORG_SIGNER') = ("signOffStep" IS NOT NULL));
ALTER TABLE "ItaResult" ADD CONSTRAINT "ItaResult_score_range_check" CHECK (
  "total" BETWEEN 0 AND 100
  AND ("iit" IS NULL OR "iit" BETWEEN 0 AND 100)
  AND ("eit" IS NULL OR "eit" BETWEEN 0 AND 100)
  AND ("oit" IS NULL OR "oit" BETWEEN 0 AND 100)
);
ALTER TABLE "ItaIndicatorScore" ADD CONSTRAINT "ItaIndicatorScore_range_check" CHECK ("score" BETWEEN 0 AND 100);
