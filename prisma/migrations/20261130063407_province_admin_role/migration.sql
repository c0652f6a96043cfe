-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'PROVINCE_ADMIN' BEFORE 'ADMIN';

-- A province administrator is granted at a province, like a province reviewer. The roles are
-- compared as text: a value added to an enum cannot be used in the transaction that adds it.
ALTER TABLE "RoleAssignment" DROP CONSTRAINT "RoleAssignment_scope_check";
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_scope_check" CHECK (
  ("role"::text IN ('ORG_EDITOR', 'ORG_SIGNER') AND "organizationId" IS NOT NULL AND "districtId" IS NULL AND "provinceId" IS NULL)
  OR ("role"::text = 'DISTRICT_REVIEWER' AND "districtId" IS NOT NULL AND "organizationId" IS NULL AND "provinceId" IS NULL)
  OR ("role"::text IN ('PROVINCE_REVIEWER', 'PROVINCE_ADMIN') AND "provinceId" IS NOT NULL AND "organizationId" IS NULL AND "districtId" IS NULL)
  OR ("role"::text = 'ADMIN' AND "organizationId" IS NULL AND "districtId" IS NULL AND "provinceId" IS NULL)
);
