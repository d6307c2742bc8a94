-- CreateTable
CREATE TABLE "account_session" (
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMPTZ(3),
    "endReason" TEXT,

    CONSTRAINT "account_session_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "account_session_accountId_idx" ON "account_session"("accountId");

-- AddForeignKey
ALTER TABLE "account_session" ADD CONSTRAINT "account_session_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;
