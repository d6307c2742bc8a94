import { describe, expect, it } from 'vitest';
import { type ImprovementInput, proposeImprovementActions, weakSkmElements } from './improvement.js';
import { SKM_ELEMENT_CODES, type SkmElementCode } from './skm-elements.js';

const averages = (overrides: Partial<Record<SkmElementCode, number | null>>, base = 3.7) =>
  SKM_ELEMENT_CODES.map((code) => ({ code, average: code in overrides ? (overrides[code] ?? null) : base }));

describe('weakSkmElements', () => {
  it('lists elements below grade A or below the average, weakest first', () => {
    const weak = weakSkmElements(averages({ WAKTU: 2.4, PERSYARATAN: 3.5, SARANA: 3.6 }, 3.9));
    expect(weak.map((w) => w.code)).toEqual(['WAKTU', 'PERSYARATAN', 'SARANA']);
    expect(weak[0]).toMatchObject({ belowGradeA: true, belowAverage: true });
    // 3.6 × 25 = 90 is grade A, but below this unit's mean
    expect(weak[2]).toMatchObject({ code: 'SARANA', belowGradeA: false, belowAverage: true });
  });

  it('uses the exact grade-A limit of the rule: 3.5324 × 25 = 88.31 is A under 2017', () => {
    const at = weakSkmElements(averages({}, 3.5324));
    expect(at).toEqual([]);
    const below = weakSkmElements(averages({}, 3.532)); // 88.30: B
    expect(below).toHaveLength(9);
    expect(below.every((w) => w.belowGradeA && !w.belowAverage)).toBe(true);
    // 3.3 × 25 = 82.5: B under 2017, A under the 2004 bands (A from 81.26)
    expect(weakSkmElements(averages({}, 3.3), 'KEPMENPAN_25_2004')).toEqual([]);
  });

  it('ignores unanswered elements and returns nothing without answers', () => {
    expect(weakSkmElements(averages({ BIAYA: null }, 3.9)).map((w) => w.code)).toEqual([]);
    expect(weakSkmElements(SKM_ELEMENT_CODES.map((code) => ({ code, average: null })))).toEqual([]);
  });
});

const base: ImprovementInput = {
  unit: { code: 'DPMPTSP', name: 'Dinas Penanaman Modal dan PTSP' },
  elements: averages({ WAKTU: 2.4, KOMPETENSI: 3.2 }),
  mapping: [
    { element: 'WAKTU', competency: 'MANAJEMEN_PROSES' },
    { element: 'WAKTU', competency: 'PELAYANAN_PUBLIK' },
    { element: 'KOMPETENSI', competency: 'PELAYANAN_PUBLIK' },
    { element: 'KOMPETENSI', competency: 'PERIZINAN_OSS' },
    { element: 'SARANA', competency: 'TIK' },
  ],
  competencies: new Map([
    ['PELAYANAN_PUBLIK', { name: 'Pelayanan Publik' }],
    ['PERIZINAN_OSS', { name: 'Perizinan OSS-RBA' }],
    ['TIK', { name: 'TIK' }],
  ]),
  staffGaps: [
    { staffId: 'a', competency: 'PELAYANAN_PUBLIK', gap: 1 },
    { staffId: 'b', competency: 'PELAYANAN_PUBLIK', gap: 2 },
    { staffId: 'c', competency: 'PELAYANAN_PUBLIK', gap: 1 },
    { staffId: 'd', competency: 'PELAYANAN_PUBLIK', gap: 1 },
    { staffId: 'a', competency: 'TIK', gap: 2 },
    { staffId: 'e', competency: 'PERIZINAN_OSS', gap: 0 },
  ],
  courses: [{ code: 'PRIMA', name: 'Pelayanan Prima', covers: ['PELAYANAN_PUBLIK', 'PEREKAT_BANGSA'] }],
  services: [
    { code: 'PBG', name: 'Persetujuan Bangunan Gedung', complaints: 2, overdue: 5 },
    { code: 'SIP-NAKES', name: 'Surat Izin Praktik', complaints: 4, overdue: 0 },
    { code: 'REKLAME', name: 'Izin Reklame', complaints: 0, overdue: 0 },
  ],
};

