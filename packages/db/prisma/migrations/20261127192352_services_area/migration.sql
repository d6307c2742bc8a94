-- CreateEnum
CREATE TYPE "holiday_kind" AS ENUM ('NATIONAL', 'CUTI_BERSAMA', 'LOCAL');

-- CreateEnum
CREATE TYPE "request_state" AS ENUM ('SUBMITTED', 'VERIFIED', 'IN_PROGRESS', 'COMPLETED', 'RETURNED_TO_CITIZEN', 'REJECTED', 'ESCALATED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "request_channel" AS ENUM ('ONLINE', 'COUNTER');

-- AlterTable
ALTER TABLE "service" ADD COLUMN     "currentVersionId" UUID;

-- CreateTable
CREATE TABLE "holiday" (
    "id" UUID NOT NULL,
    "date" DATE NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "holiday_kind" NOT NULL,
    "provisional" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT NOT NULL DEFAULT '',
    "confirmedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "holiday_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_version" (
    "id" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "nameId" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "kind" "service_kind" NOT NULL,
    "unitId" UUID NOT NULL,
    "standard" JSONB NOT NULL,
    "attributes" JSONB NOT NULL,
    "completionDays" INTEGER NOT NULL,
    "requiredCompetencyId" UUID,
    "requiredLevel" INTEGER,
    "note" TEXT NOT NULL DEFAULT '',
    "createdByAccountId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "service_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_request" (
    "id" UUID NOT NULL,
    "trackingCode" TEXT NOT NULL,
    "serviceId" UUID NOT NULL,
    "serviceVersionId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "citizenAccountId" UUID NOT NULL,
    "submittedByAccountId" UUID NOT NULL,
    "channel" "request_channel" NOT NULL DEFAULT 'ONLINE',
    "idempotencyKey" TEXT,
    "originalText" TEXT NOT NULL,
    "attributeValues" JSONB NOT NULL,
    "state" "request_state" NOT NULL DEFAULT 'SUBMITTED',
    "version" INTEGER NOT NULL DEFAULT 1,
    "assigneeStaffId" UUID,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "verificationDueOn" DATE NOT NULL,
    "completionDueOn" DATE,
    "verifiedAt" TIMESTAMPTZ(3),
    "completedAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "verifyWorkingDays" INTEGER,
    "completeWorkingDays" INTEGER,
    "escalatedDueOn" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "service_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "request_event" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "sequence" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "fromState" "request_state",
    "toState" "request_state" NOT NULL,
    "actorKind" TEXT NOT NULL,
    "actorAccountId" UUID,
    "publicNote" TEXT,
    "internalNote" TEXT,
    "assigneeStaffId" UUID,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "request_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tracking_counter" (
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "tracking_counter_pkey" PRIMARY KEY ("year")
);

-- CreateIndex
CREATE UNIQUE INDEX "holiday_date_kind_key" ON "holiday"("date", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "service_version_serviceId_version_key" ON "service_version"("serviceId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "service_request_trackingCode_key" ON "service_request"("trackingCode");

-- CreateIndex
CREATE INDEX "service_request_citizenAccountId_idx" ON "service_request"("citizenAccountId");

-- CreateIndex
CREATE INDEX "service_request_unitId_state_idx" ON "service_request"("unitId", "state");

-- CreateIndex
CREATE INDEX "service_request_serviceId_submittedAt_idx" ON "service_request"("serviceId", "submittedAt");

-- CreateIndex
CREATE INDEX "service_request_assigneeStaffId_state_idx" ON "service_request"("assigneeStaffId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "service_request_submittedByAccountId_idempotencyKey_key" ON "service_request"("submittedByAccountId", "idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "request_event_requestId_sequence_key" ON "request_event"("requestId", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "service_currentVersionId_key" ON "service"("currentVersionId");

-- AddForeignKey
ALTER TABLE "service" ADD CONSTRAINT "service_currentVersionId_fkey" FOREIGN KEY ("currentVersionId") REFERENCES "service_version"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_version" ADD CONSTRAINT "service_version_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_version" ADD CONSTRAINT "service_version_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_version" ADD CONSTRAINT "service_version_requiredCompetencyId_fkey" FOREIGN KEY ("requiredCompetencyId") REFERENCES "competency"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_request" ADD CONSTRAINT "service_request_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_request" ADD CONSTRAINT "service_request_serviceVersionId_fkey" FOREIGN KEY ("serviceVersionId") REFERENCES "service_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_request" ADD CONSTRAINT "service_request_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_request" ADD CONSTRAINT "service_request_citizenAccountId_fkey" FOREIGN KEY ("citizenAccountId") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_request" ADD CONSTRAINT "service_request_assigneeStaffId_fkey" FOREIGN KEY ("assigneeStaffId") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_event" ADD CONSTRAINT "request_event_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "service_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;
