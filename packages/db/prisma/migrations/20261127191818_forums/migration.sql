-- CreateEnum
CREATE TYPE "submission_kind" AS ENUM ('ASPIRATION', 'CRITIQUE');

-- CreateEnum
CREATE TYPE "answer_status" AS ENUM ('UNDER_REVIEW', 'ACCEPTED', 'REJECTED', 'ALREADY_PLANNED');

-- CreateEnum
CREATE TYPE "commitment_status" AS ENUM ('PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "notification_kind" AS ENUM ('SUBMISSION_ANSWERED', 'COMMITMENT_CREATED', 'COMMITMENT_PROGRESS', 'COMMITMENT_DONE', 'COMMITMENT_CANCELLED', 'SUBMISSION_HIDDEN');

-- CreateTable
CREATE TABLE "forum" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "unitId" UUID NOT NULL,
    "answerDays" INTEGER NOT NULL DEFAULT 14,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "forum_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "forum_session" (
    "id" UUID NOT NULL,
    "forumId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "agenda" TEXT NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "districtId" UUID,
    "place" TEXT NOT NULL,
    "minutes" TEXT,
    "minutesPublishedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "forum_session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session_representative" (
    "sessionId" UUID NOT NULL,
    "staffId" UUID NOT NULL,

    CONSTRAINT "session_representative_pkey" PRIMARY KEY ("sessionId","staffId")
);

-- CreateTable
CREATE TABLE "submission" (
    "id" UUID NOT NULL,
    "forumId" UUID NOT NULL,
    "sessionId" UUID,
    "authorId" UUID NOT NULL,
    "kind" "submission_kind" NOT NULL,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "hideAuthorName" BOOLEAN NOT NULL DEFAULT false,
    "serviceId" UUID,
    "unitId" UUID NOT NULL,
    "status" "answer_status" NOT NULL DEFAULT 'UNDER_REVIEW',
    "answerDueOn" DATE NOT NULL,
    "answerReason" TEXT,
    "answeredAt" TIMESTAMPTZ(3),
    "answeredById" UUID,
    "hiddenAt" TIMESTAMPTZ(3),
    "hiddenReason" TEXT,
    "hiddenById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "submission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "submission_support" (
    "submissionId" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "submission_support_pkey" PRIMARY KEY ("submissionId","accountId")
);

-- CreateTable
CREATE TABLE "submission_follow" (
    "submissionId" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "submission_follow_pkey" PRIMARY KEY ("submissionId","accountId")
);

-- CreateTable
CREATE TABLE "commitment" (
    "id" UUID NOT NULL,
    "submissionId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "responsibleStaffId" UUID NOT NULL,
    "description" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "status" "commitment_status" NOT NULL DEFAULT 'PLANNED',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "cancelReason" TEXT,
    "doneOn" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "commitment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "commitment_update" (
    "id" UUID NOT NULL,
    "commitmentId" UUID NOT NULL,
    "progress" INTEGER NOT NULL,
    "note" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "authorId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "commitment_update_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification" (
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "kind" "notification_kind" NOT NULL,
    "submissionId" UUID,
    "titleId" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "readAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "forum_slug_key" ON "forum"("slug");

-- CreateIndex
CREATE INDEX "forum_unitId_idx" ON "forum"("unitId");

-- CreateIndex
CREATE INDEX "forum_session_forumId_startsAt_idx" ON "forum_session"("forumId", "startsAt");

-- CreateIndex
CREATE INDEX "submission_forumId_createdAt_idx" ON "submission"("forumId", "createdAt");

-- CreateIndex
CREATE INDEX "submission_unitId_status_idx" ON "submission"("unitId", "status");

-- CreateIndex
CREATE INDEX "submission_authorId_idx" ON "submission"("authorId");

-- CreateIndex
CREATE UNIQUE INDEX "commitment_submissionId_key" ON "commitment"("submissionId");

-- CreateIndex
CREATE INDEX "commitment_unitId_status_idx" ON "commitment"("unitId", "status");

-- CreateIndex
CREATE INDEX "commitment_update_commitmentId_date_idx" ON "commitment_update"("commitmentId", "date");

-- CreateIndex
CREATE INDEX "notification_accountId_readAt_createdAt_idx" ON "notification"("accountId", "readAt", "createdAt");

-- AddForeignKey
ALTER TABLE "forum" ADD CONSTRAINT "forum_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "forum_session" ADD CONSTRAINT "forum_session_forumId_fkey" FOREIGN KEY ("forumId") REFERENCES "forum"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "forum_session" ADD CONSTRAINT "forum_session_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "district"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_representative" ADD CONSTRAINT "session_representative_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "forum_session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_representative" ADD CONSTRAINT "session_representative_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submission" ADD CONSTRAINT "submission_forumId_fkey" FOREIGN KEY ("forumId") REFERENCES "forum"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submission" ADD CONSTRAINT "submission_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "forum_session"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submission" ADD CONSTRAINT "submission_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submission" ADD CONSTRAINT "submission_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "service"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submission" ADD CONSTRAINT "submission_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submission" ADD CONSTRAINT "submission_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submission" ADD CONSTRAINT "submission_hiddenById_fkey" FOREIGN KEY ("hiddenById") REFERENCES "account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submission_support" ADD CONSTRAINT "submission_support_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submission_support" ADD CONSTRAINT "submission_support_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submission_follow" ADD CONSTRAINT "submission_follow_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submission_follow" ADD CONSTRAINT "submission_follow_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "commitment" ADD CONSTRAINT "commitment_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "submission"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "commitment" ADD CONSTRAINT "commitment_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "commitment" ADD CONSTRAINT "commitment_responsibleStaffId_fkey" FOREIGN KEY ("responsibleStaffId") REFERENCES "staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "commitment_update" ADD CONSTRAINT "commitment_update_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "commitment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "commitment_update" ADD CONSTRAINT "commitment_update_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "submission"("id") ON DELETE SET NULL ON UPDATE CASCADE;
