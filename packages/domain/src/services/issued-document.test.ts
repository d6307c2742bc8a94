import { describe, expect, it } from 'vitest';
import {
  checkDocumentTemplate,
  defaultDocumentTemplate,
  documentHashMatches,
  documentPlaceholderValues,
  documentValidUntil,
  fillTemplateLine,
  formatDocumentNumber,
  issuedDocumentStatus,
  issuesDocument,
  parseDocumentNumber,
  planRevocation,
  publicVerification,
} from './issued-document.js';

describe('which services issue a document', () => {
  it('permits and registrations do; complaints and information requests do not', () => {
    expect(issuesDocument('PERMIT')).toBe(true);
    expect(issuesDocument('REGISTRATION')).toBe(true);
    expect(issuesDocument('COMPLAINT')).toBe(false);
    expect(issuesDocument('INFORMATION_REQUEST')).toBe(false);
  });
});

describe('document numbers', () => {
  it('formats unit/service/sequence/year and reads it back, ignoring case and spaces', () => {
    const text = formatDocumentNumber({
      unitCode: 'DPMPTSP',
      serviceCode: 'SIP-NAKES',
      sequence: 42,
      year: 2026,
    });
    expect(text).toBe('DPMPTSP/SIP-NAKES/000042/2026');
    const parsed = parseDocumentNumber(` ${text.toLowerCase()} `);
    expect(parsed).toEqual({
      ok: true,
      value: { unitCode: 'DPMPTSP', serviceCode: 'SIP-NAKES', sequence: 42, year: 2026, text },
    });
    expect(formatDocumentNumber({ unitCode: 'A', serviceCode: 'B', sequence: 1234567, year: 2027 })).toBe(
      'A/B/1234567/2027',
    );
  });

  it('refuses what is not a number, in both languages', () => {
    for (const input of [
      '',
      'DPMPTSP/PBG/1/2026',
      'DPMPTSP/PBG/000000/2026',
      '../etc/passwd',
      'A/B/000001/26',
    ]) {
      const parsed = parseDocumentNumber(input);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) {
        expect(parsed.error.code).toBe('DOCUMENT_NUMBER_INVALID');
        expect(parsed.error.message.id).toContain('Nomor dokumen');
        expect(parsed.error.message.en).toContain('document number');
      }
    }
  });

  it('throws on inputs no caller may pass', () => {
    expect(() =>
      formatDocumentNumber({ unitCode: 'a/b', serviceCode: 'PBG', sequence: 1, year: 2026 }),
    ).toThrow();
    expect(() =>
      formatDocumentNumber({ unitCode: 'A', serviceCode: 'PBG', sequence: 0, year: 2026 }),
    ).toThrow();
  });
});

describe('templates', () => {
  it('fills placeholders and prints an unknown or empty one as a dash', () => {
    expect(
      fillTemplateLine('Luas {{attr.luas}} m² di {{ attr.kecamatan }}; {{nope}} {{attr.empty}}', {
        'attr.luas': '120',
        'attr.kecamatan': 'Talawi',
        'attr.empty': ' ',
      }),
    ).toBe('Luas 120 m² di Talawi; — —');
    expect(fillTemplateLine('{{constructor}} {{__proto__}}', {})).toBe('— —');
  });

  it('reads a request into placeholder values, list values by their label', () => {
    const values = documentPlaceholderValues({
      facts: {
        trackingCode: 'SWL-2026-000001',
        service: 'PBG',
        applicant: 'Budi',
        submittedOn: '1 Desember 2026',
        completedOn: '2 Desember 2026',
      },
      attributes: [
        {
          code: 'fungsi',
          datatype: 'singlevaluelist',
          required: true,
          values: [{ key: 'HUNIAN', name: { id: 'Hunian', en: 'Residential' } }],
        },
        { code: 'luas', datatype: 'number', required: true },
        {
          code: 'multi',
          datatype: 'multivaluelist',
          required: false,
          values: [{ key: 'A', name: { id: 'Satu', en: 'One' } }, { key: 'B' }],
        },
        { code: 'absent', datatype: 'string', required: false },
      ],
      values: { fungsi: 'HUNIAN', luas: 120, multi: ['A', 'B'] },
    });
    expect(values).toEqual({
      trackingCode: 'SWL-2026-000001',
      service: 'PBG',
      applicant: 'Budi',
      submittedOn: '1 Desember 2026',
      completedOn: '2 Desember 2026',
      'attr.fungsi': 'Hunian',
      'attr.luas': '120',
      'attr.multi': 'Satu, B',
    });
  });

  it('checks a catalogue template and builds a default one', () => {
    expect(checkDocumentTemplate({ title: 'IZIN', lines: ['a {{x}}'], validityMonths: 60 }).ok).toBe(true);
    expect(checkDocumentTemplate({ title: 'IZIN', lines: [], validityMonths: null }).ok).toBe(true);
    for (const bad of [
      null,
      { title: '', lines: [], validityMonths: null },
      { title: 'X', lines: [1], validityMonths: null },
      { title: 'X', lines: [], validityMonths: 0 },
    ]) {
      const checked = checkDocumentTemplate(bad);
      expect(checked.ok).toBe(false);
      if (!checked.ok) expect(checked.error.code).toBe('DOCUMENT_TEMPLATE_INVALID');
    }
    const fallback = defaultDocumentTemplate({ product: 'Surat Izin Praktik', attributeCodes: ['nik'] });
    expect(fallback.title).toBe('Surat Izin Praktik');
    expect(fallback.lines).toContain('nik: {{attr.nik}}');
    expect(fallback.validityMonths).toBeNull();
  });
});

