import type { Message } from '../errors.js';
import { IKM_BAND_LIMITS, type IkmRule } from './ikm.js';
import { SKM_ELEMENT_CODES, type SkmElementCode, skmElement } from './skm-elements.js';

/*
 * The closed loop: from a unit's survey result, its complaints and overdue requests and the
 * competency gaps of the staff who handle its services, to a list of concrete improvement
 * actions. Pure and deterministic: the same inputs always give the same actions with the same
 * `sourceKey`s, so storing them under (unit, period, sourceKey) makes re-running idempotent.
 */

export type ElementAverage = { readonly code: SkmElementCode; readonly average: number | null };

export type WeakElement = {
  readonly code: SkmElementCode;
  readonly average: number;
  /** NRR × 25 below the rule's grade-A limit (88.31 under PermenPANRB 14/2017). */
  readonly belowGradeA: boolean;
  /** Below the mean of the element averages (with equal weights, the unit's index). */
  readonly belowAverage: boolean;
};

/** Elements below grade A or below the unit's own average, weakest first (ties by code order). */
export function weakSkmElements(
  elements: readonly ElementAverage[],
  rule: IkmRule = 'PERMENPANRB_14_2017',
): WeakElement[] {
  const answered = elements.filter((e): e is { code: SkmElementCode; average: number } => e.average !== null);
  if (answered.length === 0) return [];
  const mean = answered.reduce((s, e) => s + e.average, 0) / answered.length;
  const limitA = IKM_BAND_LIMITS[rule].A;
  return answered
    .map((e) => ({
      code: e.code,
      average: e.average,
      // Compared in hundredths of the 25–100 scale, as the grade is.
      belowGradeA: Math.round(e.average * 25 * 1e6) / 1e6 < limitA / 100,
      belowAverage: e.average < mean - 1e-9,
    }))
    .filter((e) => e.belowGradeA || e.belowAverage)
    .sort(
      (a, b) =>
        a.average - b.average || SKM_ELEMENT_CODES.indexOf(a.code) - SKM_ELEMENT_CODES.indexOf(b.code),
    );
}

export const IMPROVEMENT_ACTION_KINDS = [
  'TRAINING',
  'REQUIREMENTS_REVIEW',
  'PROCESS_REVIEW',
  'COST_REVIEW',
  'SERVICE_STANDARD_REVIEW',
  'COMPLAINT_HANDLING',
  'FACILITIES',
  'STAFF_COACHING',
  'SERVICE_REVIEW',
  'OVERDUE_CLEARANCE',
] as const;
export type ImprovementActionKind = (typeof IMPROVEMENT_ACTION_KINDS)[number];

/** Working days from the day actions are generated to their due date, by kind. */
export const IMPROVEMENT_DUE_WORKING_DAYS: Readonly<Record<ImprovementActionKind, number>> = {
  TRAINING: 40,
  REQUIREMENTS_REVIEW: 20,
  PROCESS_REVIEW: 20,
  COST_REVIEW: 20,
  SERVICE_STANDARD_REVIEW: 20,
  COMPLAINT_HANDLING: 15,
  FACILITIES: 40,
  STAFF_COACHING: 20,
  SERVICE_REVIEW: 20,
  OVERDUE_CLEARANCE: 10,
};

export type ImprovementInput = {
  readonly unit: { readonly code: string; readonly name: string };
  readonly rule?: IkmRule;
  /** The unit's element averages for the period (null averages: not answered). */
  readonly elements: readonly ElementAverage[];
  /** SKM element → competency, as configured. */
  readonly mapping: readonly { readonly element: SkmElementCode; readonly competency: string }[];
  readonly competencies: ReadonlyMap<string, { readonly name: string }>;
  /** Gaps of the staff who handle the unit's services: one row per person and competency. */
  readonly staffGaps: readonly {
    readonly staffId: string;
    readonly competency: string;
    readonly gap: number;
  }[];
  /** Courses that raise a competency, to name in training actions. */
  readonly courses?: readonly {
    readonly code: string;
    readonly name: string;
    readonly covers: readonly string[];
  }[];
  /** The unit's services with complaints (critiques about them, complaint requests) and overdue requests. */
  readonly services: readonly {
    readonly code: string;
    readonly name: string;
    readonly complaints: number;
    readonly overdue: number;
  }[];
  /** How many services to name for complaints and for overdue requests (default 3 each). */
  readonly topServices?: number;
};

export type ProposedImprovementAction = {
  /** Stable key of what the action came from, e.g. `TRAINING:PELAYANAN_PUBLIK`. */
  readonly sourceKey: string;
  readonly kind: ImprovementActionKind;
  readonly title: Message;
  readonly reason: Message;
  readonly element: SkmElementCode | null;
  readonly serviceCode: string | null;
  readonly competency: string | null;
  /** Staff the action is about (training attendees). */
  readonly staffIds: readonly string[];
  readonly dueInWorkingDays: number;
};

