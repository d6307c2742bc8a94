import { describe, expect, it } from 'vitest';
import { NIP_ERROR_MESSAGES, NipErrorCode } from './messages.js';
import { formatNip, parseNip } from './nip.js';

const now = '2026-03-25';

function codeOf(nip: string, at: string | Date = now): string | undefined {
  const r = parseNip(nip, { now: at });
  return r.ok ? undefined : r.error.code;
}

describe('parseNip — PNS', () => {
  it('derives every part of a real-shaped PNS NIP', () => {
    expect(parseNip('198503122010011004', { now })).toEqual({
      ok: true,
      value: {
        kind: 'PNS',
        nip: '198503122010011004',
        birthDate: '1985-03-12',
        appointment: '2010-01',
        gender: 'M',
        sequence: 4,
      },
    });
    const f = parseNip('199011232019032015', { now });
    expect(f.ok && f.value).toMatchObject({
      kind: 'PNS',
      birthDate: '1990-11-23',
      appointment: '2019-03',
      gender: 'F',
      sequence: 15,
    });
  });

  it('accepts the printed form with spaces', () => {
    const r = parseNip('  19850312 201001 1 004 ', { now });
    expect(r.ok && r.value.nip).toBe('198503122010011004');
  });

  it('accepts a 29 February birth date in a leap year', () => {
    expect(codeOf('198802292010011001')).toBeUndefined();
  });

  it.each([
    ['', 'NIP_REQUIRED'],
    ['   ', 'NIP_REQUIRED'],
    ['19850312-201001-1-004', 'NIP_NON_DIGIT'],
    ['19850312201001100A', 'NIP_NON_DIGIT'],
    ['١٩٨٥٠٣١٢٢٠١٠٠١١٠٠٤', 'NIP_NON_DIGIT'], // Arabic-Indic digits are not NIP digits
    ['19850312201001100', 'NIP_INVALID_LENGTH'],
    ['1985031220100110045', 'NIP_INVALID_LENGTH'],
    ['198502302010011004', 'NIP_INVALID_BIRTH_DATE'], // 30 February
    ['198702292010011004', 'NIP_INVALID_BIRTH_DATE'], // 29 February in a common year
    ['198513122010011004', 'NIP_INVALID_BIRTH_DATE'], // month 13
    ['000003122010011004', 'NIP_INVALID_BIRTH_DATE'], // year 0
    ['198503122010131004', 'NIP_INVALID_APPOINTMENT_DATE'], // month 13
    ['198503122010001004', 'NIP_INVALID_APPOINTMENT_DATE'], // month 00
    ['198503122010013004', 'NIP_INVALID_GENDER'],
    ['198503122010010004', 'NIP_INVALID_GENDER'],
    ['198503122002011004', 'NIP_APPOINTMENT_BEFORE_AGE_18'], // 16 years old
    ['198503122026041004', 'NIP_APPOINTMENT_IN_FUTURE'], // April 2026, now is 25 March 2026
  ])('%j → %s', (nip, code) => {
    expect(codeOf(nip)).toBe(code);
  });

  it('the 18th birthday boundary: TMT on the 1st of the month must not precede it', () => {
    expect(codeOf('199003012008031001')).toBeUndefined(); // 18 on 1 March 2008, TMT 1 March 2008
    expect(codeOf('199003022008031001')).toBe('NIP_APPOINTMENT_BEFORE_AGE_18'); // 18 on 2 March
    expect(codeOf('199003022008041001')).toBeUndefined();
    // born 29 Feb 2000: TMT 1 Feb 2018 is too early, TMT 1 Mar 2018 is fine under any convention
    expect(codeOf('200002292018021001')).toBe('NIP_APPOINTMENT_BEFORE_AGE_18');
    expect(codeOf('200002292018031001')).toBeUndefined();
  });

  it('the future boundary uses the injected now, read in WIB for a Date', () => {
    expect(codeOf('198503122026031004', '2026-03-01')).toBeUndefined(); // TMT this month
    expect(codeOf('198503122026031004', '2026-02-28')).toBe('NIP_APPOINTMENT_IN_FUTURE');
    // 28 Feb 17:00Z is already 1 March 00:00 WIB
    expect(codeOf('198503122026031004', new Date('2026-02-28T17:00:00Z'))).toBeUndefined();
    expect(codeOf('198503122026031004', new Date('2026-02-28T16:59:59Z'))).toBe('NIP_APPOINTMENT_IN_FUTURE');
  });

  it('every error carries an Indonesian and an English message', () => {
    const r = parseNip('12', { now });
    expect(r.ok ? undefined : r.error.message).toEqual(NIP_ERROR_MESSAGES.NIP_INVALID_LENGTH);
    expect(r.ok ? undefined : r.error.details).toEqual({ nip: '12', length: 2 });
    for (const code of Object.values(NipErrorCode)) {
      expect(NIP_ERROR_MESSAGES[code].id).toMatch(/NIP/);
      expect(NIP_ERROR_MESSAGES[code].en).toMatch(/NIP/);
    }
  });
});

describe('parseNip — PPPK', () => {
  it('recognises the PPPK layout by the type digit and derives its parts', () => {
    expect(parseNip('199203152022212001', { now })).toEqual({
      ok: true,
      value: {
        kind: 'PPPK',
        nip: '199203152022212001',
        birthDate: '1992-03-15',
        appointment: '2022',
        gender: 'F',
        sequence: 1,
      },
    });
    const m = parseNip('19800101 2024 21 1 107', { now });
    expect(m.ok && m.value).toMatchObject({ kind: 'PPPK', appointment: '2024', gender: 'M', sequence: 107 });
  });

  it('does not over-validate: no age or future checks on the unverified layout', () => {
    expect(codeOf('200501012030212001')).toBeUndefined();
    expect(codeOf('199203152022222001')).toBeUndefined(); // other type code "22"
  });

  it('still needs a real birth date and a gender digit to fill the record', () => {
    expect(codeOf('199202302022212001')).toBe('NIP_INVALID_BIRTH_DATE');
    expect(codeOf('199203152022213001')).toBe('NIP_INVALID_GENDER');
  });
});

describe('formatNip', () => {
  it('groups PNS and PPPK NIPs as printed', () => {
    expect(formatNip({ kind: 'PNS', nip: '198503122010011004' })).toBe('19850312 201001 1 004');
    expect(formatNip({ kind: 'PPPK', nip: '199203152022212001' })).toBe('19920315 2022 21 2 001');
  });
});
