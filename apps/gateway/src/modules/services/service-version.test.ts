import { testDatabaseKinds } from '@layanan/db/testing';
import { SERVICE_STANDARD_COMPONENT_CODES } from '@layanan/domain/services';
import { describe, expect, it } from 'vitest';
import { useHarness } from '../../testing/use-harness.js';

export const FULL_STANDARD: Record<string, unknown> = Object.fromEntries(
  SERVICE_STANDARD_COMPONENT_CODES.map((c) => [c, `Isi komponen ${c}`]),
);
FULL_STANDARD.COMPLETION_TIME = 5;
FULL_STANDARD.COST = 0;
FULL_STANDARD.STAFF_COUNT = 2;

const CREATE = `mutation($input: CreateServiceInput!) { createService(input: $input) {
  __typename
  ... on ServiceVersionPayload { service { code completionDays currentVersion { version } } version { version name nameEn kind completionDays requiredLevel requiredCompetency { code } attributes { code datatype required values { key name } } } }
  ... on ValidationError { code messageId messageEn fields { field code messageEn } }
  ... on ConflictError { code }
  ... on NotFoundError { code }
} }`;

const PROPOSE = `mutation($input: ProposeServiceChangeInput!) { proposeServiceChange(input: $input) {
  __typename
  ... on ServiceChangePayload { serviceChange { id changedParts } service { completionDays } }
  ... on ValidationError { fields { field code } }
} }`;

const APPROVE = `mutation($id: ID!) { decideServiceChange(input: { id: $id, approve: true, reason: "Disetujui" }) {
  __typename
  ... on ServiceChangePayload { serviceChange { publishedVersion { version nameEn } } service { completionDays versions { version note completionDays } } }
} }`;

