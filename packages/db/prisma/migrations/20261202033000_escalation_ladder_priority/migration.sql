-- CreateEnum
CREATE TYPE "escalation_level" AS ENUM ('UNIT_SUPERVISOR', 'AGENCY_HEAD', 'COORDINATOR');

-- CreateEnum
CREATE TYPE "request_priority" AS ENUM ('NORMAL', 'URGENT');

-- AlterTable
ALTER TABLE "service_request" ADD COLUMN     "escalationLevel" "escalation_level",
ADD COLUMN     "escalationLevelAt" TIMESTAMPTZ(3),
ADD COLUMN     "escalationUnitId" UUID,
ADD COLUMN     "priority" "request_priority" NOT NULL DEFAULT 'NORMAL',
ADD COLUMN     "priorityReason" TEXT;

-- CreateTable
CREATE TABLE "response_template" (
    "id" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "state" "request_state" NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "response_template_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "response_template_serviceId_state_idx" ON "response_template"("serviceId", "state");

-- CreateIndex
CREATE INDEX "service_request_escalationLevel_escalationUnitId_idx" ON "service_request"("escalationLevel", "escalationUnitId");

-- AddForeignKey
ALTER TABLE "response_template" ADD CONSTRAINT "response_template_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "service"("id") ON DELETE CASCADE ON UPDATE CASCADE;
