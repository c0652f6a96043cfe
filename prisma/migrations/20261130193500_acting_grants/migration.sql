-- CreateTable
CREATE TABLE "ActingGrant" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "step" "SignOffStep" NOT NULL,
    "position" TEXT NOT NULL,
    "validFrom" DATE NOT NULL,
    "validTo" DATE NOT NULL,
    "grantedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    "revokedById" TEXT,

    CONSTRAINT "ActingGrant_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ActingGrant_organizationId_idx" ON "ActingGrant"("organizationId");

-- CreateIndex
CREATE INDEX "ActingGrant_userId_idx" ON "ActingGrant"("userId");

-- AddForeignKey
ALTER TABLE "ActingGrant" ADD CONSTRAINT "ActingGrant_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "LocalOrganization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActingGrant" ADD CONSTRAINT "ActingGrant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActingGrant" ADD CONSTRAINT "ActingGrant_grantedById_fkey" FOREIGN KEY ("grantedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActingGrant" ADD CONSTRAINT "ActingGrant_revokedById_fkey" FOREIGN KEY ("revokedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A period runs forwards.
ALTER TABLE "ActingGrant" ADD CONSTRAINT "ActingGrant_period_check" CHECK ("validFrom" <= "validTo");

-- Row-level security (as 20261130170000_row_level_security): an organisation's own rows, visible when the organisation is.
ALTER TABLE "ActingGrant" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY scope ON "ActingGrant" USING ((SELECT prongsai_sees_all()) OR EXISTS (SELECT 1 FROM "LocalOrganization" o WHERE o.id = "organizationId"));