describe.each(testDatabaseKinds())('service catalogue versions on %s', (kind) => {
  const { h, t } = useHarness(kind, { login: ['admin'] });

  it('searches the catalogue on the server: every word, any case, in name, description, code or unit; counted', async () => {
    const search = async (words: string) => {
      const { body } = await h.gql(
        'query($s: String) { services(first: 100, search: $s) { totalCount edges { node { code name unit { shortName } } } } }',
        { s: words },
      );
      return body.data.services as { totalCount: number; edges: { node: { code: string; name: string } }[] };
    };
    const all = await search('');
    const pbg = await search('bangunan PERSETUJUAN');
    expect(pbg.edges.map((e) => e.node.code)).toContain('PBG');
    expect(pbg.totalCount).toBe(pbg.edges.length);
    expect(pbg.totalCount).toBeLessThan(all.totalCount);
    expect((await search('pbg')).edges.map((e) => e.node.code)).toContain('PBG');
    expect((await search('bangunan zzz-tidak-ada')).totalCount).toBe(0);
    // LIKE wildcards are text, not patterns.
    expect((await search('%')).totalCount).toBe(0);
  });

  const input = {
    code: 'siup-mikro',
    unitCode: 'DPMPTSP',
    kind: 'PERMIT',
    nameId: 'Izin Usaha Mikro',
    nameEn: 'Micro business permit',
    description: 'Izin usaha untuk pelaku usaha mikro di Kota Sawahlunto.',
    standard: FULL_STANDARD,
    attributes: [
      {
        code: 'nama_usaha',
        datatype: 'string',
        required: true,
        descriptionId: 'Nama usaha',
        descriptionEn: 'Business name',
      },
      {
        code: 'sektor',
        datatype: 'singlevaluelist',
        required: true,
        values: [{ key: 'DAGANG', nameId: 'Perdagangan', nameEn: 'Trade' }, { key: 'JASA' }],
      },
    ],
    requiredCompetencyCode: 'PERIZINAN',
    requiredLevel: 2,
  };

  it('refuses an incomplete standard, bad attributes and an unknown competency with field errors', async () => {
    const { LEGAL_BASIS: _omit, ...partial } = FULL_STANDARD;
    const { body } = await h.gql(
      CREATE,
      {
        input: {
          ...input,
          code: 'x',
          standard: { ...partial, COMPLETION_TIME: 0 },
          attributes: [{ code: 'a', datatype: 'multivaluelist', required: true }],
          requiredCompetencyCode: 'NOPE',
        },
      },
      { token: t.admin },
    );
    const r = body.data.createService;
    expect(r.__typename).toBe('ValidationError');
    expect(r.fields.map((f: any) => `${f.field}:${f.code}`)).toEqual(['code:INVALID_FORMAT']);
    const again = await h.gql(
      CREATE,
      {
        input: {
          ...input,
          standard: { ...partial, COMPLETION_TIME: 0 },
          attributes: [{ code: 'a', datatype: 'multivaluelist', required: true }],
          requiredCompetencyCode: 'NOPE',
        },
      },
      { token: t.admin },
    );
    expect(again.body.data.createService.fields.map((f: any) => `${f.field}:${f.code}`)).toEqual([
      'standard.LEGAL_BASIS:REQUIRED',
      'standard.COMPLETION_TIME:OUT_OF_RANGE',
      'attributes[0].values:REQUIRED',
      'requiredCompetencyCode:NOT_ALLOWED',
    ]);
  });

  it('creates a service as data and publishes a new version; old versions stay', async () => {
    const citizen = await h.login('warga@layanan.test');
    const denied = await h.gql(CREATE, { input }, { token: citizen });
    expect(denied.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const created = await h.gql(CREATE, { input }, { token: t.admin });
    expect(created.body.errors, JSON.stringify(created.body.errors)).toBeUndefined();
    const payload = created.body.data.createService;
    expect(payload.__typename).toBe('ServiceVersionPayload');
    expect(payload.service).toEqual({
      code: 'SIUP-MIKRO',
      completionDays: 5,
      currentVersion: { version: 1 },
    });
    expect(payload.version).toMatchObject({
      version: 1,
      name: 'Izin Usaha Mikro',
      kind: 'PERMIT',
      requiredLevel: 2,
      requiredCompetency: { code: 'PERIZINAN' },
    });
    expect(payload.version.attributes[1].values).toEqual([
      { key: 'DAGANG', name: 'Perdagangan' },
      { key: 'JASA', name: null },
    ]);
    const dup = await h.gql(CREATE, { input }, { token: t.admin });
    expect(dup.body.data.createService).toEqual({ __typename: 'ConflictError', code: 'SERVICE_CODE_TAKEN' });

    const supervisor = await h.login('hendra@layanan.test');
    const proposed = await h.gql(
      PROPOSE,
      {
        input: {
          code: 'SIUP-MIKRO',
          standard: { ...FULL_STANDARD, COMPLETION_TIME: 3 },
          nameEn: 'Micro enterprise permit',
          note: 'Dipercepat',
        },
      },
      { token: supervisor },
    );
    const change = proposed.body.data.proposeServiceChange;
    expect(change.serviceChange.changedParts).toEqual(['COMPLETION_TIME', 'NAME']);
    // Four eyes: nothing is published until a second person (here the admin) approves.
    expect(change.service.completionDays).toBe(5);
    const approved = await h.gql(APPROVE, { id: change.serviceChange.id }, { token: t.admin });
    const p = approved.body.data.decideServiceChange;
    expect(p.serviceChange.publishedVersion).toEqual({ version: 2, nameEn: 'Micro enterprise permit' });
    expect(p.service.completionDays).toBe(3);
    expect(p.service.versions.map((v: any) => [v.version, v.completionDays, v.note])).toEqual([
      [2, 3, 'Dipercepat'],
      [1, 5, expect.any(String)],
    ]);

    const otherUnit = await h.login('dewi@layanan.test');
    const forbidden = await h.gql(
      PROPOSE,
      { input: { code: 'SIUP-MIKRO', note: 'x' } },
      { token: otherUnit },
    );
    expect(forbidden.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('publishes a new version when a changed completion time from updateService is approved; old requests keep theirs', async () => {
    const before = await h.gql('{ service(code: "PBG") { currentVersion { version completionDays } } }');
    const v = before.body.data.service.currentVersion.version;
    const updated = await h.gql(
      'mutation { updateService(input: { code: "PBG", completionDays: 2 }) { __typename ... on UpdateServicePayload { pendingChange { id } service { currentVersion { version } } } } }',
      {},
      { token: await h.login('hendra@layanan.test') },
    );
    expect(updated.body.data.updateService.service.currentVersion.version).toBe(v);
    const decided = await h.gql(
      'mutation($id: ID!) { decideServiceChange(input: { id: $id, approve: true, reason: "Sesuai SOP" }) { __typename ... on ServiceChangePayload { service { completionDays currentVersion { version completionDays standard } } } } }',
      { id: updated.body.data.updateService.pendingChange.id },
      { token: t.admin },
    );
    const current = decided.body.data.decideServiceChange.service.currentVersion;
    expect(current.version).toBe(v + 1);
    expect(current.completionDays).toBe(2);
    expect(current.standard.COMPLETION_TIME).toBe(2);
    const same = await h.gql(
      'mutation { updateService(input: { code: "PBG", description: "Persetujuan bangunan gedung baru atau perubahan bangunan." }) { ... on UpdateServicePayload { service { currentVersion { version } } } } }',
      {},
      { token: t.admin },
    );
    expect(same.body.data.updateService.service.currentVersion.version).toBe(v + 1);
  });
});
