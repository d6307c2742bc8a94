import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ServiceAttribute } from '../services/attributes.js';
import {
  checkErasure,
  ERASED_TEXT,
  erasedAttributeValues,
  erasedFileName,
  PERSONAL_DATA_TABLE,
  parseRetentionYears,
  redactValues,
  retentionCutoff,
} from './personal-data.js';

const FATES: Record<string, string> = { Erased: 'ERASED', Kept: 'KEPT', Not: 'NOT_ERASABLE' };

describe('the personal data table', () => {
  it('is docs/personal-data.md, row for row', () => {
    const md = readFileSync(new URL('../../../../docs/personal-data.md', import.meta.url), 'utf8');
    const rows = md
      .split('\n')
      .filter((l) => l.startsWith('| ') && !/^\| Table|^\| -/.test(l))
      .map((l) =>
        l
          .slice(1, -1)
          .split('|')
          .map((c) => c.trim()),
      );
    expect(rows).toHaveLength(PERSONAL_DATA_TABLE.length);
    PERSONAL_DATA_TABLE.forEach((r, i) => {
      const [table, fields, onErasure, onRetention, basis] = rows[i] ?? [];
      expect(table, `row ${i}`).toBe(r.table);
      expect(fields?.startsWith(r.fields), `row ${i}: ${fields}`).toBe(true);
      expect(FATES[onErasure?.split(/[ ,]/)[0] ?? ''], `row ${i}: ${onErasure}`).toBe(r.onErasure);
      expect(FATES[onRetention?.split(/[ ,]/)[0] ?? ''], `row ${i}: ${onRetention}`).toBe(r.onRetention);
      expect(basis?.startsWith(r.basis), `row ${i}: ${basis}`).toBe(true);
    });
  });
});

describe('erasure rules', () => {
  it('lets a citizen erase their account once; staff never', () => {
    expect(checkErasure({ role: 'CITIZEN', erasedAt: null }).ok).toBe(true);
    expect(checkErasure({ role: 'STAFF', erasedAt: null })).toMatchObject({
      ok: false,
      error: { code: 'ERASURE_NOT_CITIZEN' },
    });
    expect(checkErasure({ role: 'CITIZEN', erasedAt: new Date() })).toMatchObject({
      error: { code: 'ERASURE_ALREADY_DONE' },
    });
  });

  it('erases identifying, free-text and unknown attributes, keeps choices, numbers and dates', () => {
    const defs: (ServiceAttribute & { identifying?: boolean })[] = [
      { code: 'nik', datatype: 'string', required: true, format: 'NIK' },
      { code: 'nama', datatype: 'string', required: true, identifying: true },
      { code: 'keterangan', datatype: 'text', required: false },
      { code: 'kecamatan', datatype: 'singlevaluelist', required: true, values: [{ key: 'TALAWI' }] },
      { code: 'luas', datatype: 'number', required: false },
      { code: 'judul', datatype: 'string', required: false },
    ];
    expect(
      erasedAttributeValues(defs, {
        nik: '1373010101900001',
        nama: 'Budi',
        keterangan: 'rumah saya',
        kecamatan: 'TALAWI',
        luas: 120,
        judul: 'Toko',
        lama: 'x',
      }),
    ).toEqual({
      nik: ERASED_TEXT,
      nama: ERASED_TEXT,
      keterangan: ERASED_TEXT,
      kecamatan: 'TALAWI',
      luas: 120,
      judul: 'Toko',
      lama: ERASED_TEXT,
    });
  });

  it('redacts every string containing a personal value, at any depth, case-insensitively', () => {
    expect(
      redactValues(
        { a: 'Budi Santoso', b: ['x', 'budi@example.org'], c: { d: 3, e: 'Kepada BUDI SANTOSO' } },
        ['Budi Santoso', 'budi@example.org', 'ab'],
      ),
    ).toEqual({ a: ERASED_TEXT, b: ['x', ERASED_TEXT], c: { d: 3, e: ERASED_TEXT } });
  });

  it('names an erased file `lampiran` with its extension', () => {
    expect(erasedFileName('KTP Budi.PDF')).toBe('lampiran.pdf');
    expect(erasedFileName('scan')).toBe('lampiran');
    expect(erasedFileName('lampiran.pdf', 'en')).toBe('attachment.pdf');
    expect(erasedFileName('lampiran', 'en')).toBe('attachment');
  });

  it('reads the retention period and computes its cutoff', () => {
    expect(parseRetentionYears(undefined)).toEqual({ ok: true, value: 5 });
    expect(parseRetentionYears('2')).toEqual({ ok: true, value: 2 });
    expect(parseRetentionYears('0').ok).toBe(false);
    expect(parseRetentionYears('1.5').ok).toBe(false);
    expect(retentionCutoff(new Date('2031-03-01T00:00:00Z'), 5).toISOString()).toBe(
      '2026-03-01T00:00:00.000Z',
    );
    expect(retentionCutoff(new Date('2028-02-29T10:00:00Z'), 1).toISOString()).toBe(
      '2027-02-28T10:00:00.000Z',
    );
  });
});

describe('profile correction', () => {
  const current = { displayName: 'Budi', email: 'budi@contoh.id', phone: null };
  it('normalises the change and says which contact changed', async () => {
    const { validateProfileUpdate } = await import('./personal-data.js');
    expect(
      validateProfileUpdate(current, { displayName: '  Budi   Santoso ', email: 'Budi.S@Contoh.ID' }),
    ).toEqual({
      ok: true,
      value: {
        displayName: 'Budi Santoso',
        email: 'budi.s@contoh.id',
        phone: null,
        emailChanged: true,
        phoneChanged: false,
      },
    });
    expect(validateProfileUpdate(current, { phone: '0812-3456-7890' })).toMatchObject({
      ok: true,
      value: { email: 'budi@contoh.id', emailChanged: false, phoneChanged: true },
    });
  });
  it('refuses a bad name or address, and a profile without any contact', async () => {
    const { validateProfileUpdate } = await import('./personal-data.js');
    const bad = validateProfileUpdate(current, { displayName: 'B', email: 'bukan-email' });
    expect(bad.ok ? [] : bad.error.fields.map((f) => `${f.field} ${f.code}`)).toEqual([
      'displayName ACCOUNT_DISPLAY_NAME_INVALID',
      'email ACCOUNT_EMAIL_INVALID',
    ]);
    const none = validateProfileUpdate(current, { email: '' });
    expect(none.ok ? null : none.error.fields[0]?.code).toBe('PROFILE_CONTACT_REQUIRED');
  });
});
