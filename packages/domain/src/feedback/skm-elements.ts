import type { Message } from '../errors.js';

/*
 * The nine SKM elements (unsur) of PermenPANRB 14/2017 on community satisfaction surveys, each
 * answered on a 1–4 scale (1 worst, 4 best). Kept by code, not by position: published
 * questionnaires disagree on the order of the last two. Question and answer wording follows the
 * sample questionnaire in the regulation's annex.
 */
export type SkmElement = {
  readonly code: string;
  readonly label: Message;
  readonly question: Message;
  /** Answer options for scores 1, 2, 3, 4. */
  readonly scale: readonly [Message, Message, Message, Message];
};

export const SKM_ELEMENTS = [
  {
    code: 'PERSYARATAN',
    label: { id: 'Persyaratan', en: 'Requirements' },
    question: {
      id: 'Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?',
      en: 'How well do the service requirements match the kind of service?',
    },
    scale: [
      { id: 'Tidak sesuai', en: 'Not appropriate' },
      { id: 'Kurang sesuai', en: 'Somewhat inappropriate' },
      { id: 'Sesuai', en: 'Appropriate' },
      { id: 'Sangat sesuai', en: 'Very appropriate' },
    ],
  },
  {
    code: 'PROSEDUR',
    label: { id: 'Sistem, mekanisme, dan prosedur', en: 'System, mechanism and procedure' },
    question: {
      id: 'Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?',
      en: 'How easy is the service procedure at this unit?',
    },
    scale: [
      { id: 'Tidak mudah', en: 'Not easy' },
      { id: 'Kurang mudah', en: 'Somewhat difficult' },
      { id: 'Mudah', en: 'Easy' },
      { id: 'Sangat mudah', en: 'Very easy' },
    ],
  },
  {
    code: 'WAKTU',
    label: { id: 'Waktu penyelesaian', en: 'Completion time' },
    question: {
      id: 'Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?',
      en: 'How fast was the service delivered?',
    },
    scale: [
      { id: 'Tidak cepat', en: 'Not fast' },
      { id: 'Kurang cepat', en: 'Somewhat slow' },
      { id: 'Cepat', en: 'Fast' },
      { id: 'Sangat cepat', en: 'Very fast' },
    ],
  },
  {
    code: 'BIAYA',
    label: { id: 'Biaya/tarif', en: 'Cost/tariff' },
    question: {
      id: 'Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?',
      en: 'How reasonable is the cost or tariff of the service?',
    },
    scale: [
      { id: 'Sangat mahal', en: 'Very expensive' },
      { id: 'Cukup mahal', en: 'Rather expensive' },
      { id: 'Murah', en: 'Cheap' },
      { id: 'Gratis', en: 'Free' },
    ],
  },
  {
    code: 'PRODUK',
    label: { id: 'Produk spesifikasi jenis pelayanan', en: 'Product specification' },
    question: {
      id: 'Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?',
      en: 'How well does the service product match what the service standard promises?',
    },
    scale: [
      { id: 'Tidak sesuai', en: 'Not as promised' },
      { id: 'Kurang sesuai', en: 'Partly as promised' },
      { id: 'Sesuai', en: 'As promised' },
      { id: 'Sangat sesuai', en: 'Fully as promised' },
    ],
  },
  {
    code: 'KOMPETENSI',
    label: { id: 'Kompetensi pelaksana', en: 'Staff competence' },
    question: {
      id: 'Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?',
      en: 'How competent were the staff who served you?',
    },
    scale: [
      { id: 'Tidak kompeten', en: 'Not competent' },
      { id: 'Kurang kompeten', en: 'Somewhat incompetent' },
      { id: 'Kompeten', en: 'Competent' },
      { id: 'Sangat kompeten', en: 'Very competent' },
    ],
  },
  {
    code: 'PERILAKU',
    label: { id: 'Perilaku pelaksana', en: 'Staff behaviour' },
    question: {
      id: 'Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?',
      en: 'How polite and friendly were the staff?',
    },
    scale: [
      { id: 'Tidak sopan dan ramah', en: 'Not polite or friendly' },
      { id: 'Kurang sopan dan ramah', en: 'Somewhat impolite' },
      { id: 'Sopan dan ramah', en: 'Polite and friendly' },
      { id: 'Sangat sopan dan ramah', en: 'Very polite and friendly' },
    ],
  },
  {
    code: 'PENGADUAN',
    label: {
      id: 'Penanganan pengaduan, saran, dan masukan',
      en: 'Handling of complaints, suggestions and input',
    },
    question: {
      id: 'Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?',
      en: 'How are complaints from service users handled?',
    },
    scale: [
      { id: 'Tidak ada', en: 'Not available' },
      { id: 'Ada tetapi tidak berfungsi', en: 'Available but not working' },
      { id: 'Berfungsi kurang maksimal', en: 'Working, but not fully' },
      { id: 'Dikelola dengan baik', en: 'Well managed' },
    ],
  },
  {
    code: 'SARANA',
    label: { id: 'Sarana dan prasarana', en: 'Facilities and infrastructure' },
    question: {
      id: 'Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?',
      en: 'How good are the facilities and infrastructure?',
    },
    scale: [
      { id: 'Buruk', en: 'Poor' },
      { id: 'Cukup', en: 'Fair' },
      { id: 'Baik', en: 'Good' },
      { id: 'Sangat baik', en: 'Very good' },
    ],
  },
] as const satisfies readonly SkmElement[];

export type SkmElementCode = (typeof SKM_ELEMENTS)[number]['code'];
export const SKM_ELEMENT_CODES: readonly SkmElementCode[] = SKM_ELEMENTS.map((e) => e.code);

export function isSkmElementCode(code: unknown): code is SkmElementCode {
  return typeof code === 'string' && (SKM_ELEMENT_CODES as readonly string[]).includes(code);
}

export function skmElement(code: SkmElementCode): (typeof SKM_ELEMENTS)[number] {
  const e = SKM_ELEMENTS.find((x) => x.code === code);
  if (!e) throw new RangeError(`Unknown SKM element ${code}`);
  return e;
}
