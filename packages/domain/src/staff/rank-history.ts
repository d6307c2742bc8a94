// The rank history (riwayat pangkat/golongan) is append-only (issue 16 kind 8): each promotion,
// demotion or re-promotion is a new entry with its own TMT and decree (SK), and no entry is ever
// rewritten. The current rank is read from the history: the latest entry by TMT.

/** An entry of the rank history as stored: rank label, TMT `YYYY-MM-DD`, decree, when it was recorded. */
export type RankHistoryEntry = {
  readonly rank: string;
  readonly rankOrder: number;
  /** TMT, `YYYY-MM-DD` (WIB day). */
  readonly effectiveOn: string;
  readonly decreeNumber: string | null;
  /** When the entry was recorded; breaks ties between entries with the same TMT (later wins). */
  readonly recordedAt: Date;
};

/** A step to record: rank, TMT and decree (no recording time yet). */
export type RankHistoryStep = Omit<RankHistoryEntry, 'recordedAt'>;

/**
 * Orders history entries oldest first: by TMT, then by recording time (a step recorded later on
 * the same TMT is later). Usable in `sort`.
 */
export function compareRankHistoryEntries(a: RankHistoryEntry, b: RankHistoryEntry): number {
  if (a.effectiveOn !== b.effectiveOn) return a.effectiveOn < b.effectiveOn ? -1 : 1;
  return a.recordedAt.getTime() - b.recordedAt.getTime();
}

/** The current rank: the latest entry by TMT (ties: the one recorded last), or null for an empty history. */
export function currentRankEntry(history: readonly RankHistoryEntry[]): RankHistoryEntry | null {
  let latest: RankHistoryEntry | null = null;
  for (const e of history) if (!latest || compareRankHistoryEntries(latest, e) < 0) latest = e;
  return latest;
}

/**
 * Records a rank step in an append-only history. A step is always a new entry — a re-promotion
 * to a rank held before keeps the earlier entry's TMT and decree untouched — except when the
 * same step is already recorded (same rank and TMT, and the same decree or none given), which
 * makes a retried write or a re-imported spreadsheet idempotent. Returns the entry to insert (null when already recorded)
 * and the current rank after the step (latest by TMT, so a back-dated step does not replace a
 * later rank).
 */
export function appendRankStep(
  history: readonly RankHistoryEntry[],
  step: RankHistoryStep,
  recordedAt: Date,
): { readonly append: RankHistoryEntry | null; readonly current: RankHistoryEntry } {
  const recorded = history.find(
    (e) =>
      e.rank === step.rank &&
      e.effectiveOn === step.effectiveOn &&
      (step.decreeNumber == null || e.decreeNumber === step.decreeNumber),
  );
  const append = recorded ? null : { ...step, recordedAt };
  const current = currentRankEntry(append ? [...history, append] : history) as RankHistoryEntry;
  return { append, current };
}
