// The SKM report as CSV, in the layout agencies publish (PermenPANRB 14/2017 annex): per element
// its total, respondents, NRR and weighted NRR; then the index, the 25–100 score, the grade and
// the respondents; then the respondent profile. Quoting by csv-stringify.
import { stringify } from 'csv-stringify/sync';
import type { Lang } from '../../app/context.js';
import type { IkmReportShape, ProfileCount } from './ikm-report.js';

const DIMENSIONS: Record<string, { id: string; en: string }> = {
  GENDER: { id: 'Jenis kelamin', en: 'Gender' },
  AGE_BAND: { id: 'Usia', en: 'Age' },
  EDUCATION: { id: 'Pendidikan', en: 'Education' },
  OCCUPATION: { id: 'Pekerjaan', en: 'Occupation' },
  CHANNEL: { id: 'Kanal', en: 'Channel' },
};

const T = {
  title: { id: 'Laporan Survei Kepuasan Masyarakat (SKM)', en: 'Community Satisfaction Survey (SKM) report' },
  scope: { id: 'Unit/Layanan', en: 'Unit/Service' },
  period: { id: 'Periode', en: 'Period' },
  head: {
    id: ['No', 'Kode', 'Unsur pelayanan', 'Jumlah nilai', 'Jumlah responden', 'NRR', 'NRR tertimbang'],
    en: ['No', 'Code', 'Service element', 'Total score', 'Respondents', 'NRR', 'Weighted NRR'],
  },
  index: { id: 'IKM (jumlah NRR tertimbang)', en: 'IKM (sum of weighted NRR)' },
  score: { id: 'Nilai IKM (IKM × 25)', en: 'IKM score (IKM × 25)' },
  grade: { id: 'Mutu pelayanan', en: 'Service quality' },
  respondents: { id: 'Jumlah responden', en: 'Respondents' },
  population: { id: 'Populasi (orang dilayani)', en: 'Population (people served)' },
  sample: { id: 'Sampel minimum (Krejcie & Morgan)', en: 'Minimum sample (Krejcie & Morgan)' },
  rule: { id: 'Aturan penilaian', en: 'Grading rule' },
  profile: { id: 'Profil responden', en: 'Respondent profile' },
  profileHead: {
    id: ['Kategori', 'Nilai', 'Jumlah', 'Persen'],
    en: ['Category', 'Value', 'Count', 'Percent'],
  },
} as const;

const fixed = (n: number | null, digits: number) => (n === null ? '' : n.toFixed(digits));

/** Rows of the CSV (for tests and other formats); `skmCsv` stringifies them. */
export function skmCsvRows(report: IkmReportShape, profile: readonly ProfileCount[], lang: Lang): string[][] {
  const rows: string[][] = [
    [T.title[lang]],
    [T.scope[lang], report.scope.key ?? report.scope.scope, report.scope.name],
    [T.period[lang], report.period.key, report.period.label[lang], report.period.from, report.period.to],
    [],
    [...T.head[lang]],
  ];
  report.elements.forEach((e, i) => {
    rows.push([
      String(i + 1),
      e.code,
      e.label[lang],
      String(e.sum),
      String(e.answered),
      fixed(e.average, 2),
      fixed(e.weighted, 3),
    ]);
  });
  rows.push(
    [],
    [T.index[lang], fixed(report.index, 3)],
    [T.score[lang], report.scoreDisplay ?? ''],
    [T.grade[lang], report.grade ?? '', report.gradeLabel?.[lang] ?? ''],
    [T.respondents[lang], String(report.respondents)],
    [T.population[lang], String(report.population)],
    [T.sample[lang], String(report.requiredSample)],
    [T.rule[lang], report.rule],
    [],
    [T.profile[lang]],
    [...T.profileHead[lang]],
  );
  for (const p of profile) {
    const share = report.respondents > 0 ? (100 * p.count) / report.respondents : 0;
    rows.push([DIMENSIONS[p.dimension]?.[lang] ?? p.dimension, p.value, String(p.count), share.toFixed(1)]);
  }
  return rows;
}

export function skmCsv(report: IkmReportShape, profile: readonly ProfileCount[], lang: Lang): string {
  return stringify(skmCsvRows(report, profile, lang), { record_delimiter: 'windows' });
}

export function skmCsvFileName(report: IkmReportShape): string {
  return `skm-${(report.scope.key ?? 'kota').toLowerCase()}-${report.period.key.toLowerCase()}.csv`;
}
