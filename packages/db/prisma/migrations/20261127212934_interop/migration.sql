-- CreateTable
CREATE TABLE "request_location" (
    "requestId" UUID NOT NULL,
    "lat" DOUBLE PRECISION,
    "long" DOUBLE PRECISION,
    "addressString" TEXT,
    "addressId" TEXT,
    "deviceId" TEXT,
    "mediaUrl" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "request_location_pkey" PRIMARY KEY ("requestId")
);

-- CreateTable
CREATE TABLE "public_notice" (
    "id" UUID NOT NULL,
    "unitCode" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "publishedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID,

    CONSTRAINT "public_notice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "public_notice_unitCode_publishedAt_idx" ON "public_notice"("unitCode", "publishedAt");
