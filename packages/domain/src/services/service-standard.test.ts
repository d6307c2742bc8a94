import { describe, expect, it } from 'vitest';
import { expectInvalidInput, fieldCodes } from '../../test/support/invalid-input.js';
import {
  missingServiceStandardComponents,
  SERVICE_KINDS,
  SERVICE_STANDARD_COMPONENT_CODES,
  SERVICE_STANDARD_COMPONENTS,
  validateServiceStandard,
} from './service-standard.js';

const complete = {
  LEGAL_BASIS: ['UU 23/2006 jo. UU 24/2013 tentang Administrasi Kependudukan'],
  REQUIREMENTS: ['Surat pengantar RT/RW', 'Kartu Keluarga'],
  PROCEDURE: ['Pemohon mengisi formulir', 'Petugas memverifikasi', 'Dokumen dicetak'],
  COMPLETION_TIME: 1,
  COST: 0,
  PRODUCT: 'Kartu Tanda Penduduk elektronik',
  FACILITIES: 'Ruang tunggu, loket, komputer, printer',
  STAFF_COMPETENCE: 'Memahami SIAK',
  INTERNAL_SUPERVISION: 'Kepala bidang',
  COMPLAINT_HANDLING: 'SP4N-LAPOR!, kotak saran, WhatsApp',
  STAFF_COUNT: 3,
  SERVICE_GUARANTEE: 'Maklumat pelayanan',
  SECURITY_SAFETY_GUARANTEE: 'Data pribadi dijaga kerahasiaannya',
  PERFORMANCE_EVALUATION: 'Survei kepuasan masyarakat setiap semester',
};

describe('service standard components (UU 25/2009 art. 21)', () => {
  it('has 14 components in the law’s order with labels', () => {
    expect(SERVICE_STANDARD_COMPONENTS).toHaveLength(14);
    expect(SERVICE_STANDARD_COMPONENT_CODES[0]).toBe('LEGAL_BASIS');
    expect(SERVICE_STANDARD_COMPONENT_CODES[13]).toBe('PERFORMANCE_EVALUATION');
    expect(new Set(SERVICE_STANDARD_COMPONENT_CODES).size).toBe(14);
    for (const c of SERVICE_STANDARD_COMPONENTS) expect(c.label.id && c.label.en).toBeTruthy();
    expect(SERVICE_KINDS).toEqual(['REGISTRATION', 'PERMIT', 'COMPLAINT', 'INFORMATION_REQUEST']);
  });
});

describe('validateServiceStandard', () => {
  it('accepts a complete standard', () => {
    const r = validateServiceStandard(complete);
    expect(r.ok).toBe(true);
    expect(r.ok && r.value.COMPLETION_TIME).toBe(1);
    expect(validateServiceStandard({ ...complete, COST: 'Sesuai Perda No. 2 Tahun 2024' }).ok).toBe(true);
  });

  it('reports every missing or empty component, in order', () => {
    const { LEGAL_BASIS: _a, COST: _b, ...rest } = complete;
    const r = validateServiceStandard({ ...rest, REQUIREMENTS: [], PRODUCT: '  ' });
    const error = expectInvalidInput(r, 'SERVICE_STANDARD_INVALID', [
      'LEGAL_BASIS:REQUIRED',
      'REQUIREMENTS:REQUIRED',
      'COST:REQUIRED',
      'PRODUCT:REQUIRED',
    ]);
    expect(error.missing).toEqual(['LEGAL_BASIS', 'REQUIREMENTS', 'COST', 'PRODUCT']);
    expect(missingServiceStandardComponents({})).toHaveLength(14);
  });

  it('checks the value of each component', () => {
    const r = validateServiceStandard({
      ...complete,
      COMPLETION_TIME: 0,
      STAFF_COUNT: 2.5,
      COST: -1000,
      PROCEDURE: ['Isi formulir', ''],
      FACILITIES: 42,
      MAKLUMAT: 'x',
    });
    expect(fieldCodes(r)).toEqual([
      'MAKLUMAT:UNKNOWN_FIELD',
      'PROCEDURE[1]:REQUIRED',
      'COMPLETION_TIME:OUT_OF_RANGE',
      'COST:OUT_OF_RANGE',
      'FACILITIES:INVALID_TYPE',
      'STAFF_COUNT:NOT_INTEGER',
    ]);
    expect(r.ok ? null : r.error.missing).toEqual([]);
    const t = validateServiceStandard({ ...complete, COMPLETION_TIME: '3 hari' });
    expect(fieldCodes(t)).toEqual(['COMPLETION_TIME:INVALID_TYPE']);
  });
});
