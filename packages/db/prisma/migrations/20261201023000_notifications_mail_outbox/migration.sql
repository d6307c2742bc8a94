-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "notification_kind" ADD VALUE 'REQUEST_RECEIVED';
ALTER TYPE "notification_kind" ADD VALUE 'REQUEST_VERIFIED';
ALTER TYPE "notification_kind" ADD VALUE 'REQUEST_RETURNED';
ALTER TYPE "notification_kind" ADD VALUE 'REQUEST_IN_PROGRESS';
ALTER TYPE "notification_kind" ADD VALUE 'REQUEST_REJECTED';
ALTER TYPE "notification_kind" ADD VALUE 'REQUEST_NOTE';
ALTER TYPE "notification_kind" ADD VALUE 'REQUEST_DEADLINE_MOVED';
ALTER TYPE "notification_kind" ADD VALUE 'REQUEST_ESCALATED';
ALTER TYPE "notification_kind" ADD VALUE 'REQUEST_ASSIGNED';
ALTER TYPE "notification_kind" ADD VALUE 'REQUEST_RESUBMITTED';
ALTER TYPE "notification_kind" ADD VALUE 'REQUEST_DUE_SOON';
ALTER TYPE "notification_kind" ADD VALUE 'REQUEST_OVERDUE';
ALTER TYPE "notification_kind" ADD VALUE 'REQUEST_ESCALATED_TO_YOU';
ALTER TYPE "notification_kind" ADD VALUE 'SUPERVISOR_DIGEST';

-- AlterTable
ALTER TABLE "account" ADD COLUMN     "language" TEXT NOT NULL DEFAULT 'id';

-- AlterTable
ALTER TABLE "notification" ADD COLUMN     "linkPath" TEXT,
ADD COLUMN     "onceKey" TEXT;

-- CreateTable
CREATE TABLE "mail_message" (
    "id" UUID NOT NULL,
    "messageId" TEXT NOT NULL,
    "toAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "textBody" TEXT NOT NULL,
    "htmlBody" TEXT,
    "headers" JSONB NOT NULL DEFAULT '{}',
    "purpose" TEXT NOT NULL,
    "accountId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "failedAt" TIMESTAMPTZ(3),

    CONSTRAINT "mail_message_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "mail_message_messageId_key" ON "mail_message"("messageId");

-- CreateIndex
CREATE INDEX "mail_message_sentAt_failedAt_nextAttemptAt_idx" ON "mail_message"("sentAt", "failedAt", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "notification_onceKey_key" ON "notification"("onceKey");
