import { describe, expect, it } from 'vitest';
import { appendRankStep, currentRankEntry, type RankHistoryEntry } from './rank-history.js';

const at = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const entry = (rank: string, effectiveOn: string, decreeNumber: string | null, recorded = effectiveOn) =>
  ({
    rank,
    rankOrder: rank === 'III/b' ? 10 : 11,
    effectiveOn,
    decreeNumber,
    recordedAt: at(recorded),
  }) satisfies RankHistoryEntry;

describe('rank history (append-only, issue 16 kind 8)', () => {
  it('re-promotion to a rank held before is a new entry; the earlier one keeps its TMT and decree', () => {
    const history = [entry('III/c', '2020-04-01', 'SK-A'), entry('III/b', '2022-04-01', 'SK-X')];
    const r = appendRankStep(
      history,
      { rank: 'III/c', rankOrder: 11, effectiveOn: '2024-10-01', decreeNumber: 'SK-B' },
      at('2024-10-02'),
    );
    expect(r.append).toEqual(entry('III/c', '2024-10-01', 'SK-B', '2024-10-02'));
    expect(r.current).toBe(r.append);
    expect(history[0]).toEqual(entry('III/c', '2020-04-01', 'SK-A'));
  });

  it('the very same step (rank, TMT, decree) is not recorded twice', () => {
    const history = [entry('III/c', '2020-04-01', 'SK-A')];
    const r = appendRankStep(
      history,
      { rank: 'III/c', rankOrder: 11, effectiveOn: '2020-04-01', decreeNumber: 'SK-A' },
      at('2026-01-01'),
    );
    expect(r).toEqual({ append: null, current: history[0] });
    const otherDecree = appendRankStep(
      history,
      { rank: 'III/c', rankOrder: 11, effectiveOn: '2020-04-01', decreeNumber: 'SK-A2' },
      at('2026-01-01'),
    );
    expect(otherDecree.append).toMatchObject({ decreeNumber: 'SK-A2' });
    const noDecree = appendRankStep(
      history,
      { rank: 'III/c', rankOrder: 11, effectiveOn: '2020-04-01', decreeNumber: null },
      at('2026-01-01'),
    );
    expect(noDecree.append).toBeNull();
  });

  it('the current rank is the latest by TMT: a back-dated step does not replace a later rank', () => {
    const history = [entry('III/c', '2024-04-01', 'SK-B')];
    const r = appendRankStep(
      history,
      { rank: 'III/b', rankOrder: 10, effectiveOn: '2020-04-01', decreeNumber: 'SK-A' },
      at('2026-01-01'),
    );
    expect(r.append).toMatchObject({ rank: 'III/b', effectiveOn: '2020-04-01' });
    expect(r.current).toBe(history[0]);
  });

  it('on the same TMT the entry recorded last is current; an empty history has none', () => {
    expect(currentRankEntry([])).toBeNull();
    const a = entry('III/b', '2024-04-01', null, '2024-04-02');
    const b = entry('III/c', '2024-04-01', null, '2024-04-03');
    expect(currentRankEntry([b, a])).toBe(b);
  });
});