const ELEMENT_ACTIONS: Readonly<
  Partial<
    Record<
      SkmElementCode,
      { kind: ImprovementActionKind; title: (unit: string, service: string | null) => Message }
    >
  >
> = {
  PERSYARATAN: {
    kind: 'REQUIREMENTS_REVIEW',
    title: (u, s) =>
      s
        ? { id: `Tinjau persyaratan layanan ${s}`, en: `Review the requirements of service ${s}` }
        : { id: `Tinjau persyaratan layanan ${u}`, en: `Review the service requirements of ${u}` },
  },
  PROSEDUR: {
    kind: 'PROCESS_REVIEW',
    title: (u) => ({
      id: `Sederhanakan prosedur layanan ${u}`,
      en: `Simplify the service procedures of ${u}`,
    }),
  },
  WAKTU: {
    kind: 'PROCESS_REVIEW',
    title: (u, s) =>
      s
        ? {
            id: `Percepat waktu penyelesaian layanan ${s}`,
            en: `Shorten the completion time of service ${s}`,
          }
        : { id: `Percepat waktu penyelesaian layanan ${u}`, en: `Shorten the completion times of ${u}` },
  },
  BIAYA: {
    kind: 'COST_REVIEW',
    title: (u) => ({
      id: `Tinjau dan umumkan biaya/tarif layanan ${u}`,
      en: `Review and publish the costs of ${u}'s services`,
    }),
  },
  PRODUK: {
    kind: 'SERVICE_STANDARD_REVIEW',
    title: (u) => ({
      id: `Samakan produk layanan ${u} dengan standar pelayanan`,
      en: `Align ${u}'s service products with the service standards`,
    }),
  },
  PENGADUAN: {
    kind: 'COMPLAINT_HANDLING',
    title: (u) => ({ id: `Perbaiki penanganan pengaduan di ${u}`, en: `Improve complaint handling at ${u}` }),
  },
  SARANA: {
    kind: 'FACILITIES',
    title: (u) => ({
      id: `Perbaiki sarana dan prasarana layanan ${u}`,
      en: `Improve ${u}'s service facilities`,
    }),
  },
};

/** Two decimals, rounded (3.26667 × 25 = 81.67), with the language's decimal mark: `81,67`, `81.67`. */
const fmt = (n: number, lang: keyof Message) => {
  const text = (Math.round(n * 100) / 100).toFixed(2);
  return lang === 'id' ? text.replace('.', ',') : text;
};

