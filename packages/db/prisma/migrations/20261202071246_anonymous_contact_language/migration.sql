-- AlterTable
ALTER TABLE "service_request" ADD COLUMN     "anonymousContactLanguage" TEXT;