describe('proposeImprovementActions', () => {
  it('trains the staff with gaps in competencies mapped to weak elements', () => {
    const actions = proposeImprovementActions(base);
    const training = actions.filter((a) => a.kind === 'TRAINING');
    // PELAYANAN_PUBLIK serves both weak elements; TIK's element (SARANA) is not weak; nobody
    // falls short in PERIZINAN_OSS or MANAJEMEN_PROSES.
    expect(training).toHaveLength(1);
    expect(training[0]).toMatchObject({
      sourceKey: 'TRAINING:PELAYANAN_PUBLIK',
      title: {
        id: 'Latih 4 pegawai DPMPTSP dalam Pelayanan Publik (Pelayanan Prima)',
        en: 'Train 4 staff of DPMPTSP in Pelayanan Publik (Pelayanan Prima)',
      },
      element: 'WAKTU',
      competency: 'PELAYANAN_PUBLIK',
      staffIds: ['a', 'b', 'c', 'd'],
      dueInWorkingDays: 40,
    });
    expect(training[0]?.reason.id).toContain('Waktu penyelesaian, Kompetensi pelaksana');
  });

  it('adds one action per weak element, naming the service with most overdue requests for WAKTU', () => {
    const actions = proposeImprovementActions(base);
    const waktu = actions.find((a) => a.sourceKey === 'ELEMENT:WAKTU');
    expect(waktu).toMatchObject({
      kind: 'PROCESS_REVIEW',
      serviceCode: 'PBG',
      title: { id: 'Percepat waktu penyelesaian layanan Persetujuan Bangunan Gedung' },
    });
    expect(waktu?.reason.en).toBe(
      "The Completion time element averages 2.40 (60.00), below grade A and below the unit's average.",
    );
    // Indonesian texts write a decimal comma (issue 21, kind 10).
    expect(waktu?.reason.id).toBe(
      'Nilai rata-rata unsur Waktu penyelesaian 2,40 (60,00) di bawah mutu A dan di bawah rata-rata unit.',
    );
    // KOMPETENSI is covered by the training action, so no separate coaching action.
    expect(actions.some((a) => a.sourceKey === 'ELEMENT:KOMPETENSI')).toBe(false);
  });

  it('rounds element averages in its texts, never truncates: 49/15 is 3,27 (81,67)', () => {
    const actions = proposeImprovementActions({
      ...base,
      elements: base.elements.map((e) => (e.code === 'WAKTU' ? { ...e, average: 49 / 15 } : e)),
    });
    const reason = actions.find((a) => a.sourceKey === 'ELEMENT:WAKTU')?.reason;
    expect(reason?.id).toContain('3,27 (81,67)');
    expect(reason?.en).toContain('3.27 (81.67)');
  });

  it('reviews the services with the most complaints and clears overdue requests', () => {
    const actions = proposeImprovementActions(base);
    expect(actions.filter((a) => a.kind === 'SERVICE_REVIEW').map((a) => a.serviceCode)).toEqual([
      'SIP-NAKES',
      'PBG',
    ]);
    expect(
      actions.filter((a) => a.kind === 'OVERDUE_CLEARANCE').map((a) => [a.serviceCode, a.title.en]),
    ).toEqual([['PBG', 'Clear 5 overdue requests for Persetujuan Bangunan Gedung']]);
    const limited = proposeImprovementActions({ ...base, topServices: 1 });
    expect(limited.filter((a) => a.kind === 'SERVICE_REVIEW').map((a) => a.serviceCode)).toEqual([
      'SIP-NAKES',
    ]);
  });

  it('names requirements reviews after the most complained-about service, and coaches without gaps', () => {
    const actions = proposeImprovementActions({
      ...base,
      elements: averages({ PERSYARATAN: 2.9, PERILAKU: 3.0 }),
      staffGaps: [],
    });
    expect(actions.find((a) => a.sourceKey === 'ELEMENT:PERSYARATAN')).toMatchObject({
      kind: 'REQUIREMENTS_REVIEW',
      serviceCode: 'SIP-NAKES',
      title: {
        id: 'Tinjau persyaratan layanan Surat Izin Praktik',
        en: 'Review the requirements of service Surat Izin Praktik',
      },
    });
    expect(actions.find((a) => a.sourceKey === 'ELEMENT:PERILAKU')?.kind).toBe('STAFF_COACHING');
  });

  it('is deterministic with unique source keys, and quiet for a strong unit without complaints', () => {
    const a = proposeImprovementActions(base);
    expect(proposeImprovementActions(base)).toEqual(a);
    expect(new Set(a.map((x) => x.sourceKey)).size).toBe(a.length);
    const strong = proposeImprovementActions({
      ...base,
      elements: averages({}, 3.8),
      services: base.services.map((s) => ({ ...s, complaints: 0, overdue: 0 })),
    });
    expect(strong).toEqual([]);
  });
});
