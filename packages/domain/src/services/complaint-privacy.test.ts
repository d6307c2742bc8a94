import { describe, expect, it } from 'vitest';
import type { ServiceAttribute } from './attributes.js';
import {
  ANONYMOUS_SECRET_LENGTH,
  actorNamed,
  anonymousAccess,
  anonymousSecret,
  anonymousSecretSpelling,
  checkReporterPrivacy,
  complaintViewer,
  reporterIdentityShown,
  reporterPseudonym,
  reporterVisibility,
  valuesForViewer,
  WITHHELD_VALUE,
} from './complaint-handling.js';

// Confidential and anonymous complaints (issue 20 item 1; Perpres 76/2013 art. 4, SP4N-LAPOR!
// Rahasia and Anonim).
const attributes = [
  { code: 'nik', datatype: 'string', required: true, format: 'NIK' },
  { code: 'nama', datatype: 'string', required: false, identifying: true },
  { code: 'lokasi', datatype: 'string', required: true },
] as unknown as (ServiceAttribute & { identifying?: boolean })[];

const base = {
  serviceKind: 'COMPLAINT',
  filer: 'CITIZEN' as const,
  attributes,
  values: { lokasi: 'Jl. Pemuda' },
};

describe('checkReporterPrivacy', () => {
  it('keeps confidential and anonymous filing to complaint services', () => {
    for (const privacy of ['CONFIDENTIAL', 'ANONYMOUS'] as const) {
      const r = checkReporterPrivacy({ ...base, serviceKind: 'PERMIT', privacy });
      expect(r.ok ? null : r.error.code).toBe('COMPLAINT_PRIVACY_NOT_COMPLAINT');
    }
    expect(checkReporterPrivacy({ ...base, serviceKind: 'PERMIT', privacy: 'IDENTIFIED' }).ok).toBe(true);
  });

  it('lets nobody signed in file only anonymously', () => {
    const r = checkReporterPrivacy({ ...base, filer: 'NONE', privacy: 'CONFIDENTIAL' });
    expect(r.ok ? null : r.error.code).toBe('COMPLAINT_PRIVACY_SIGN_IN_REQUIRED');
    const a = checkReporterPrivacy({ ...base, filer: 'NONE', privacy: 'ANONYMOUS' });
    expect(a).toEqual({
      ok: true,
      value: { privacy: 'ANONYMOUS', anonymous: true, pseudonymous: false, contactEmail: null },
    });
  });

  it('refuses identifying values in an anonymous complaint, on the field', () => {
    for (const [code, value] of [
      ['nik', '3374010101900001'],
      ['nama', 'Siti'],
    ] as const) {
      const r = checkReporterPrivacy({
        ...base,
        privacy: 'ANONYMOUS',
        values: { lokasi: 'x', [code]: value },
      });
      expect(r.ok ? null : r.error).toMatchObject({
        code: 'COMPLAINT_ANONYMOUS_IDENTIFYING_VALUE',
        field: `attributes.${code}`,
      });
    }
    // A confidential complaint may carry them: the city knows the reporter.
    expect(checkReporterPrivacy({ ...base, privacy: 'CONFIDENTIAL', values: { nik: '1' } }).ok).toBe(true);
  });

  it('lets no officer or system file anonymously for someone', () => {
    for (const filer of ['OFFICER', 'SYSTEM'] as const) {
      const r = checkReporterPrivacy({ ...base, filer, privacy: 'ANONYMOUS' });
      expect(r.ok ? null : r.error.code).toBe('COMPLAINT_ANONYMOUS_FILER');
    }
  });

  it('keeps a contact address only for an anonymous filing, and only a plausible one', () => {
    const r = checkReporterPrivacy({ ...base, privacy: 'ANONYMOUS', contactEmail: ' a@b.id ' });
    expect(r.ok && r.value.contactEmail).toBe('a@b.id');
    const bad = checkReporterPrivacy({ ...base, privacy: 'ANONYMOUS', contactEmail: 'not an address' });
    expect(bad.ok ? null : bad.error).toMatchObject({
      code: 'COMPLAINT_CONTACT_INVALID',
      field: 'contactEmail',
    });
    const c = checkReporterPrivacy({ ...base, privacy: 'CONFIDENTIAL', contactEmail: 'a@b.id' });
    expect(c.ok && c.value).toMatchObject({ pseudonymous: true, contactEmail: null });
  });
});

describe('pseudonyms and secrets', () => {
  const bytes = (n: number, start = 0) => Uint8Array.from({ length: n }, (_, i) => start + i * 7);

  it('makes a readable pseudonym and a 24-character secret in groups of four', () => {
    expect(reporterPseudonym(bytes(6))).toMatch(/^Pelapor-[A-Z2-9]{6}$/);
    const secret = anonymousSecret(bytes(ANONYMOUS_SECRET_LENGTH, 3));
    expect(secret).toMatch(/^([A-Z2-9]{4}-){5}[A-Z2-9]{4}$/);
    expect(secret).not.toMatch(/[01OIL]/);
  });

  it('reads a secret however it is typed, and nothing else', () => {
    const secret = anonymousSecret(bytes(ANONYMOUS_SECRET_LENGTH));
    const plain = secret.replace(/-/g, '');
    expect(anonymousSecretSpelling(` ${secret.toLowerCase()} `)).toBe(plain);
    expect(anonymousSecretSpelling(plain.match(/.{1,6}/g)?.join(' '))).toBe(plain);
    expect(anonymousSecretSpelling('')).toBeNull();
    expect(anonymousSecretSpelling(`${plain}A`)).toBeNull();
    expect(anonymousSecretSpelling(`${plain.slice(1)}0`)).toBeNull();
  });
});

