-- CreateEnum
CREATE TYPE "competency_type" AS ENUM ('TEKNIS', 'MANAJERIAL', 'SOSIAL_KULTURAL');

-- CreateTable
CREATE TABLE "competency" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" "competency_type" NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "competency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "staff_competency" (
    "staffId" UUID NOT NULL,
    "competencyId" UUID NOT NULL,
    "level" INTEGER NOT NULL,
    "assessedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "staff_competency_pkey" PRIMARY KEY ("staffId","competencyId")
);

-- CreateIndex
CREATE UNIQUE INDEX "competency_code_key" ON "competency"("code");

-- CreateIndex
CREATE INDEX "staff_competency_competencyId_level_idx" ON "staff_competency"("competencyId", "level");

-- AddForeignKey
ALTER TABLE "staff_competency" ADD CONSTRAINT "staff_competency_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "staff_competency" ADD CONSTRAINT "staff_competency_competencyId_fkey" FOREIGN KEY ("competencyId") REFERENCES "competency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
