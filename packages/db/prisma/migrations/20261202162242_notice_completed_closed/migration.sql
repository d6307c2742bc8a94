-- Notices to reporters known only by a contact address (issue 20, new-user trial D2): the completion
-- notice REQUEST_COMPLETED, and REQUEST_CLOSED when a complaint's answer window passed.
-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "notification_kind" ADD VALUE 'REQUEST_COMPLETED';
ALTER TYPE "notification_kind" ADD VALUE 'REQUEST_CLOSED';
