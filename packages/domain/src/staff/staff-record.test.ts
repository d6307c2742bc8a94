import { describe, expect, it } from 'vitest';
import {
  anyStaffRank,
  staffPosition,
  staffRank,
  validateNewStaff,
  validateStaffChanges,
} from './staff-record.js';

const now = new Date('2026-06-01T00:00:00Z');
const today = '2026-06-01';
const pnsNip = '199201012018011001';

describe('staffRank', () => {
  it('reads a rank on the person’s own scale', () => {
    expect(staffRank('III/c', 'PNS')).toEqual({ ok: true, value: { label: 'III/c', order: 11 } });
    expect(staffRank('ix', 'PPPK')).toEqual({ ok: true, value: { label: 'IX', order: 9 } });
  });
  it('refuses a grade of the other scale', () => {
    expect(staffRank('IX', 'PNS')).toMatchObject({ ok: false, error: { code: 'RANK_UNKNOWN' } });
    expect(staffRank('III/a', 'PPPK')).toMatchObject({ ok: false, error: { code: 'PPPK_GRADE_UNKNOWN' } });
  });
});

describe('anyStaffRank', () => {
  it('reads PNS ranks first, then PPPK grades', () => {
    expect(anyStaffRank('iii c')).toEqual({ ok: true, value: 'III/c' });
    expect(anyStaffRank('9')).toEqual({ ok: true, value: 'IX' });
  });
  it('names both scales when neither fits', () => {
    const r = anyStaffRank('Z');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('RANK_UNKNOWN');
      expect(r.error.message.en).toMatch(/PNS rank.*PPPK grade/);
    }
  });
});

describe('staffPosition', () => {
  it('takes the catalogue name unless a title is typed', () => {
    const catalogued = { id: 'p1', name: 'Analis Perizinan' };
    expect(staffPosition({ positionCode: 'a', catalogued })).toEqual({
      ok: true,
      value: { id: 'p1', title: 'Analis Perizinan' },
    });
    expect(staffPosition({ positionCode: 'a', title: ' Kepala ', catalogued })).toEqual({
      ok: true,
      value: { id: 'p1', title: 'Kepala' },
    });
  });
  it('reports an unknown code and a missing title on their fields', () => {
    expect(staffPosition({ positionCode: 'nope', catalogued: null })).toMatchObject({
      ok: false,
      error: { field: 'positionCode', code: 'NOT_FOUND', message: { en: 'Position "NOPE" was not found.' } },
    });
    expect(staffPosition({ title: ' ' })).toMatchObject({
      ok: false,
      error: { field: 'position', code: 'REQUIRED' },
    });
  });
});

describe('validateNewStaff', () => {
  it('derives the record from the NIP and dates the rank today by default', () => {
    const r = validateNewStaff(
      { nip: pnsNip, name: ' Ani ', rank: 'III/a', position: 'Staf' },
      { now, today },
    );
    expect(r).toMatchObject({
      ok: true,
      value: {
        nip: { kind: 'PNS', birthDate: '1992-01-01' },
        name: 'Ani',
        rank: { label: 'III/a', order: 9, effectiveOn: today },
        position: { id: null, title: 'Staf' },
      },
    });
  });
  it('reports every problem on its field at once', () => {
    const r = validateNewStaff(
      { nip: '123', name: ' ', rankEffectiveOn: '2026-02-30', positionCode: 'X', catalogued: null },
      { now, today },
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.map((e) => [e.field, e.code])).toEqual([
        ['nip', 'NIP_INVALID_LENGTH'],
        ['name', 'REQUIRED'],
        ['rankEffectiveOn', 'DAY_NOT_A_DATE'],
        ['positionCode', 'NOT_FOUND'],
      ]);
      expect(r.error[1]?.message.id).toBe('Nama wajib diisi.');
    }
  });
  it('does not read the rank when the NIP is invalid', () => {
    const r = validateNewStaff({ nip: '1', name: 'A', rank: 'nonsense', position: 'S' }, { now, today });
    expect(!r.ok && r.error.map((e) => e.field)).toEqual(['nip']);
  });
});

describe('validateStaffChanges', () => {
  const current = { kind: 'PNS' as const, rank: 'III/a', position: 'Staf' };
  it('marks a different rank as a new step of the rank history', () => {
    const r = validateStaffChanges({ rank: 'III/b', rankEffectiveOn: '2026-04-01' }, current, { today });
    expect(r).toMatchObject({
      ok: true,
      value: { rank: { label: 'III/b', effectiveOn: '2026-04-01' }, newRankStep: true, position: null },
    });
    const same = validateStaffChanges({ rank: 'iii/a' }, current, { today });
    expect(same).toMatchObject({ ok: true, value: { newRankStep: false } });
  });
  it('keeps the current title when only the position code changes', () => {
    const r = validateStaffChanges({ positionCode: 'AP', catalogued: { id: 'p', name: 'Analis' } }, current, {
      today,
    });
    expect(r).toMatchObject({ ok: true, value: { position: { id: 'p', title: 'Staf' } } });
  });
  it('refuses an empty name and a rank of the other scale', () => {
    const r = validateStaffChanges({ name: '  ', rank: 'IX' }, current, { today });
    expect(!r.ok && r.error.map((e) => [e.field, e.code])).toEqual([
      ['name', 'REQUIRED'],
      ['rank', 'RANK_UNKNOWN'],
    ]);
  });
});
