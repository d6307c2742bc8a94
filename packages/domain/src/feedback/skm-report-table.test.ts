import { describe, expect, it } from 'vitest';
import { buildIkmReport, type SkmTotalsRow, skmTotalsByBucket } from './ikm-report.js';
import { skmPeriod } from './period.js';
import { SKM_ELEMENT_CODES } from './skm-elements.js';
import { skmReportRequest } from './skm-report-request.js';
import { skmReportFileName, skmReportTable } from './skm-report-table.js';
import { surveyInvitationMessage } from './survey.js';

const period = (() => {
  const p = skmPeriod({ kind: 'YEAR', year: 2026, number: null });
  if (!p.ok) throw new Error(p.error.code);
  return p.value;
})();
const rows: SkmTotalsRow[] = SKM_ELEMENT_CODES.map((element) => ({
  bucket: 1,
  respondents: 4,
  element,
  sum: 13,
  answered: 4,
}));
const report = buildIkmReport(
  { scope: 'UNIT', key: 'DPMPTSP', name: 'DPMPTSP' },
  period,
  { online: skmTotalsByBucket(rows).get(1) },
  10,
);

describe('skmReportTable', () => {
  it('lays out the elements, the result and the profile shares', () => {
    const table = skmReportTable(report, [{ dimension: 'GENDER', value: 'F', count: 3 }], 'en');
    expect(table[0]).toEqual(['Community Satisfaction Survey (SKM) report']);
    expect(table[4]).toEqual([
      'No',
      'Code',
      'Service element',
      'Total score',
      'Respondents',
      'NRR',
      'Weighted NRR',
    ]);
    expect(table[5]).toEqual(['1', 'PERSYARATAN', expect.any(String), '13', '4', '3.25', '0.361']);
    expect(table).toContainEqual(['IKM score (IKM × 25)', '81.25']);
    expect(table.at(-1)).toEqual(['Gender', 'Female', '3', '75.0']);
    const empty = skmReportTable(report, [{ dimension: 'AGE_BAND', value: '-', count: 1 }], 'id');
    expect(empty.at(-1)).toEqual(['Usia', '(tidak diisi)', '1', '25.0']);
    const options = [
      { dimension: 'AGE_BAND', value: 'AGE_20_29', count: 1 },
      { dimension: 'EDUCATION', value: 'S2_PLUS', count: 1 },
      { dimension: 'OCCUPATION', value: 'PNS_TNI_POLRI', count: 1 },
      { dimension: 'CHANNEL', value: 'COUNTER', count: 1 },
    ];
    expect(skmReportTable(report, options, 'id').slice(-4)).toEqual([
      ['Usia', '20–29 tahun', '1', '25.0'],
      ['Pendidikan', 'S2 ke atas', '1', '25.0'],
      ['Pekerjaan', 'PNS/TNI/Polri', '1', '25.0'],
      ['Kanal', 'COUNTER', '1', '25.0'],
    ]);
    expect(skmReportTable(report, options, 'en').at(-3)?.[1]).toBe("Master's degree or higher (S2, S3)");
    expect(skmReportTable(report, [], 'id')[0]).toEqual(['Laporan Survei Kepuasan Masyarakat (SKM)']);
  });

  it('names the file by scope and period', () => {
    expect(skmReportFileName(report)).toBe('skm-dpmptsp-year-2026.csv');
    expect(skmReportFileName({ ...report, scope: { ...report.scope, key: null } })).toBe(
      'skm-kota-year-2026.csv',
    );
  });
});

describe('skmReportRequest', () => {
  it('needs a unit, then a valid period key', () => {
    expect(skmReportRequest({ unit: ' DPMPTSP ', period: 'Q1-2026' })).toMatchObject({
      ok: true,
      value: { unitCode: 'DPMPTSP', period: { key: 'Q1-2026', from: '2026-01-01', to: '2026-03-31' } },
    });
    expect(skmReportRequest({ unit: ' ', period: 'Q9-2026' })).toMatchObject({
      ok: false,
      error: { code: 'REQUIRED', field: 'unit' },
    });
    expect(skmReportRequest({ unit: 'DPMPTSP', period: 'Q9-2026' })).toMatchObject({
      ok: false,
      error: { code: 'SKM_PERIOD_INVALID_NUMBER' },
    });
  });
});

describe('surveyInvitationMessage', () => {
  it('names the request in both languages', () => {
    const m = surveyInvitationMessage('PBG-2026-000123');
    expect(m.id).toContain('PBG-2026-000123 selesai');
    expect(m.en).toContain('PBG-2026-000123 is completed');
  });
});
