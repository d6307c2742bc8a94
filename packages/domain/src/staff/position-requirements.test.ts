import { describe, expect, it } from 'vitest';
import { validatePositionRequirements } from './position-requirements.js';

describe('validatePositionRequirements', () => {
  it('normalises codes and keeps the name of an existing position when none is given', () => {
    const r = validatePositionRequirements(
      { positionCode: ' ap ', requirements: [{ competencyCode: 'tik', level: 3 }] },
      { exists: true },
    );
    expect(r).toEqual({
      ok: true,
      value: { code: 'AP', name: undefined, requirements: [{ competencyCode: 'TIK', level: 3 }] },
    });
  });
  it('needs a name for a new position', () => {
    const r = validatePositionRequirements({ positionCode: 'NEW', requirements: [] }, { exists: false });
    expect(r).toMatchObject({ ok: false, error: [{ field: 'name', code: 'REQUIRED' }] });
  });
  it('reports duplicates and bad levels by list position', () => {
    const r = validatePositionRequirements(
      {
        positionCode: '',
        name: 'X',
        requirements: [
          { competencyCode: 'TIK', level: 2 },
          { competencyCode: 'tik', level: 6 },
        ],
      },
      { exists: false },
    );
    expect(!r.ok && r.error.map((e) => [e.field, e.code])).toEqual([
      ['positionCode', 'REQUIRED'],
      ['requirements[1].competencyCode', 'DUPLICATE'],
      ['requirements[1].level', 'COMPETENCY_LEVEL_INVALID'],
    ]);
  });
});