describe('anonymousAccess', () => {
  it('needs the code of an anonymous complaint and its secret, and refuses everything else alike', () => {
    expect(anonymousAccess({ exists: true, anonymous: true, secretMatches: true }).ok).toBe(true);
    const refusals = [
      { exists: false, anonymous: false, secretMatches: false },
      { exists: true, anonymous: true, secretMatches: false },
      { exists: true, anonymous: false, secretMatches: true },
    ].map((f) => anonymousAccess(f));
    for (const r of refusals) expect(r).toEqual(refusals[0]);
    expect(refusals[0]?.ok ? null : refusals[0]?.error.code).toBe('ANONYMOUS_ACCESS_REFUSED');
  });
});

describe('complaintViewer and what they see', () => {
  it('places the reporter, designated managers, handling staff and the public', () => {
    const v = (role: Parameters<typeof complaintViewer>[0]['role'], isReporter = false, manages = false) =>
      complaintViewer({ role, isReporter, managesUnitComplaints: manages });
    expect(v('CITIZEN', true)).toBe('REPORTER');
    expect(v('CITIZEN')).toBe('PUBLIC');
    expect(v('ANONYMOUS', false, true)).toBe('PUBLIC');
    expect(v('STAFF', false, true)).toBe('COMPLAINT_MANAGER');
    expect(v('STAFF')).toBe('HANDLING_STAFF');
    expect(v('SUPERVISOR')).toBe('HANDLING_STAFF');
    // An admin is the city's coordinator, not a complaint manager unless designated.
    expect(v('ADMIN')).toBe('HANDLING_STAFF');
    expect(v('ADMIN', false, true)).toBe('COMPLAINT_MANAGER');
    expect(v('SYSTEM', false, true)).toBe('HANDLING_STAFF');
  });

  it('withholds identifying values (and unknown ones) from a viewer who sees only the pseudonym', () => {
    const values = { nik: '3374010101900001', nama: 'Siti', lokasi: 'Jl. Pemuda', extra: 'x', kosong: '' };
    const shown = valuesForViewer(
      attributes,
      values,
      reporterVisibility('CONFIDENTIAL', 'HANDLING_STAFF').show,
    );
    expect(shown).toEqual({
      nik: WITHHELD_VALUE,
      nama: WITHHELD_VALUE,
      lokasi: 'Jl. Pemuda',
      extra: WITHHELD_VALUE,
      kosong: '',
    });
    expect(valuesForViewer(attributes, values, 'IDENTITY')).toEqual(values);
  });
});

describe('reporterIdentityShown and actorNamed', () => {
  const viewers = ['REPORTER', 'COMPLAINT_MANAGER', 'HANDLING_STAFF', 'PUBLIC'] as const;

  it('shows a confidential reporter only to themself and the complaint managers; an anonymous one to nobody', () => {
    const table = Object.fromEntries(
      (['IDENTIFIED', 'CONFIDENTIAL', 'ANONYMOUS'] as const).map((p) => [
        p,
        viewers.filter((v) => reporterIdentityShown(p, v)),
      ]),
    );
    expect(table).toEqual({
      IDENTIFIED: ['REPORTER', 'COMPLAINT_MANAGER', 'HANDLING_STAFF'],
      CONFIDENTIAL: ['REPORTER', 'COMPLAINT_MANAGER'],
      ANONYMOUS: [],
    });
    // An admin who is not designated is handling staff for this rule.
    const admin = complaintViewer({ role: 'ADMIN', isReporter: false, managesUnitComplaints: false });
    expect(reporterIdentityShown('CONFIDENTIAL', admin)).toBe(false);
  });

  it('never names a citizen acting on a confidential complaint in a list that is not an audited view', () => {
    expect(actorNamed('CITIZEN', 'CONFIDENTIAL', 'HANDLING_STAFF')).toBe(false);
    expect(actorNamed('CITIZEN', 'ANONYMOUS', 'HANDLING_STAFF')).toBe(false);
    expect(actorNamed('CITIZEN', 'IDENTIFIED', 'HANDLING_STAFF')).toBe(true);
    // No request concerned (a profile change): named as always.
    expect(actorNamed('CITIZEN', null, 'HANDLING_STAFF')).toBe(true);
    // Officers are always named (accountability).
    for (const kind of ['STAFF', 'SUPERVISOR', 'ADMIN', 'SYSTEM']) {
      expect(actorNamed(kind, 'CONFIDENTIAL', 'HANDLING_STAFF')).toBe(true);
    }
  });
});
