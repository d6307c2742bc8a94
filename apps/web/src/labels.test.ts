import { describe, expect, it } from 'vitest';
import { actorLabel, attributeEntries, channelLabel, ikmRuleLabel, serviceName } from './labels.ts';

const DEFINITIONS = [
  {
    code: 'kecamatan',
    datatype: 'singlevaluelist',
    description: 'Kecamatan',
    values: [{ key: 'SILUNGKANG', name: 'Silungkang' }],
  },
  {
    code: 'jenis_kerusakan',
    datatype: 'multivaluelist',
    description: 'Jenis kerusakan',
    values: [
      { key: 'JALAN_BERLUBANG', name: 'Jalan berlubang' },
      { key: 'DRAINASE', name: 'Drainase tersumbat' },
    ],
  },
  { code: 'mulai', datatype: 'datetime', description: 'Tanggal mulai' },
  { code: 'luas', datatype: 'number', description: 'Luas (m²)' },
];

describe('labels, never codes (issue 21, kind 9)', () => {
  it('shows attribute values by their labels and names, in the version’s order', () => {
    const values = {
      luas: 120.5,
      jenis_kerusakan: ['JALAN_BERLUBANG', 'DRAINASE'],
      kecamatan: 'SILUNGKANG',
      mulai: '2026-12-01',
    };
    expect(attributeEntries(values, DEFINITIONS, 'id')).toEqual([
      { code: 'kecamatan', label: 'Kecamatan', text: 'Silungkang' },
      { code: 'jenis_kerusakan', label: 'Jenis kerusakan', text: 'Jalan berlubang, Drainase tersumbat' },
      { code: 'mulai', label: 'Tanggal mulai', text: '1 Des 2026' },
      { code: 'luas', label: 'Luas (m²)', text: '120,5' },
    ]);
  });

  it('keeps the code only for what the definitions do not know', () => {
    expect(attributeEntries({ lama: 'X_Y' }, DEFINITIONS, 'en')).toEqual([
      { code: 'lama', label: 'lama', text: 'X_Y' },
    ]);
    expect(attributeEntries(null, DEFINITIONS, 'en')).toEqual([]);
  });

  it('words channels, rules and actors', () => {
    expect(channelLabel('COUNTER', 'id')).toBe('Loket');
    expect(channelLabel('ONLINE', 'en')).toBe('Online');
    expect(ikmRuleLabel('PERMENPANRB_14_2017', 'id')).toBe('PermenPANRB 14/2017');
    expect(actorLabel({ actorKind: 'STAFF', actorName: 'Yulia Rahman', actorUnit: 'DPMPTSP' }, 'id')).toBe(
      'Yulia Rahman, DPMPTSP',
    );
    expect(actorLabel({ actorKind: 'CITIZEN', actorName: null }, 'id')).toBe('Pemohon');
    expect(actorLabel({ actorKind: 'SYSTEM' }, 'en')).toBe('System (automatic escalation)');
  });

  it('names a service in English where it has an English name', () => {
    expect(
      serviceName({ name: 'Persetujuan Bangunan Gedung', nameEn: 'Building approval (PBG)' }, 'en'),
    ).toBe('Building approval (PBG)');
    expect(
      serviceName({ name: 'Persetujuan Bangunan Gedung', nameEn: 'Building approval (PBG)' }, 'id'),
    ).toBe('Persetujuan Bangunan Gedung');
    expect(serviceName({ name: 'Layanan', nameEn: null }, 'en')).toBe('Layanan');
  });
});
