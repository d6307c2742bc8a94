import type { Message } from '../errors.js';
import type { IkmChannelResult, IkmReport } from './ikm-report.js';
import { surveyProfileLabel } from './survey-profile-options.js';

/*
 * The SKM report of a scope and period as agencies publish it: the IKM computation per element
 * and the respondent profile, in Indonesian or English.
 */

export type SkmReportLanguage = keyof Message;

/** What the table names the report by: a unit or service code (null for the city) and a name. */
export type SkmReportScope = { readonly scope: string; readonly key: string | null; readonly name: string };

/**
 * Respondents with one value of one profile dimension (GENDER, AGE_BAND, EDUCATION, OCCUPATION,
 * CHANNEL); `-` stands for respondents who left the field empty.
 */
export type SkmProfileCount = { readonly dimension: string; readonly value: string; readonly count: number };

const DIMENSIONS: Readonly<Record<string, Message>> = {
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
  populationOnline: {
    id: 'Populasi daring (permohonan selesai)',
    en: 'Population, online (requests completed)',
  },
  populationCounter: {
    id: 'Populasi loket (responden loket)',
    en: 'Population, counter (counter respondents)',
  },
  sample: { id: 'Sampel minimum (Krejcie & Morgan)', en: 'Minimum sample (Krejcie & Morgan)' },
  coverage: { id: 'Cakupan sampel minimum (%)', en: 'Minimum sample reached (%)' },
  responseRate: {
    id: 'Tingkat respons (responden / populasi, %)',
    en: 'Response rate (respondents / population, %)',
  },
  rule: { id: 'Aturan penilaian', en: 'Grading rule' },
  online: { id: 'Nilai IKM jawaban daring', en: 'IKM score, online answers' },
  counter: {
    id: 'Nilai IKM jawaban loket (dicatat petugas)',
    en: 'IKM score, counter answers (typed by staff)',
  },
  warning: { id: 'Peringatan', en: 'Warning' },
  profile: { id: 'Profil responden', en: 'Respondent profile' },
  notGiven: { id: '(tidak diisi)', en: '(not given)' },
  profileHead: {
    id: ['Kategori', 'Nilai', 'Jumlah', 'Persen'],
    en: ['Category', 'Value', 'Count', 'Percent'],
  },
} as const;

const fixed = (n: number | null, digits: number) => (n === null ? '' : n.toFixed(digits));

/** One channel's line: its label, score as displayed, grade and respondents. */
const channelRow = (label: string, c: IkmChannelResult): string[] => [
  label,
  c.scoreDisplay ?? '',
  c.grade ?? '',
  String(c.respondents),
];

/**
 * The report as a table of text cells in the published layout (PermenPANRB 14/2017 annex), in
 * one language: a title, the scope and period; per element its number, code, label, total,
 * respondents, NRR (2 decimals) and weighted NRR (3 decimals); the index (3 decimals), the score
 * as displayed, the grade, respondents, population (total, online, counter), minimum sample, the
 * share of it reached and the response rate (percent, 1 decimal; never above 100) and rule; the score, grade and
 * respondents of the online and of the counter answers apart, and any warning (COUNTER_DOMINATES,
 * COUNTER_POPULATION_FROM_RESPONDENTS, RESPONDENTS_EXCEED_POPULATION);
 * then the respondent
 * profile with each value's share of the respondents in percent (1 decimal), a value left empty
 * (`-`) named "(tidak diisi)" / "(not given)", each option by its label in `lang`
 * (surveyProfileLabel; a value without a label as it is). A CSV or sheet writer turns the table
 * into a file through spreadsheetSafeCell.
 */
export function skmReportTable(
  report: IkmReport<SkmReportScope>,
  profile: readonly SkmProfileCount[],
  lang: SkmReportLanguage,
): string[][] {
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
      e.sum === null ? '' : String(e.sum),
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
    [T.populationOnline[lang], String(report.channels.online.population)],
    [T.populationCounter[lang], String(report.channels.counter.population)],
    [T.sample[lang], String(report.requiredSample)],
    [T.coverage[lang], (100 * report.coverage).toFixed(1)],
    [T.responseRate[lang], report.responseRate === null ? '' : (100 * report.responseRate).toFixed(1)],
    [T.rule[lang], report.rule],
    channelRow(T.online[lang], report.channels.online),
    channelRow(T.counter[lang], report.channels.counter),
    ...report.warnings.map((w) => [T.warning[lang], w.code, w.message[lang]]),
    [],
    [T.profile[lang]],
    [...T.profileHead[lang]],
  );
  for (const p of profile) {
    const share = report.respondents > 0 ? (100 * p.count) / report.respondents : 0;
    rows.push([
      DIMENSIONS[p.dimension]?.[lang] ?? p.dimension,
      skmProfileValueText(p, lang),
      String(p.count),
      share.toFixed(1),
    ]);
  }
  return rows;
}

/**
 * How a report writes one profile value in `lang`: `-` (left empty) as "(tidak diisi)" /
 * "(not given)", an option of the SKM form by its label (surveyProfileLabel), any other value
 * (a channel) as it is.
 */
export function skmProfileValueText(
  p: { readonly dimension: string; readonly value: string },
  lang: SkmReportLanguage,
): string {
  if (p.value === '-') return T.notGiven[lang];
  return surveyProfileLabel(p.dimension, p.value)?.[lang] ?? p.value;
}

/** The download's file name: `skm-<unit or service code, or kota>-<period key>.csv`, lower case. */
export function skmReportFileName(report: IkmReport<SkmReportScope>, extension = 'csv'): string {
  return `skm-${(report.scope.key ?? 'kota').toLowerCase()}-${report.period.key.toLowerCase()}.${extension}`;
}
