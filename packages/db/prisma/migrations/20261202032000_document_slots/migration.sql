-- The requirements checklist (issue 19 item 4): document slots per service version, the slots a
-- return to the citizen names, and the staff reviews of each document.
-- CreateEnum
CREATE TYPE "document_review_decision" AS ENUM ('ACCEPTED', 'REFUSED');

-- AlterTable
ALTER TABLE "request_event" ADD COLUMN     "redoSlots" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "service_version" ADD COLUMN     "documentSlots" JSONB NOT NULL DEFAULT '[]';

-- CreateTable
CREATE TABLE "document_review" (
    "id" UUID NOT NULL,
    "attachmentId" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "decision" "document_review_decision" NOT NULL,
    "reason" TEXT,
    "reviewedByAccountId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "document_review_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "document_review_requestId_idx" ON "document_review"("requestId");

-- CreateIndex
CREATE INDEX "document_review_attachmentId_idx" ON "document_review"("attachmentId");

-- AddForeignKey
ALTER TABLE "document_review" ADD CONSTRAINT "document_review_attachmentId_fkey" FOREIGN KEY ("attachmentId") REFERENCES "attachment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_review" ADD CONSTRAINT "document_review_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "service_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Document reviews are append-only: a second look is a new review, a recorded one is never
-- rewritten (the latest counts). Rows go only with their request (ON DELETE CASCADE).
CREATE FUNCTION "document_review_refuse_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'document_review is append-only: record a new review instead of changing one';
END;
$$;

CREATE TRIGGER "document_review_append_only" BEFORE UPDATE ON "document_review"
  FOR EACH ROW EXECUTE FUNCTION "document_review_refuse_update"();