describe('validity', () => {
  it('ends the day before the same date months later, clamped to a shorter month', () => {
    expect(documentValidUntil('2026-12-01', 12)).toBe('2027-11-30');
    expect(documentValidUntil('2026-01-31', 1)).toBe('2026-02-27');
    expect(documentValidUntil('2028-02-29', 12)).toBe('2029-02-27');
    expect(documentValidUntil('2026-03-15', 60)).toBe('2031-03-14');
    expect(documentValidUntil('2026-03-15', null)).toBeNull();
  });

  it('is current until the last valid day, then expired; revoked wins', () => {
    const doc = { revokedAt: null, validUntil: '2027-11-30' };
    expect(issuedDocumentStatus(doc, '2027-11-30')).toBe('CURRENT');
    expect(issuedDocumentStatus(doc, '2027-12-01')).toBe('EXPIRED');
    expect(
      issuedDocumentStatus({ revokedAt: new Date('2026-12-02T00:00:00Z'), validUntil: null }, '2026-12-02'),
    ).toBe('REVOKED');
    expect(issuedDocumentStatus({ revokedAt: null, validUntil: null }, '2999-01-01')).toBe('CURRENT');
  });
});

describe('revocation', () => {
  const now = new Date('2026-12-01T03:00:00Z');
  it('needs a reason and happens once', () => {
    expect(planRevocation({ document: { revokedAt: null }, reason: '  Data tanah keliru  ', now })).toEqual({
      ok: true,
      value: { revokedAt: now, reason: 'Data tanah keliru' },
    });
    const short = planRevocation({ document: { revokedAt: null }, reason: 'x', now });
    expect(short.ok).toBe(false);
    if (!short.ok) expect(short.error).toMatchObject({ field: 'reason', code: 'TOO_SHORT' });
    const twice = planRevocation({ document: { revokedAt: now }, reason: 'Data tanah keliru', now });
    expect(twice.ok).toBe(false);
    if (!twice.ok) {
      expect(twice.error.code).toBe('DOCUMENT_ALREADY_REVOKED');
      expect(twice.error.message.en).toContain('already revoked');
    }
  });
});

describe('public verification', () => {
  const record = {
    number: 'DPMPTSP/PBG/000001/2026',
    serviceCode: 'PBG',
    serviceName: 'Persetujuan Bangunan Gedung',
    unitCode: 'DPMPTSP',
    unitName: 'DPMPTSP Kota Sawahlunto',
    issuedAt: new Date('2026-11-30T18:00:00Z'),
    validUntil: null,
    sha256: 'ab'.repeat(32),
    signature: 'c2ln',
    algorithm: 'Ed25519',
    keyId: 'k1',
    publicKey: '-----BEGIN PUBLIC KEY-----',
    revokedAt: null,
    revocationReason: null,
  };

  it('shows status, hash, key, unit, service and WIB dates — nothing else', () => {
    const view = publicVerification(
      { ...record, holder: 'Budi', requestId: 'r' } as typeof record,
      '2026-12-01',
    );
    expect(view.status).toBe('CURRENT');
    expect(view.issuedOn).toBe('2026-12-01'); // 01:00 WIB
    expect(Object.keys(view).sort()).toEqual(
      [
        'algorithm',
        'issuedOn',
        'keyId',
        'number',
        'publicKey',
        'revocationReason',
        'revokedOn',
        'serviceCode',
        'serviceName',
        'sha256',
        'signature',
        'status',
        'unitCode',
        'unitName',
        'validUntil',
      ].sort(),
    );
    const revoked = publicVerification(
      { ...record, revokedAt: new Date('2026-12-03T02:00:00Z'), revocationReason: 'Data tanah keliru' },
      '2026-12-05',
    );
    expect(revoked).toMatchObject({
      status: 'REVOKED',
      revokedOn: '2026-12-03',
      revocationReason: 'Data tanah keliru',
    });
  });

  it('matches a file only by its exact content hash', () => {
    expect(documentHashMatches('AB'.repeat(32), 'ab'.repeat(32))).toBe(true);
    expect(documentHashMatches('ab'.repeat(32), 'ac'.repeat(32))).toBe(false);
    expect(documentHashMatches('ab'.repeat(32), '')).toBe(false);
  });
});
