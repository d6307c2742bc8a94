// ServiceVersion.attributeInputs (issue 21): a version's form fields in the exact shape of
// ServiceAttributeInput, so an editor re-sends them without losing a rule — both languages of every
// label and choice, maxLength, min/max, the identity-number format, the pattern and the date range.
import { testDatabaseKinds } from '@layanan/db/testing';
import { SERVICE_STANDARD_COMPONENT_CODES } from '@layanan/domain/services';
import { describe, expect, it } from 'vitest';
import { useHarness } from '../../testing/use-harness.js';

const FULL_STANDARD: Record<string, unknown> = {
  ...Object.fromEntries(SERVICE_STANDARD_COMPONENT_CODES.map((c) => [c, `Isi komponen ${c}`])),
  REQUIREMENTS: ['KTP'],
  COMPLETION_TIME: 5,
  COST: 0,
  STAFF_COUNT: 2,
};

/** One field of each kind of rule, with both languages everywhere. */
const ATTRIBUTES = [
  {
    code: 'nik',
    datatype: 'string',
    required: true,
    descriptionId: 'NIK pemohon',
    descriptionEn: "Applicant's NIK",
    format: 'NIK',
  },
  {
    code: 'nomor_izin',
    datatype: 'string',
    required: false,
    descriptionId: 'Nomor izin lama',
    descriptionEn: 'Previous permit number',
    maxLength: 40,
    pattern: {
      regex: '[0-9A-Z]+(?:/[0-9A-Z]+)*',
      descriptionId: 'Huruf besar dan angka, boleh dipisah garis miring',
      descriptionEn: 'Capitals and digits, optionally separated by slashes',
    },
  },
  {
    code: 'uraian',
    datatype: 'text',
    required: false,
    descriptionId: 'Uraian usaha',
    descriptionEn: 'Business description',
    maxLength: 2000,
  },
  {
    code: 'modal',
    datatype: 'number',
    required: true,
    descriptionId: 'Modal usaha (Rp)',
    descriptionEn: 'Capital (IDR)',
    min: 0.5,
    max: 1000000000,
  },
  {
    code: 'mulai',
    datatype: 'datetime',
    required: true,
    descriptionId: 'Tanggal mulai usaha',
    descriptionEn: 'Business start date',
    dateRange: { minDaysFromToday: -365, maxDaysFromToday: 30 },
  },
  {
    code: 'lahir',
    datatype: 'datetime',
    required: false,
    descriptionId: 'Tanggal lahir pemilik',
    descriptionEn: "Owner's date of birth",
    dateRange: { maxDaysFromToday: 0 },
  },
  {
    code: 'sektor',
    datatype: 'multivaluelist',
    required: true,
    descriptionId: 'Sektor',
    descriptionEn: 'Sector',
    values: [{ key: 'DAGANG', nameId: 'Perdagangan', nameEn: 'Trade' }, { key: 'JASA' }],
  },
];

const CREATE = `mutation($input: CreateServiceInput!) { createService(input: $input) {
  __typename ... on ValidationError { fields { field code } }
} }`;
const READ = `query($code: String!) { service(code: $code) { currentVersion { version attributeInputs
  attributes { code format pattern rule minDaysFromToday maxDaysFromToday min max } } } }`;
const PROPOSE = `mutation($input: ProposeServiceChangeInput!) { proposeServiceChange(input: $input) {
  __typename ... on ServiceChangePayload { serviceChange { id changedParts } }
  ... on ValidationError { fields { field code } }
} }`;
const APPROVE = `mutation($id: ID!) { decideServiceChange(input: { id: $id, approve: true, reason: "Sesuai" }) {
  __typename ... on ServiceChangePayload { serviceChange { publishedVersion { version } } }
} }`;

