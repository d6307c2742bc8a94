import { describe, expect, it } from 'vitest';
import { SERVICE_STANDARD_COMPONENT_CODES } from './service-standard.js';
import {
  CATALOGUE_EDIT_VERSION_NOTE,
  checkServiceVersion,
  checkVersionNote,
  type ServiceVersionDraft,
  serviceCodeTaken,
  serviceEntryProblems,
  versionForCatalogueEdit,
} from './service-version.js';

const standard = Object.fromEntries(
  SERVICE_STANDARD_COMPONENT_CODES.map((c) => [
    c,
    c === 'COMPLETION_TIME' ? 5 : c === 'COST' ? 25_000 : c === 'STAFF_COUNT' ? 3 : 'Ada',
  ]),
);
const draft = (over: Partial<ServiceVersionDraft> = {}): ServiceVersionDraft => ({
  nameId: ' Izin Usaha Mikro ',
  nameEn: 'Micro business permit',
  standard,
  attributes: [],
  requiredCompetencyCode: null,
  requiredCompetency: null,
  requiredLevel: null,
  ...over,
});

describe('checkServiceVersion', () => {
  it('accepts a complete version and takes completion time and cost from the standard', () => {
    const r = checkServiceVersion(
      draft({ requiredCompetencyCode: 'PERIZINAN', requiredCompetency: { id: 'k1' }, requiredLevel: 2 }),
    );
    expect(r.ok && r.value).toMatchObject({
      nameId: 'Izin Usaha Mikro',
      completionDays: 5,
      costIdr: 25_000,
      requiredCompetencyId: 'k1',
      requiredLevel: 2,
    });
  });

  it('reports every problem at once', () => {
    const r = checkServiceVersion(
      draft({
        nameId: '',
        standard: { ...standard, COMPLETION_TIME: undefined },
        requiredCompetencyCode: 'X',
        requiredLevel: 9,
      }),
    );
    expect(r.ok ? [] : r.error.fields.map((f) => [f.field, f.code])).toEqual([
      ['nameId', 'REQUIRED'],
      ['standard.COMPLETION_TIME', 'REQUIRED'],
      ['requiredCompetencyCode', 'NOT_ALLOWED'],
      ['requiredLevel', 'OUT_OF_RANGE'],
    ]);
    expect(checkServiceVersion(draft({ requiredLevel: 2 }))).toMatchObject({
      ok: false,
      error: { code: 'SERVICE_VERSION_INVALID', fields: [{ field: 'requiredLevel', code: 'NOT_ALLOWED' }] },
    });
  });
});

describe('catalogue entry rules', () => {
  it('checks the code format and the description', () => {
    expect(serviceEntryProblems('SIUP-MIKRO', 'Izin usaha mikro untuk warga')).toEqual([]);
    expect(serviceEntryProblems('siup', 'pendek').map((f) => [f.field, f.code])).toEqual([
      ['code', 'INVALID_FORMAT'],
      ['description', 'TOO_SHORT'],
    ]);
  });
  it('names the taken code and needs a change note', () => {
    expect(serviceCodeTaken('KTP')).toMatchObject({
      code: 'SERVICE_CODE_TAKEN',
      message: { en: 'Service code KTP is already taken' },
    });
    expect(checkVersionNote(' ')).toMatchObject({ ok: false, error: { field: 'note', code: 'REQUIRED' } });
    expect(checkVersionNote(' Biaya turun ')).toEqual({ ok: true, value: 'Biaya turun' });
  });
});

describe('versionForCatalogueEdit', () => {
  const entry = { name: 'Izin', completionDays: 5, costIdr: 0 };
  const current = {
    version: 2,
    nameId: 'Izin',
    completionDays: 5,
    standard: { COMPLETION_TIME: 5, COST: 0, PRODUCT: 'Izin' },
  };

  it('publishes no version when neither name, completion time nor cost changes', () => {
    expect(versionForCatalogueEdit(entry, current, 3, {})).toBeNull();
    expect(
      versionForCatalogueEdit(entry, current, 3, { name: 'Izin', completionDays: 5, costIdr: 0 }),
    ).toBeNull();
  });

  it('publishes the next version with the changed standard', () => {
    expect(versionForCatalogueEdit(entry, current, 3, { completionDays: 3, costIdr: 10_000 })).toEqual({
      version: 4,
      nameId: 'Izin',
      completionDays: 3,
      standard: { COMPLETION_TIME: 3, COST: 10_000, PRODUCT: 'Izin' },
      note: CATALOGUE_EDIT_VERSION_NOTE,
    });
    expect(versionForCatalogueEdit(entry, current, null, { name: 'Izin Baru' })).toMatchObject({
      version: 3,
      nameId: 'Izin Baru',
      standard: { COMPLETION_TIME: 5, COST: 0 },
    });
  });
});
