-- CreateEnum
CREATE TYPE "attachment_purpose" AS ENUM ('FILING', 'CORRECTION', 'STAFF_NOTE', 'FORUM_SUBMISSION');

-- AlterTable
ALTER TABLE "request_location" ADD COLUMN     "mediaUrls" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "service_version" ADD COLUMN     "attachmentLimits" JSONB;

-- CreateTable
CREATE TABLE "attachment" (
    "id" UUID NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "mediaType" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "purpose" "attachment_purpose" NOT NULL,
    "uploadedByAccountId" UUID,
    "uploadedByApiKeyId" UUID,
    "requestId" UUID,
    "requestEventId" UUID,
    "submissionId" UUID,
    "slot" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attachment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "attachment_requestId_idx" ON "attachment"("requestId");

-- CreateIndex
CREATE INDEX "attachment_requestEventId_idx" ON "attachment"("requestEventId");

-- CreateIndex
CREATE INDEX "attachment_submissionId_idx" ON "attachment"("submissionId");

-- CreateIndex
CREATE INDEX "attachment_sha256_idx" ON "attachment"("sha256");

-- AddForeignKey
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "service_request"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_requestEventId_fkey" FOREIGN KEY ("requestEventId") REFERENCES "request_event"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "submission"("id") ON DELETE SET NULL ON UPDATE CASCADE;
