-- AlterTable
ALTER TABLE "account" ADD COLUMN     "erasedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "attachment" ADD COLUMN     "erasedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "service_request" ADD COLUMN     "personalDataErasedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "privacy_consent" (
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "noticeVersion" TEXT NOT NULL,
    "givenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnAt" TIMESTAMPTZ(3),

    CONSTRAINT "privacy_consent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "identity_view" (
    "id" UUID NOT NULL,
    "subjectAccountId" UUID NOT NULL,
    "viewerAccountId" UUID NOT NULL,
    "what" TEXT NOT NULL,
    "requestId" UUID,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "identity_view_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "privacy_consent_accountId_givenAt_idx" ON "privacy_consent"("accountId", "givenAt");

-- CreateIndex
CREATE INDEX "identity_view_subjectAccountId_at_idx" ON "identity_view"("subjectAccountId", "at");

-- CreateIndex
CREATE INDEX "service_request_personalDataErasedAt_closedAt_idx" ON "service_request"("personalDataErasedAt", "closedAt");

-- AddForeignKey
ALTER TABLE "privacy_consent" ADD CONSTRAINT "privacy_consent_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "identity_view" ADD CONSTRAINT "identity_view_subjectAccountId_fkey" FOREIGN KEY ("subjectAccountId") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "identity_view" ADD CONSTRAINT "identity_view_viewerAccountId_fkey" FOREIGN KEY ("viewerAccountId") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