/** Derives improvement actions; see the rules in the comments below. */
export function proposeImprovementActions(input: ImprovementInput): ProposedImprovementAction[] {
  const unit = input.unit.code;
  const top = input.topServices ?? 3;
  const weak = weakSkmElements(input.elements, input.rule);
  const actions: ProposedImprovementAction[] = [];
  const byComplaints = input.services
    .filter((s) => s.complaints > 0)
    .sort((a, b) => b.complaints - a.complaints || a.code.localeCompare(b.code))
    .slice(0, top);
  const byOverdue = input.services
    .filter((s) => s.overdue > 0)
    .sort((a, b) => b.overdue - a.overdue || a.code.localeCompare(b.code))
    .slice(0, top);

  // 1. Training: a weak element's mapped competencies in which staff handling the unit's
  //    services fall short of their position's level. One action per competency, naming every
  //    weak element it serves and the people to train.
  const training = new Map<string, { elements: SkmElementCode[]; staff: Set<string> }>();
  for (const w of weak) {
    for (const m of input.mapping.filter((x) => x.element === w.code)) {
      const staff = input.staffGaps
        .filter((g) => g.competency === m.competency && g.gap > 0)
        .map((g) => g.staffId);
      if (staff.length === 0) continue;
      const entry = training.get(m.competency) ?? { elements: [], staff: new Set<string>() };
      if (!entry.elements.includes(w.code)) entry.elements.push(w.code);
      for (const s of staff) entry.staff.add(s);
      training.set(m.competency, entry);
    }
  }
  const trainedElements = new Set<SkmElementCode>();
  for (const [competency, { elements, staff }] of training) {
    const name = input.competencies.get(competency)?.name ?? competency;
    const course = input.courses?.find((c) => c.covers.includes(competency));
    const n = staff.size;
    const labelsId = elements.map((e) => skmElement(e).label.id).join(', ');
    const labelsEn = elements.map((e) => skmElement(e).label.en).join(', ');
    for (const e of elements) trainedElements.add(e);
    actions.push({
      sourceKey: `TRAINING:${competency}`,
      kind: 'TRAINING',
      title: {
        id: `Latih ${n} pegawai ${unit} dalam ${name}${course ? ` (${course.name})` : ''}`,
        en: `Train ${n} staff of ${unit} in ${name}${course ? ` (${course.name})` : ''}`,
      },
      reason: {
        id: `Unsur SKM lemah: ${labelsId}; ${n} pegawai yang menangani layanan ${unit} di bawah level kompetensi jabatannya.`,
        en: `Weak SKM elements: ${labelsEn}; ${n} staff handling ${unit}'s services are below their position's competency level.`,
      },
      element: elements[0] ?? null,
      serviceCode: null,
      competency,
      staffIds: [...staff].sort(),
      dueInWorkingDays: IMPROVEMENT_DUE_WORKING_DAYS.TRAINING,
    });
  }

  // 2. Each weak element gets its own action (staff competence and behaviour only when no
  //    training action covers them). Requirements and completion time name the service with
  //    the most complaints or overdue requests when there is one.
  for (const w of weak) {
    const label = skmElement(w.code).label;
    const reason: Message = {
      id: `Nilai rata-rata unsur ${label.id} ${fmt(w.average, 'id')} (${fmt(w.average * 25, 'id')})${w.belowGradeA ? ' di bawah mutu A' : ''}${w.belowAverage ? `${w.belowGradeA ? ' dan' : ''} di bawah rata-rata unit` : ''}.`,
      en: `The ${label.en} element averages ${fmt(w.average, 'en')} (${fmt(w.average * 25, 'en')})${w.belowGradeA ? ', below grade A' : ''}${w.belowAverage ? `${w.belowGradeA ? ' and' : ','} below the unit's average` : ''}.`,
    };
    if (w.code === 'KOMPETENSI' || w.code === 'PERILAKU') {
      if (trainedElements.has(w.code)) continue;
      actions.push({
        sourceKey: `ELEMENT:${w.code}`,
        kind: 'STAFF_COACHING',
        title: {
          id: `Evaluasi dan bina ${label.id.toLowerCase()} di ${unit}`,
          en: `Assess and coach ${label.en.toLowerCase()} at ${unit}`,
        },
        reason,
        element: w.code,
        serviceCode: null,
        competency: null,
        staffIds: [],
        dueInWorkingDays: IMPROVEMENT_DUE_WORKING_DAYS.STAFF_COACHING,
      });
      continue;
    }
    const spec = ELEMENT_ACTIONS[w.code];
    if (!spec) continue;
    const service =
      w.code === 'WAKTU'
        ? (byOverdue[0] ?? null)
        : w.code === 'PERSYARATAN'
          ? (byComplaints[0] ?? null)
          : null;
    actions.push({
      sourceKey: `ELEMENT:${w.code}`,
      kind: spec.kind,
      title: spec.title(unit, service?.name ?? null),
      reason,
      element: w.code,
      serviceCode: service?.code ?? null,
      competency: null,
      staffIds: [],
      dueInWorkingDays: IMPROVEMENT_DUE_WORKING_DAYS[spec.kind],
    });
  }

  // 3. Services with the most complaints: review them.
  for (const s of byComplaints) {
    actions.push({
      sourceKey: `COMPLAINTS:${s.code}`,
      kind: 'SERVICE_REVIEW',
      title: { id: `Tinjau layanan ${s.name}`, en: `Review service ${s.name}` },
      reason: {
        id: `${s.complaints} pengaduan/kritik tentang layanan ini dalam periode.`,
        en: `${s.complaints} complaints or critiques about this service in the period.`,
      },
      element: null,
      serviceCode: s.code,
      competency: null,
      staffIds: [],
      dueInWorkingDays: IMPROVEMENT_DUE_WORKING_DAYS.SERVICE_REVIEW,
    });
  }

  // 4. Services with overdue requests: clear them and find the bottleneck.
  for (const s of byOverdue) {
    actions.push({
      sourceKey: `OVERDUE:${s.code}`,
      kind: 'OVERDUE_CLEARANCE',
      title: {
        id: `Selesaikan ${s.overdue} permohonan ${s.name} yang terlambat`,
        en: `Clear ${s.overdue} overdue requests for ${s.name}`,
      },
      reason: {
        id: `${s.overdue} permohonan melewati batas waktu standar pelayanan.`,
        en: `${s.overdue} requests are past the service standard's deadline.`,
      },
      element: null,
      serviceCode: s.code,
      competency: null,
      staffIds: [],
      dueInWorkingDays: IMPROVEMENT_DUE_WORKING_DAYS.OVERDUE_CLEARANCE,
    });
  }
  return actions;
}

/** Status changes of an action, like forum commitments: open → in progress → done, or cancelled. */
export const IMPROVEMENT_ACTION_STATUSES = ['OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const;
export type ImprovementActionStatus = (typeof IMPROVEMENT_ACTION_STATUSES)[number];
