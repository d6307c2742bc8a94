-- AlterTable
ALTER TABLE "account" ADD COLUMN     "emailVerifiedAt" TIMESTAMPTZ(3),
ADD COLUMN     "phoneVerifiedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "service_request" ADD COLUMN     "citizenAttachedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "account_token" (
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "purpose" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),

    CONSTRAINT "account_token_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "account_token_tokenHash_key" ON "account_token"("tokenHash");

-- CreateIndex
CREATE INDEX "account_token_accountId_purpose_idx" ON "account_token"("accountId", "purpose");

-- AddForeignKey
ALTER TABLE "account_token" ADD CONSTRAINT "account_token_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every request filed before verification existed stays visible to its citizen account.
UPDATE "service_request" SET "citizenAttachedAt" = "submittedAt";
