-- CreateEnum
CREATE TYPE "moderation_action" AS ENUM ('HIDE');

-- CreateEnum
CREATE TYPE "training_status" AS ENUM ('PENDING', 'CONFIRMED', 'REJECTED');

-- AlterTable
ALTER TABLE "training_record" ADD COLUMN     "recordedByAccountId" UUID,
ADD COLUMN     "reviewReason" TEXT,
ADD COLUMN     "reviewedAt" TIMESTAMPTZ(3),
ADD COLUMN     "reviewedByAccountId" UUID,
ADD COLUMN     "status" "training_status" NOT NULL DEFAULT 'CONFIRMED';

-- Existing trainings were recorded before the four-eyes rule: they stay counted (CONFIRMED);
-- from now on a row without an explicit status waits for review.
ALTER TABLE "training_record" ALTER COLUMN "status" SET DEFAULT 'PENDING';

-- CreateTable
CREATE TABLE "submission_moderation" (
    "id" UUID NOT NULL,
    "submissionId" UUID NOT NULL,
    "action" "moderation_action" NOT NULL,
    "reason" TEXT NOT NULL,
    "moderatorAccountId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "submission_moderation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "submission_moderation_submissionId_createdAt_idx" ON "submission_moderation"("submissionId", "createdAt");

-- CreateIndex
CREATE INDEX "survey_response_recordedByAccountId_createdAt_idx" ON "survey_response"("recordedByAccountId", "createdAt");

-- CreateIndex
CREATE INDEX "training_record_status_staffId_idx" ON "training_record"("status", "staffId");

-- Existing hides become the first record of each submission's moderation history.
INSERT INTO "submission_moderation" ("id", "submissionId", "action", "reason", "moderatorAccountId", "createdAt")
SELECT gen_random_uuid(), "id", 'HIDE', COALESCE("hiddenReason", ''), "hiddenById", "hiddenAt"
FROM "submission" WHERE "hiddenAt" IS NOT NULL;

-- AddForeignKey
ALTER TABLE "submission_moderation" ADD CONSTRAINT "submission_moderation_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;
