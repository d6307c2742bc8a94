-- AlterTable
ALTER TABLE "api_key" ADD COLUMN     "submissionsPerHour" INTEGER NOT NULL DEFAULT 600;
