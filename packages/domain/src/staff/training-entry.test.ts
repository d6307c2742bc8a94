import { describe, expect, it } from 'vitest';
import { validateTrainingEntry } from './training-entry.js';

const now = '2026-06-01';
const base = { personId: 'p', completedOn: '2026-05-01' };

describe('validateTrainingEntry', () => {
  it('takes the course name as title and gives JP and minutes', () => {
    expect(validateTrainingEntry({ ...base, courseName: 'Pelayanan Prima', jp: 2 }, { now })).toEqual({
      ok: true,
      value: { title: 'Pelayanan Prima', completedOn: '2026-05-01', jp: 2, minutes: 90 },
    });
    expect(validateTrainingEntry({ ...base, title: ' Kursus ', minutes: 100 }, { now })).toMatchObject({
      ok: true,
      value: { title: 'Kursus', jp: 2.222222, minutes: 100 },
    });
  });
  it('reports a missing title alone as REQUIRED', () => {
    expect(validateTrainingEntry({ ...base, jp: 1 }, { now })).toMatchObject({
      ok: false,
      error: { code: 'REQUIRED', fields: [{ field: 'title', code: 'REQUIRED' }] },
    });
  });
  it('reports the title with the record’s own problems', () => {
    const r = validateTrainingEntry({ ...base, completedOn: '2026-07-01', jp: 1, minutes: 45 }, { now });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('TRAINING_RECORD_INVALID');
      expect(r.error.fields.map((f) => [f.field, f.code])).toEqual([
        ['title', 'REQUIRED'],
        ['completedOn', 'OUT_OF_RANGE'],
        ['minutes', 'NOT_ALLOWED'],
      ]);
    }
  });
});
