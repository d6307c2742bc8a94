-- CreateTable
CREATE TABLE "request_reporter_contact" (
    "requestId" UUID NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "firstName" TEXT,
    "lastName" TEXT,
    "language" TEXT NOT NULL DEFAULT 'id',
    "mailOff" BOOLEAN NOT NULL DEFAULT false,
    "claimCodeHash" TEXT,
    "claimAccountId" UUID,
    "claimCodeExpiresAt" TIMESTAMPTZ(3),
    "claimAttempts" INTEGER NOT NULL DEFAULT 0,
    "claimCodesSent" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "request_reporter_contact_pkey" PRIMARY KEY ("requestId")
);

-- CreateTable
CREATE TABLE "open311_client_update" (
    "id" UUID NOT NULL,
    "apiKeyId" UUID NOT NULL,
    "updateId" TEXT NOT NULL,
    "requestId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "answer" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "open311_client_update_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "request_reporter_contact_email_idx" ON "request_reporter_contact"("email");

-- CreateIndex
CREATE UNIQUE INDEX "open311_client_update_apiKeyId_updateId_key" ON "open311_client_update"("apiKeyId", "updateId");

-- AddForeignKey
ALTER TABLE "request_reporter_contact" ADD CONSTRAINT "request_reporter_contact_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "service_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "open311_client_update" ADD CONSTRAINT "open311_client_update_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "service_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;
