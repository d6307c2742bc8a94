-- AlterTable
ALTER TABLE "service" ADD COLUMN     "documentTemplate" JSONB;

-- CreateTable
CREATE TABLE "issued_document" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "requestId" UUID NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "signature" TEXT NOT NULL,
    "algorithm" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "publicKey" TEXT NOT NULL,
    "issuedByAccountId" UUID,
    "issuedByName" TEXT NOT NULL,
    "issuedAt" TIMESTAMPTZ(3) NOT NULL,
    "validUntil" DATE,
    "revokedAt" TIMESTAMPTZ(3),
    "revokedByAccountId" UUID,
    "revocationReason" TEXT,

    CONSTRAINT "issued_document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "issued_document_counter" (
    "scope" TEXT NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "issued_document_counter_pkey" PRIMARY KEY ("scope")
);

-- CreateIndex
CREATE UNIQUE INDEX "issued_document_number_key" ON "issued_document"("number");

-- CreateIndex
CREATE UNIQUE INDEX "issued_document_requestId_key" ON "issued_document"("requestId");

-- AddForeignKey
ALTER TABLE "issued_document" ADD CONSTRAINT "issued_document_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "service_request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
