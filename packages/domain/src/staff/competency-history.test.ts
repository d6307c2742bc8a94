import { describe, expect, it } from 'vitest';
import { appendCompetencyAssessment, currentCompetencyLevel } from './competency-history.js';

const at = (day: string) => new Date(`${day}T03:00:00.000Z`);

describe('competency history (append-only)', () => {
  it('keeps every earlier level: a new level is a new entry that names the one before', () => {
    const history = [
      { level: 2, previousLevel: null, assessedAt: at('2024-03-01') },
      { level: 3, previousLevel: 2, assessedAt: at('2025-03-01') },
    ];
    const next = appendCompetencyAssessment(
      history,
      { level: 3, since: at('2025-03-01') },
      2,
      at('2026-03-01'),
    );
    expect(next).toEqual({
      append: [{ level: 2, previousLevel: 3, assessedAt: at('2026-03-01') }],
      current: 2,
    });
    expect(currentCompetencyLevel([...history, ...next.append])).toBe(2);
  });

  it('adopts a level held before the history existed as its first entry', () => {
    const next = appendCompetencyAssessment([], { level: 4, since: at('2023-01-02') }, 3, at('2026-03-01'));
    expect(next.append).toEqual([
      { level: 4, previousLevel: null, assessedAt: at('2023-01-02') },
      { level: 3, previousLevel: 4, assessedAt: at('2026-03-01') },
    ]);
    expect(appendCompetencyAssessment([], null, 3, at('2026-03-01')).append).toEqual([
      { level: 3, previousLevel: null, assessedAt: at('2026-03-01') },
    ]);
  });

  it('appends nothing when the level is already held (a retried write)', () => {
    const history = [{ level: 3, previousLevel: null, assessedAt: at('2025-03-01') }];
    expect(
      appendCompetencyAssessment(history, { level: 3, since: at('2025-03-01') }, 3, at('2026-03-01')),
    ).toEqual({
      append: [],
      current: 3,
    });
    expect(currentCompetencyLevel([])).toBeNull();
  });
});
