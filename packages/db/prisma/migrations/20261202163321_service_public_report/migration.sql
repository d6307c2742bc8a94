-- AlterTable
ALTER TABLE "service" ADD COLUMN     "publicReport" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "service_request" ADD COLUMN     "publicDescription" TEXT,
ADD COLUMN     "publicDescriptionAt" TIMESTAMPTZ(3),
ADD COLUMN     "publicDescriptionByAccountId" UUID;
