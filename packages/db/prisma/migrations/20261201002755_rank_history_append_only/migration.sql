-- DropIndex
DROP INDEX "rank_history_staffId_rank_key";

-- CreateIndex
CREATE INDEX "rank_history_staffId_effectiveOn_idx" ON "rank_history"("staffId", "effectiveOn");
