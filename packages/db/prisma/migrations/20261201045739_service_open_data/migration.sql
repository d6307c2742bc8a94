-- AlterTable
ALTER TABLE "service" ADD COLUMN     "openData" BOOLEAN NOT NULL DEFAULT false;
