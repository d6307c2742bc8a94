-- CreateTable
CREATE TABLE "competency_assessment" (
    "id" UUID NOT NULL,
    "staffId" UUID NOT NULL,
    "competencyId" UUID NOT NULL,
    "level" INTEGER NOT NULL,
    "previousLevel" INTEGER,
    "assessedAt" TIMESTAMPTZ(3) NOT NULL,
    "assessedByAccountId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "competency_assessment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "competency_assessment_staffId_competencyId_assessedAt_idx" ON "competency_assessment"("staffId", "competencyId", "assessedAt");

-- CreateIndex
CREATE INDEX "competency_assessment_competencyId_idx" ON "competency_assessment"("competencyId");

-- AddForeignKey
ALTER TABLE "competency_assessment" ADD CONSTRAINT "competency_assessment_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "competency_assessment" ADD CONSTRAINT "competency_assessment_competencyId_fkey" FOREIGN KEY ("competencyId") REFERENCES "competency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Every level held so far becomes its holder's first assessment (issue 16 kinds 8 and 14).
INSERT INTO "competency_assessment" ("id", "staffId", "competencyId", "level", "previousLevel", "assessedAt")
SELECT gen_random_uuid(), "staffId", "competencyId", "level", NULL, "assessedAt" FROM "staff_competency";

-- The competency history is append-only: a new level is a new row, a recorded one is never
-- rewritten. Rows go only with their staff record (ON DELETE CASCADE).
CREATE FUNCTION "competency_assessment_refuse_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'competency_assessment is append-only: record a new assessment instead of changing one';
END;
$$;

CREATE TRIGGER "competency_assessment_append_only" BEFORE UPDATE ON "competency_assessment"
  FOR EACH ROW EXECUTE FUNCTION "competency_assessment_refuse_update"();
