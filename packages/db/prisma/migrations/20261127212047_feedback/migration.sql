-- CreateEnum
CREATE TYPE "skm_element_code" AS ENUM ('PERSYARATAN', 'PROSEDUR', 'WAKTU', 'BIAYA', 'PRODUK', 'KOMPETENSI', 'PERILAKU', 'PENGADUAN', 'SARANA');

-- CreateEnum
CREATE TYPE "skm_channel" AS ENUM ('ONLINE', 'COUNTER');

-- CreateEnum
CREATE TYPE "ikm_rule" AS ENUM ('PERMENPANRB_14_2017', 'KEPMENPAN_25_2004');

-- CreateEnum
CREATE TYPE "improvement_action_status" AS ENUM ('OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED');

-- AlterEnum
ALTER TYPE "notification_kind" ADD VALUE 'SURVEY_INVITATION';

-- AlterTable
ALTER TABLE "notification" ADD COLUMN     "requestId" UUID;

-- CreateTable
CREATE TABLE "survey_response" (
    "id" UUID NOT NULL,
    "requestId" UUID,
    "channel" "skm_channel" NOT NULL,
    "serviceId" UUID NOT NULL,
    "serviceVersionId" UUID,
    "unitId" UUID NOT NULL,
    "date" DATE NOT NULL,
    "respondentCode" TEXT NOT NULL,
    "gender" "gender",
    "ageBand" TEXT,
    "education" TEXT,
    "occupation" TEXT,
    "suggestion" TEXT,
    "recordedByAccountId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "survey_response_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "survey_answer" (
    "responseId" UUID NOT NULL,
    "element" "skm_element_code" NOT NULL,
    "score" INTEGER NOT NULL,

    CONSTRAINT "survey_answer_pkey" PRIMARY KEY ("responseId","element")
);

-- CreateTable
CREATE TABLE "staff_citizen_rating" (
    "id" UUID NOT NULL,
    "responseId" UUID NOT NULL,
    "staffId" UUID NOT NULL,
    "competence" INTEGER NOT NULL,
    "behaviour" INTEGER NOT NULL,
    "comment" TEXT,
    "date" DATE NOT NULL,

    CONSTRAINT "staff_citizen_rating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "historic_ikm" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "index" DOUBLE PRECISION,
    "grade" TEXT NOT NULL,
    "rule" "ikm_rule" NOT NULL,
    "respondents" INTEGER,
    "source" TEXT NOT NULL DEFAULT '',
    "recordedByAccountId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "historic_ikm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "skm_competency_mapping" (
    "element" "skm_element_code" NOT NULL,
    "competencyId" UUID NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "skm_competency_mapping_pkey" PRIMARY KEY ("element","competencyId")
);

-- CreateTable
CREATE TABLE "improvement_action" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "periodKey" TEXT NOT NULL,
    "sourceKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "titleId" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "reasonId" TEXT NOT NULL,
    "reasonEn" TEXT NOT NULL,
    "element" "skm_element_code",
    "serviceId" UUID,
    "competencyId" UUID,
    "ownerStaffId" UUID,
    "dueOn" DATE NOT NULL,
    "status" "improvement_action_status" NOT NULL DEFAULT 'OPEN',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "doneOn" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "improvement_action_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "improvement_action_update" (
    "id" UUID NOT NULL,
    "actionId" UUID NOT NULL,
    "progress" INTEGER NOT NULL,
    "status" "improvement_action_status" NOT NULL,
    "note" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "authorAccountId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "improvement_action_update_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "survey_response_requestId_key" ON "survey_response"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "survey_response_respondentCode_key" ON "survey_response"("respondentCode");

-- CreateIndex
CREATE INDEX "survey_response_unitId_date_idx" ON "survey_response"("unitId", "date");

-- CreateIndex
CREATE INDEX "survey_response_serviceId_date_idx" ON "survey_response"("serviceId", "date");

-- CreateIndex
CREATE INDEX "survey_response_date_idx" ON "survey_response"("date");

-- CreateIndex
CREATE INDEX "staff_citizen_rating_staffId_date_idx" ON "staff_citizen_rating"("staffId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "staff_citizen_rating_responseId_staffId_key" ON "staff_citizen_rating"("responseId", "staffId");

-- CreateIndex
CREATE UNIQUE INDEX "historic_ikm_unitId_year_key" ON "historic_ikm"("unitId", "year");

-- CreateIndex
CREATE INDEX "improvement_action_unitId_status_idx" ON "improvement_action"("unitId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "improvement_action_unitId_periodKey_sourceKey_key" ON "improvement_action"("unitId", "periodKey", "sourceKey");

-- CreateIndex
CREATE INDEX "improvement_action_update_actionId_date_idx" ON "improvement_action_update"("actionId", "date");

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "service_request"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "service_request"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_serviceVersionId_fkey" FOREIGN KEY ("serviceVersionId") REFERENCES "service_version"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_answer" ADD CONSTRAINT "survey_answer_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "survey_response"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "staff_citizen_rating" ADD CONSTRAINT "staff_citizen_rating_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "survey_response"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "staff_citizen_rating" ADD CONSTRAINT "staff_citizen_rating_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "historic_ikm" ADD CONSTRAINT "historic_ikm_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "skm_competency_mapping" ADD CONSTRAINT "skm_competency_mapping_competencyId_fkey" FOREIGN KEY ("competencyId") REFERENCES "competency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "improvement_action" ADD CONSTRAINT "improvement_action_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "improvement_action" ADD CONSTRAINT "improvement_action_ownerStaffId_fkey" FOREIGN KEY ("ownerStaffId") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "improvement_action_update" ADD CONSTRAINT "improvement_action_update_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "improvement_action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Scores are 1–4 (PermenPANRB 14/2017); Prisma has no syntax for CHECK, so it is added here.
ALTER TABLE "survey_answer" ADD CONSTRAINT "survey_answer_score_check" CHECK ("score" BETWEEN 1 AND 4);
ALTER TABLE "staff_citizen_rating" ADD CONSTRAINT "staff_citizen_rating_scores_check" CHECK ("competence" BETWEEN 1 AND 4 AND "behaviour" BETWEEN 1 AND 4);
