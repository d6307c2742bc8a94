-- CreateEnum
CREATE TYPE "reporter_privacy" AS ENUM ('IDENTIFIED', 'CONFIDENTIAL', 'ANONYMOUS');

-- AlterTable
ALTER TABLE "service_request" ADD COLUMN     "anonymousContactEmail" TEXT,
ADD COLUMN     "anonymousSecretHash" TEXT,
ADD COLUMN     "reporterPrivacy" "reporter_privacy" NOT NULL DEFAULT 'IDENTIFIED',
ADD COLUMN     "reporterPseudonym" TEXT;

-- AlterTable
ALTER TABLE "staff" ADD COLUMN     "complaintManager" BOOLEAN NOT NULL DEFAULT false;
