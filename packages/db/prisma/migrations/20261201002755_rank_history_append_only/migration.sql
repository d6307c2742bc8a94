-- DropIndex
DROP INDEX "rank_history_staffId_rank_key";

-- CreateIndex
CREATE INDEX "rank_history_staffId_effectiveOn_idx" ON "rank_history"("staffId", "effectiveOn");

-- The rank history is append-only (issue 16 kind 8): a step, once recorded, is never rewritten.
-- Rows go only with their staff record (ON DELETE CASCADE).
CREATE FUNCTION "rank_history_refuse_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'rank_history is append-only: record a new step instead of changing one';
END;
$$;

CREATE TRIGGER "rank_history_append_only" BEFORE UPDATE ON "rank_history"
  FOR EACH ROW EXECUTE FUNCTION "rank_history_refuse_update"();
