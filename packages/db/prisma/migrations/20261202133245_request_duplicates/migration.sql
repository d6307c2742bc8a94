-- Duplicates and followers of complaints (issue 20 item 5).
-- pg_trgm: trigram similarity of descriptions, for the "similar complaints" shown before filing.
-- A contrib module of PostgreSQL; PGlite loads it at start (packages/db/src/pglite-extensions.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "follow_source" AS ENUM ('FOLLOW', 'DUPLICATE');

-- AlterEnum
ALTER TYPE "notification_kind" ADD VALUE 'REQUEST_MERGED';
ALTER TYPE "notification_kind" ADD VALUE 'REQUEST_FOLLOWED_UPDATE';

-- AlterEnum
ALTER TYPE "request_state" ADD VALUE 'DUPLICATE';

-- AlterTable
ALTER TABLE "service_request" ADD COLUMN     "duplicateOfId" UUID;

-- CreateTable
CREATE TABLE "request_follower" (
    "requestId" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "source" "follow_source" NOT NULL DEFAULT 'FOLLOW',
    "mergedRequestId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "request_follower_pkey" PRIMARY KEY ("requestId","accountId")
);

-- CreateIndex
CREATE INDEX "request_follower_accountId_idx" ON "request_follower"("accountId");

-- CreateIndex
CREATE INDEX "service_request_duplicateOfId_idx" ON "service_request"("duplicateOfId");

-- AddForeignKey
ALTER TABLE "service_request" ADD CONSTRAINT "service_request_duplicateOfId_fkey" FOREIGN KEY ("duplicateOfId") REFERENCES "service_request"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_follower" ADD CONSTRAINT "request_follower_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "service_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_follower" ADD CONSTRAINT "request_follower_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;
