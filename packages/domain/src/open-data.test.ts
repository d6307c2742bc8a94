import { describe, expect, it } from 'vitest';
import {
  isOpenDataService,
  isSuppressed,
  OPEN_DATA_DATASETS,
  openRequestRecord,
  suppressOpenDataRow,
} from './open-data.js';

describe('open data', () => {
  it('publishes the requests of services marked open and published only', () => {
    expect(isOpenDataService({ openData: true, published: true })).toBe(true);
    expect(isOpenDataService({ openData: false, published: true })).toBe(false);
    expect(isOpenDataService({ openData: true, published: false })).toBe(false);
  });

  it('withholds groups of 1 to minCount − 1 people, never empty or large ones', () => {
    expect(isSuppressed(0, 5)).toBe(false);
    expect(isSuppressed(1, 5)).toBe(true);
    expect(isSuppressed(4, 5)).toBe(true);
    expect(isSuppressed(5, 5)).toBe(false);
    expect(isSuppressed(1, 1)).toBe(false);
  });

  it('empties every figure of a suppressed row and keeps its labels', () => {
    const row = { month: '2026-03', unit: 'DPMPTSP', respondents: 3, ikm: 81.2 };
    expect(suppressOpenDataRow(row, 3, 5, ['respondents', 'ikm'])).toEqual({
      month: '2026-03',
      unit: 'DPMPTSP',
      respondents: null,
      ikm: null,
      suppressed: true,
    });
    expect(suppressOpenDataRow(row, 7, 5, ['respondents', 'ikm'])).toEqual({ ...row, suppressed: false });
  });

  it('publishes a request with only its columns, a listed kecamatan, and times once completed', () => {
    const keys = new Set(['TALAWI', 'BARANGIN']);
    const base = {
      serviceCode: 'PENGADUAN-JALAN',
      serviceName: 'Pengaduan',
      unitCode: 'DPUPR',
      kecamatan: 'TALAWI',
      channel: 'ONLINE',
      day: '2026-03-02',
      state: 'COMPLETED',
      completeWorkingDays: 4,
      completedWithinStandard: true,
    };
    const record = openRequestRecord(base, keys);
    expect(Object.keys(record)).toEqual(
      OPEN_DATA_DATASETS.find((d) => d.name === 'requests')?.columns.map((c) => c.name),
    );
    expect(record).toMatchObject({ kecamatan: 'TALAWI', working_days_taken: 4, within_standard: true });
    expect(
      openRequestRecord({ ...base, kecamatan: 'Jl. Mawar 3, rumah Pak Budi' }, keys).kecamatan,
    ).toBeNull();
    expect(openRequestRecord({ ...base, kecamatan: { x: 1 } }, keys).kecamatan).toBeNull();
    const open = openRequestRecord({ ...base, state: 'IN_PROGRESS', completedWithinStandard: null }, keys);
    expect(open).toMatchObject({ working_days_taken: null, within_standard: null });
  });

  it('describes every column of every dataset in Indonesian and English, names unique', () => {
    for (const d of OPEN_DATA_DATASETS) {
      const names = d.columns.map((c) => c.name);
      expect(new Set(names).size, d.name).toBe(names.length);
      for (const c of d.columns) {
        expect(c.description.id.length, `${d.name}.${c.name}`).toBeGreaterThan(3);
        expect(c.description.en.length, `${d.name}.${c.name}`).toBeGreaterThan(3);
      }
      if (d.suppressed) expect(names).toContain('suppressed');
    }
  });
});
