import { describe, expect, it } from 'vitest';
import { NIP_ERROR_MESSAGES, NipErrorCode } from './messages.js';
import { formatNip, parseNip } from './nip.js';

const now = '2026-03-25';

function codeOf(nip: string, at: string | Date = now): string | undefined {
  const r = parseNip(nip, { now: at });
  return r.ok ? undefined : r.error.code;
}

describe('parseNip — the parts of a real-shaped NIP', () => {
  // PPPK NIPs are told apart by their type digit "2" (13th digit); spaces as printed are ignored.
  it.each([
    ['198503122010011004', 'PNS', '1985-03-12', '2010-01', 'M', 4],
    ['199011232019032015', 'PNS', '1990-11-23', '2019-03', 'F', 15],
    ['199203152022212001', 'PPPK', '1992-03-15', '2022', 'F', 1],
    ['19800101 2024 21 1 107', 'PPPK', '1980-01-01', '2024', 'M', 107],
  ] as const)(
    '%s: %s born %s, appointed %s, gender %s, number %i',
    (input, kind, birthDate, appointment, gender, sequence) => {
      expect(parseNip(input, { now })).toEqual({
        ok: true,
        value: { kind, nip: input.replaceAll(' ', ''), birthDate, appointment, gender, sequence },
      });
    },
  );
});

describe('parseNip — PNS', () => {
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
  it('applies the two date checks that do not depend on the layout: age 18, not in the future', () => {
    expect(codeOf('199203152022222001')).toBeUndefined(); // other type code "22"
    expect(codeOf('200501012023212001')).toBeUndefined(); // appointed the year they turn 18
    expect(codeOf('200501012022212001')).toBe('NIP_APPOINTMENT_BEFORE_AGE_18');
    expect(codeOf('199001012030212001')).toBe('NIP_APPOINTMENT_IN_FUTURE');
  });

  it('still needs a real birth date and a gender digit to fill the record', () => {
    expect(codeOf('199202302022212001')).toBe('NIP_INVALID_BIRTH_DATE');
    expect(codeOf('199203152022213001')).toBe('NIP_INVALID_GENDER');
  });
});

describe('parseNip — a sequence cut to 000', () => {
  it.each(['198503122010011000', '199203152022212000'])('refuses %s with a spreadsheet hint', (nip) => {
    const parsed = parseNip(nip, { now: '2026-11-30' });
    expect(parsed).toMatchObject({ ok: false, error: { code: 'NIP_SEQUENCE_ZERO' } });
    expect(!parsed.ok && parsed.error.message.en).toMatch(/spreadsheet/);
  });
});

describe('formatNip', () => {
  it('groups PNS and PPPK NIPs as printed', () => {
    expect(formatNip({ kind: 'PNS', nip: '198503122010011004' })).toBe('19850312 201001 1 004');
    expect(formatNip({ kind: 'PPPK', nip: '199203152022212001' })).toBe('19920315 2022 21 2 001');
  });
});
