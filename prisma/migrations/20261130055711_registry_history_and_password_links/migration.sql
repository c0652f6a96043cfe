-- CreateEnum
CREATE TYPE "OrganizationEndReason" AS ENUM ('MERGED', 'DISSOLVED');

-- AlterTable
ALTER TABLE "LocalOrganization" ADD COLUMN     "endReason" "OrganizationEndReason",
ADD COLUMN     "endedAt" DATE,
ADD COLUMN     "mergedIntoId" TEXT;

-- AlterTable
ALTER TABLE "User" ALTER COLUMN "passwordHash" DROP NOT NULL;

-- CreateTable
CREATE TABLE "PasswordSetupLink" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "PasswordSetupLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PasswordSetupLink_tokenHash_key" ON "PasswordSetupLink"("tokenHash");

-- CreateIndex
CREATE INDEX "PasswordSetupLink_userId_idx" ON "PasswordSetupLink"("userId");

-- AddForeignKey
ALTER TABLE "LocalOrganization" ADD CONSTRAINT "LocalOrganization_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "LocalOrganization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PasswordSetupLink" ADD CONSTRAINT "PasswordSetupLink_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A merged organisation names the one that took it over
ALTER TABLE "LocalOrganization" ADD CONSTRAINT "LocalOrganization_merged_into_check" CHECK ("endReason" IS DISTINCT FROM 'MERGED' OR "mergedIntoId" IS NOT NULL);
