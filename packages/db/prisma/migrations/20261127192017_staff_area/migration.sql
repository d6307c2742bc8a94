-- CreateEnum
CREATE TYPE "gender" AS ENUM ('M', 'F');

-- CreateEnum
CREATE TYPE "expectation" AS ENUM ('ABOVE', 'AS_EXPECTED', 'BELOW');

-- CreateEnum
CREATE TYPE "predikat" AS ENUM ('SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG_MISCONDUCT', 'SANGAT_KURANG');

-- AlterEnum
ALTER TYPE "unit_kind" ADD VALUE 'BIDANG';

-- AlterTable
ALTER TABLE "staff" ADD COLUMN     "appointment" TEXT,
ADD COLUMN     "birthDate" DATE,
ADD COLUMN     "gender" "gender",
ADD COLUMN     "positionId" UUID,
ADD COLUMN     "rankOrder" INTEGER;

-- AlterTable
ALTER TABLE "unit" ADD COLUMN     "parentId" UUID;

-- CreateTable
CREATE TABLE "position" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "position_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "position_requirement" (
    "positionId" UUID NOT NULL,
    "competencyId" UUID NOT NULL,
    "level" INTEGER NOT NULL,

    CONSTRAINT "position_requirement_pkey" PRIMARY KEY ("positionId","competencyId")
);

-- CreateTable
CREATE TABLE "rank_history" (
    "id" UUID NOT NULL,
    "staffId" UUID NOT NULL,
    "rank" TEXT NOT NULL,
    "rankOrder" INTEGER NOT NULL,
    "effectiveOn" DATE NOT NULL,
    "decreeNumber" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rank_history_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "training_course" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "jp" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "training_course_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "training_course_competency" (
    "courseId" UUID NOT NULL,
    "competencyId" UUID NOT NULL,
    "upToLevel" INTEGER NOT NULL,

    CONSTRAINT "training_course_competency_pkey" PRIMARY KEY ("courseId","competencyId")
);

-- CreateTable
CREATE TABLE "training_record" (
    "id" UUID NOT NULL,
    "staffId" UUID NOT NULL,
    "courseId" UUID,
    "title" TEXT NOT NULL,
    "completedOn" DATE NOT NULL,
    "minutes" DOUBLE PRECISION NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "training_record_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "performance_period" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "finalised" BOOLEAN NOT NULL DEFAULT false,
    "finalisedAt" TIMESTAMPTZ(3),
    "sangatBaikMaxShare" DOUBLE PRECISION,

    CONSTRAINT "performance_period_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "performance_rating" (
    "id" UUID NOT NULL,
    "periodId" UUID NOT NULL,
    "staffId" UUID NOT NULL,
    "results" "expectation" NOT NULL,
    "behaviour" "expectation" NOT NULL,
    "predikat" "predikat" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "ratedById" UUID,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "performance_rating_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "position_code_key" ON "position"("code");

-- CreateIndex
CREATE INDEX "position_requirement_competencyId_idx" ON "position_requirement"("competencyId");

-- CreateIndex
CREATE UNIQUE INDEX "rank_history_staffId_rank_key" ON "rank_history"("staffId", "rank");

-- CreateIndex
CREATE UNIQUE INDEX "training_course_code_key" ON "training_course"("code");

-- CreateIndex
CREATE INDEX "training_record_staffId_completedOn_idx" ON "training_record"("staffId", "completedOn");

-- CreateIndex
CREATE UNIQUE INDEX "training_record_staffId_title_completedOn_key" ON "training_record"("staffId", "title", "completedOn");

-- CreateIndex
CREATE UNIQUE INDEX "performance_period_unitId_year_key" ON "performance_period"("unitId", "year");

-- CreateIndex
CREATE INDEX "performance_rating_staffId_idx" ON "performance_rating"("staffId");

-- CreateIndex
CREATE UNIQUE INDEX "performance_rating_periodId_staffId_key" ON "performance_rating"("periodId", "staffId");

-- CreateIndex
CREATE INDEX "staff_positionId_idx" ON "staff"("positionId");

-- CreateIndex
CREATE INDEX "unit_parentId_idx" ON "unit"("parentId");

-- AddForeignKey
ALTER TABLE "unit" ADD CONSTRAINT "unit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "staff" ADD CONSTRAINT "staff_positionId_fkey" FOREIGN KEY ("positionId") REFERENCES "position"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "position_requirement" ADD CONSTRAINT "position_requirement_positionId_fkey" FOREIGN KEY ("positionId") REFERENCES "position"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "position_requirement" ADD CONSTRAINT "position_requirement_competencyId_fkey" FOREIGN KEY ("competencyId") REFERENCES "competency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rank_history" ADD CONSTRAINT "rank_history_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "training_course_competency" ADD CONSTRAINT "training_course_competency_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "training_course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "training_course_competency" ADD CONSTRAINT "training_course_competency_competencyId_fkey" FOREIGN KEY ("competencyId") REFERENCES "competency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "training_record" ADD CONSTRAINT "training_record_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "training_record" ADD CONSTRAINT "training_record_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "training_course"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "performance_period" ADD CONSTRAINT "performance_period_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "performance_rating" ADD CONSTRAINT "performance_rating_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "performance_period"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "performance_rating" ADD CONSTRAINT "performance_rating_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;
