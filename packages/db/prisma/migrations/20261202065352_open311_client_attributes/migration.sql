-- AlterTable
ALTER TABLE "request_location" ADD COLUMN     "clientAttributes" JSONB;