describe.each(testDatabaseKinds())('a version’s form fields as input on %s', (kind) => {
  const { h, t } = useHarness(kind, { login: ['admin', 'hendra'] });
  const read = async (code: string) => (await h.gql(READ, { code })).body.data.service.currentVersion;

  it('round-trips every rule: read → propose the same fields → approve keeps them all', async () => {
    const created = await h.gql(
      CREATE,
      {
        input: {
          code: 'IZIN-UJI-ATRIBUT',
          unitCode: 'DPMPTSP',
          kind: 'PERMIT',
          nameId: 'Izin uji atribut',
          nameEn: 'Attribute test permit',
          description: 'Layanan uji untuk aturan isian formulir.',
          standard: FULL_STANDARD,
          attributes: ATTRIBUTES,
        },
      },
      { token: t.admin },
    );
    expect(created.body.data?.createService.__typename, JSON.stringify(created.body)).toBe(
      'ServiceVersionPayload',
    );
    const v1 = await read('IZIN-UJI-ATRIBUT');
    // The exact input shape: what was sent comes back, key for key.
    expect(v1.attributeInputs).toEqual(ATTRIBUTES);

    // An editor changes the requirements only and re-sends the fields as read.
    const proposed = await h.gql(
      PROPOSE,
      {
        input: {
          code: 'IZIN-UJI-ATRIBUT',
          standard: { ...FULL_STANDARD, REQUIREMENTS: ['KTP', 'NPWP'] },
          attributes: v1.attributeInputs,
          note: 'Persyaratan diperbarui',
        },
      },
      { token: t.hendra },
    );
    const change = proposed.body.data?.proposeServiceChange;
    expect(change?.__typename, JSON.stringify(proposed.body)).toBe('ServiceChangePayload');
    // The re-sent fields are the same fields: only the requirements change.
    expect(change.serviceChange.changedParts).toEqual(['REQUIREMENTS']);
    const approved = await h.gql(APPROVE, { id: change.serviceChange.id }, { token: t.admin });
    expect(approved.body.data.decideServiceChange.serviceChange.publishedVersion).toEqual({ version: 2 });

    const v2 = await read('IZIN-UJI-ATRIBUT');
    expect(v2.version).toBe(2);
    expect(v2.attributeInputs).toEqual(ATTRIBUTES);
    expect(v2.attributes).toEqual(v1.attributes);
    expect(v2.attributes.find((a: { code: string }) => a.code === 'nomor_izin')).toMatchObject({
      pattern: '[0-9A-Z]+(?:/[0-9A-Z]+)*',
      rule: 'Huruf besar dan angka, boleh dipisah garis miring',
    });
    expect(v2.attributes.find((a: { code: string }) => a.code === 'mulai')).toMatchObject({
      minDaysFromToday: -365,
      maxDaysFromToday: 30,
    });
  });

  it('gives the seeded catalogue’s rules in both languages (NIK format, STR pattern, birth-date range)', async () => {
    const sip = await read('SIP-NAKES');
    expect(sip.attributeInputs).toContainEqual({
      code: 'nik',
      datatype: 'string',
      required: true,
      descriptionId: 'NIK pemohon (16 digit)',
      descriptionEn: "Applicant's NIK (16 digits)",
      format: 'NIK',
    });
    expect(sip.attributeInputs.find((a: { code: string }) => a.code === 'nomor_str').pattern).toMatchObject({
      regex: '[0-9A-Za-z]+(?:[./ -][0-9A-Za-z]+)*',
      descriptionEn: expect.stringContaining('STR number'),
    });
    const akta = await read('AKTA-LAHIR');
    expect(akta.attributeInputs.find((a: { code: string }) => a.code === 'tanggal_lahir').dateRange).toEqual({
      maxDaysFromToday: 0,
    });
  });

  it('refuses a pattern or a date range on the wrong datatype, beside the field', async () => {
    const bad = await h.gql(
      PROPOSE,
      {
        input: {
          code: 'PBG',
          note: 'Aturan keliru',
          attributes: [
            {
              code: 'luas',
              datatype: 'number',
              required: true,
              pattern: { regex: '[0-9]+', descriptionId: 'Angka', descriptionEn: 'Digits' },
            },
            { code: 'nama', datatype: 'string', required: true, dateRange: { minDaysFromToday: 0 } },
          ],
        },
      },
      { token: t.hendra },
    );
    expect(bad.body.data.proposeServiceChange.fields).toEqual(
      expect.arrayContaining([
        { field: 'attributes[0].pattern', code: 'INVALID_FORMAT' },
        { field: 'attributes[1].dateRange', code: 'INVALID_FORMAT' },
      ]),
    );
  });
});
