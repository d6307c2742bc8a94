-- CreateEnum
CREATE TYPE "service_change_state" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateTable
CREATE TABLE "service_change" (
    "id" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "baseVersionId" UUID,
    "state" "service_change_state" NOT NULL DEFAULT 'PENDING',
    "proposed" JSONB NOT NULL,
    "changedParts" TEXT[],
    "note" TEXT NOT NULL,
    "proposedByAccountId" UUID NOT NULL,
    "proposedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedByAccountId" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "decisionReason" TEXT,
    "publishedVersionId" UUID,

    CONSTRAINT "service_change_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "service_change_publishedVersionId_key" ON "service_change"("publishedVersionId");

-- CreateIndex
CREATE INDEX "service_change_state_unitId_idx" ON "service_change"("state", "unitId");

-- CreateIndex
CREATE INDEX "service_change_serviceId_state_idx" ON "service_change"("serviceId", "state");

-- AddForeignKey
ALTER TABLE "service_change" ADD CONSTRAINT "service_change_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_change" ADD CONSTRAINT "service_change_baseVersionId_fkey" FOREIGN KEY ("baseVersionId") REFERENCES "service_version"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_change" ADD CONSTRAINT "service_change_proposedByAccountId_fkey" FOREIGN KEY ("proposedByAccountId") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_change" ADD CONSTRAINT "service_change_decidedByAccountId_fkey" FOREIGN KEY ("decidedByAccountId") REFERENCES "account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_change" ADD CONSTRAINT "service_change_publishedVersionId_fkey" FOREIGN KEY ("publishedVersionId") REFERENCES "service_version"("id") ON DELETE SET NULL ON UPDATE CASCADE;
