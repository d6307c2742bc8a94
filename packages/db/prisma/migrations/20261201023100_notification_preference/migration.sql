-- CreateTable
CREATE TABLE "notification_preference" (
    "accountId" UUID NOT NULL,
    "kind" "notification_kind" NOT NULL,
    "email" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "notification_preference_pkey" PRIMARY KEY ("accountId","kind")
);

-- AddForeignKey
ALTER TABLE "notification_preference" ADD CONSTRAINT "notification_preference_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;
