-- AlterTable
ALTER TABLE "commitment" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "commitment_update" ADD COLUMN     "decreaseReason" TEXT;

-- AlterTable
ALTER TABLE "improvement_action" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "improvement_action_update" ADD COLUMN     "decreaseReason" TEXT;
