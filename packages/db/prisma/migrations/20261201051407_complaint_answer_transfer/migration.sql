-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "notification_kind" ADD VALUE 'REQUEST_TRANSFERRED';
ALTER TYPE "notification_kind" ADD VALUE 'REQUEST_REOPENED';

-- AlterTable
ALTER TABLE "service_request" ADD COLUMN     "finalClosedAt" TIMESTAMPTZ(3),
ADD COLUMN     "reopenCount" INTEGER NOT NULL DEFAULT 0;
