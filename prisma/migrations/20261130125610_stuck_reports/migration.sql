-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "SignOffDecision" ADD VALUE 'WITHDRAWN';
ALTER TYPE "SignOffDecision" ADD VALUE 'REROUTED';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'REROUTED';
ALTER TYPE "NotificationKind" ADD VALUE 'NO_SIGNER';

-- AlterTable
ALTER TABLE "SignOff" ADD COLUMN     "movedTo" "SignOffStep";
