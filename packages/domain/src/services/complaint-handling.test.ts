import { describe, expect, it } from 'vitest';
import { HOLIDAYS_ID_2026 } from '../calendar/holidays-2026.js';
import { createWorkingCalendar } from '../calendar/working-calendar.js';
import type { ServiceAttribute } from './attributes.js';
import {
  type AnswerableComplaint,
  agencyUnitOf,
  attributesForPrivacy,
  checkDuplicateMark,
  checkEscalationLadder,
  checkPriority,
  checkResponseTemplate,
  complaintClosureDue,
  complaintOuterLimit,
  designateComplaintManager,
  escalationClimbNotes,
  escalationHolder,
  fillResponseTemplate,
  nextEscalationStep,
  planReporterAnswer,
  planTransfer,
  reporterResponseWindowEnd,
  reporterVisibility,
} from './complaint-handling.js';

// The official 2026 calendar: Nyepi and Idul Fitri with their cuti bersama fill 18–24 March,
// Good Friday is 3 April.
const calendar = createWorkingCalendar({ holidays: HOLIDAYS_ID_2026.holidays, years: [2026] });
const wib = (day: string, time = '10:00') => new Date(`${day}T${time}:00+07:00`);

const completed: AnswerableComplaint = {
  serviceKind: 'COMPLAINT',
  state: 'COMPLETED',
  decidedAt: wib('2026-03-16'), // Monday, before the Lebaran break
  finalClosedAt: null,
  reopenCount: 0,
  completionDays: 5,
};

describe('reporter identity', () => {
  it('shows a confidential reporter to complaint managers (audited) and only a pseudonym to handling staff', () => {
    expect(reporterVisibility('CONFIDENTIAL', 'HANDLING_STAFF')).toEqual({
      show: 'PSEUDONYM',
      audited: false,
    });
    expect(reporterVisibility('CONFIDENTIAL', 'COMPLAINT_MANAGER')).toEqual({
      show: 'IDENTITY',
      audited: true,
    });
    expect(reporterVisibility('CONFIDENTIAL', 'REPORTER')).toEqual({ show: 'IDENTITY', audited: false });
  });

  it('never shows a reporter to the public, and has nothing to show for an anonymous complaint', () => {
    for (const privacy of ['IDENTIFIED', 'CONFIDENTIAL', 'ANONYMOUS'] as const) {
      expect(reporterVisibility(privacy, 'PUBLIC').show).toBe('NONE');
    }
    for (const viewer of ['REPORTER', 'COMPLAINT_MANAGER', 'HANDLING_STAFF'] as const) {
      expect(reporterVisibility('ANONYMOUS', viewer).show).toBe('NONE');
    }
    expect(reporterVisibility('IDENTIFIED', 'HANDLING_STAFF').show).toBe('IDENTITY');
  });

  it('does not ask for identifying attributes in an anonymous complaint', () => {
    const attributes: (ServiceAttribute & { identifying?: boolean })[] = [
      { code: 'nik', datatype: 'string', required: true, format: 'NIK' } as ServiceAttribute,
      { code: 'hp', datatype: 'string', required: false, format: 'PHONE' } as ServiceAttribute,
      { code: 'nama', datatype: 'string', required: false, identifying: true } as ServiceAttribute,
      { code: 'lokasi', datatype: 'text', required: true } as ServiceAttribute,
    ];
    expect(attributesForPrivacy(attributes, 'ANONYMOUS').map((a) => a.code)).toEqual(['lokasi']);
    expect(attributesForPrivacy(attributes, 'CONFIDENTIAL')).toHaveLength(4);
  });

  it('never lets anyone designate themselves a complaint manager', () => {
    expect(designateComplaintManager({ designatorStaffId: 's1', staffId: 's1' })).toMatchObject({
      ok: false,
      error: { code: 'COMPLAINT_MANAGER_SELF' },
    });
    expect(designateComplaintManager({ designatorStaffId: 's1', staffId: 's2' }).ok).toBe(true);
    expect(designateComplaintManager({ designatorStaffId: null, staffId: 's2' }).ok).toBe(true);
  });
});

describe("the reporter's answer", () => {
  it('gives 10 working days across Nyepi, Idul Fitri, cuti bersama and Good Friday', () => {
    // 17 Mar, then 25–27, 30–31 Mar, 1–2 Apr, 6–7 Apr.
    expect(reporterResponseWindowEnd('2026-03-16', calendar)).toBe('2026-04-07');
  });

  it('closes the case when the reporter accepts within the window, on its last day too', () => {
    const now = wib('2026-04-07', '23:59');
    expect(planReporterAnswer({ complaint: completed, answer: { kind: 'ACCEPT' }, now, calendar })).toEqual({
      ok: true,
      value: { kind: 'CLOSE', finalClosedAt: now },
    });
  });

  it('refuses an answer after the window, or once closed, or before a decision', () => {
    const late = planReporterAnswer({
      complaint: completed,
      answer: { kind: 'ACCEPT' },
      now: wib('2026-04-08', '00:01'),
      calendar,
    });
    expect(late).toMatchObject({
      ok: false,
      error: { code: 'COMPLAINT_RESPONSE_WINDOW_PASSED', details: { windowEnd: '2026-04-07' } },
    });
    const closed = { ...completed, finalClosedAt: wib('2026-03-20') };
    expect(
      planReporterAnswer({ complaint: closed, answer: { kind: 'ACCEPT' }, now: wib('2026-03-25'), calendar }),
    ).toMatchObject({
      error: { code: 'COMPLAINT_ALREADY_CLOSED' },
    });
    const open = { ...completed, state: 'IN_PROGRESS' as const, decidedAt: null };
    expect(
      planReporterAnswer({ complaint: open, answer: { kind: 'ACCEPT' }, now: wib('2026-03-25'), calendar }),
    ).toMatchObject({
      error: { code: 'COMPLAINT_NOT_DECIDED' },
    });
  });

  it('reopens a contested complaint with a new deadline counted from the contest, across the break', () => {
    const plan = planReporterAnswer({
      complaint: { ...completed, state: 'REJECTED' },
      answer: { kind: 'CONTEST', reason: '  Jalan masih berlubang di depan rumah no. 5.  ' },
      now: wib('2026-03-17'),
      calendar,
    });
    expect(plan).toEqual({
      ok: true,
      value: {
        kind: 'REOPEN',
        state: 'IN_PROGRESS',
        completionDueOn: '2026-03-31',
        reopenCount: 1,
        reason: 'Jalan masih berlubang di depan rumah no. 5.',
      },
    });
  });

  it('answers only complaints, not permits or registrations', () => {
    const permit = { ...completed, serviceKind: 'PERMIT' };
    expect(
      planReporterAnswer({ complaint: permit, answer: { kind: 'ACCEPT' }, now: wib('2026-03-17'), calendar }),
    ).toMatchObject({
      error: { code: 'COMPLAINT_ANSWER_NOT_APPLICABLE' },
    });
    expect(complaintClosureDue(permit, '2026-04-08', calendar)).toBe(false);
  });

  it('needs a reason to contest, and stops at the reopen limit', () => {
    const noReason = planReporterAnswer({
      complaint: completed,
      answer: { kind: 'CONTEST', reason: ' belum ' },
      now: wib('2026-03-17'),
      calendar,
    });
    expect(noReason).toMatchObject({ error: { code: 'COMPLAINT_CONTEST_REASON_REQUIRED' } });
    const often = planReporterAnswer({
      complaint: { ...completed, reopenCount: 3 },
      answer: { kind: 'CONTEST', reason: 'Masih belum diperbaiki juga.' },
      now: wib('2026-03-17'),
      calendar,
    });
    expect(often).toMatchObject({ error: { code: 'COMPLAINT_REOPEN_LIMIT', details: { maxReopens: 3 } } });
  });

  it('counts a contest reason as people count it (issue 16 kind 9)', () => {
    const contest = (reason: string) =>
      planReporterAnswer({
        complaint: completed,
        answer: { kind: 'CONTEST', reason },
        now: wib('2026-03-17'),
        calendar,
      });
    // Five emoji are 10 UTF-16 units but 5 characters: too short. 2000 flags (8000 units) fit.
    expect(contest('😡'.repeat(5))).toMatchObject({ error: { code: 'COMPLAINT_CONTEST_REASON_REQUIRED' } });
    expect(contest('🇮🇩'.repeat(2000))).toMatchObject({ ok: true });
    expect(contest('🇮🇩'.repeat(2001))).toMatchObject({
      error: { code: 'COMPLAINT_CONTEST_REASON_REQUIRED' },
    });
  });

  it('is due for closing the working day after the window ends, not before', () => {
    expect(complaintClosureDue(completed, '2026-04-07', calendar)).toBe(false);
    expect(complaintClosureDue(completed, '2026-04-08', calendar)).toBe(true);
    expect(
      complaintClosureDue({ ...completed, finalClosedAt: wib('2026-04-01') }, '2026-04-08', calendar),
    ).toBe(false);
    expect(complaintClosureDue({ ...completed, state: 'IN_PROGRESS' }, '2026-04-08', calendar)).toBe(false);
    // A shorter window from configuration: 2 working days → 25 March.
    expect(complaintClosureDue(completed, '2026-03-26', calendar, 2)).toBe(true);
  });
});

describe('escalation that climbs', () => {
  const overdue = { state: 'IN_PROGRESS' as const, dueOn: '2026-03-17', level: null, levelSinceOn: null };

  it('goes to the unit supervisor once the deadline has passed', () => {
    expect(nextEscalationStep(overdue, '2026-03-17', calendar)).toBeNull();
    expect(nextEscalationStep(overdue, '2026-03-25', calendar)).toEqual({
      level: 'UNIT_SUPERVISOR',
      actByOn: '2026-03-30',
    });
  });

  it('climbs to the head of the agency and then the coordinator when a level runs out of working days', () => {
    const atSupervisor = { ...overdue, level: 'UNIT_SUPERVISOR' as const, levelSinceOn: '2026-03-25' };
    expect(nextEscalationStep(atSupervisor, '2026-03-30', calendar)).toBeNull();
    expect(nextEscalationStep(atSupervisor, '2026-03-31', calendar)).toEqual({
      level: 'AGENCY_HEAD',
      actByOn: '2026-04-06',
    });
    const atHead = { ...overdue, level: 'AGENCY_HEAD' as const, levelSinceOn: '2026-03-31' };
    expect(nextEscalationStep(atHead, '2026-04-06', calendar)).toBeNull();
    expect(nextEscalationStep(atHead, '2026-04-07', calendar)).toEqual({
      level: 'COORDINATOR',
      actByOn: '2026-04-14', // the coordinator's own 5 working days
    });
    const atTop = { ...overdue, level: 'COORDINATOR' as const, levelSinceOn: '2026-04-07' };
    expect(nextEscalationStep(atTop, '2026-06-01', calendar)).toBeNull();
  });

  it('does not climb while the citizen must act or once the request is closed', () => {
    expect(
      nextEscalationStep({ ...overdue, state: 'RETURNED_TO_CITIZEN' }, '2026-04-01', calendar),
    ).toBeNull();
    expect(nextEscalationStep({ ...overdue, state: 'COMPLETED' }, '2026-04-01', calendar)).toBeNull();
  });

  it('takes a ladder from configuration and refuses a bad one', () => {
    const ladder = { UNIT_SUPERVISOR: 1, AGENCY_HEAD: 2, COORDINATOR: 5 };
    expect(checkEscalationLadder(ladder)).toEqual({ ok: true, value: ladder });
    const atSupervisor = { ...overdue, level: 'UNIT_SUPERVISOR' as const, levelSinceOn: '2026-03-25' };
    expect(nextEscalationStep(atSupervisor, '2026-03-27', calendar, ladder)?.level).toBe('AGENCY_HEAD');
    expect(checkEscalationLadder({ ...ladder, AGENCY_HEAD: 0 })).toMatchObject({
      error: { code: 'ESCALATION_LADDER_INVALID', details: { level: 'AGENCY_HEAD' } },
    });
    expect(checkEscalationLadder({ UNIT_SUPERVISOR: 2 })).toMatchObject({
      error: { code: 'ESCALATION_LADDER_INVALID' },
    });
  });
});

describe('escalation ladder across the year-end and Ascension breaks', () => {
  const base = { state: 'ESCALATED' as const, dueOn: '2026-12-10' };

  it('counts a level’s allowance in working days: Christmas cuti bersama and the holiday do not count', () => {
    // At the supervisor from Tuesday 22 December, two working days: 23 Dec, (24 cuti bersama,
    // 25 Christmas, weekend) 28 Dec; the head of the agency then has one: 30 Dec.
    const atSupervisor = { ...base, level: 'UNIT_SUPERVISOR' as const, levelSinceOn: '2026-12-22' };
    const ladder = { UNIT_SUPERVISOR: 2, AGENCY_HEAD: 1, COORDINATOR: 5 };
    expect(nextEscalationStep(atSupervisor, '2026-12-24', calendar, ladder)).toBeNull();
    expect(nextEscalationStep(atSupervisor, '2026-12-28', calendar, ladder)).toBeNull();
    expect(nextEscalationStep(atSupervisor, '2026-12-29', calendar, ladder)).toEqual({
      level: 'AGENCY_HEAD',
      actByOn: '2026-12-30',
    });
  });

  it('gives the head of the agency its own allowance across Ascension Day and its cuti bersama', () => {
    // From Wednesday 13 May: (14 Ascension, 15 cuti bersama, weekend) 18, 19, 20.
    const atHead = { ...base, level: 'AGENCY_HEAD' as const, levelSinceOn: '2026-05-13' };
    const ladder = { UNIT_SUPERVISOR: 2, AGENCY_HEAD: 3, COORDINATOR: 5 };
    expect(nextEscalationStep(atHead, '2026-05-20', calendar, ladder)).toBeNull();
    expect(nextEscalationStep(atHead, '2026-05-21', calendar, ladder)).toEqual({
      level: 'COORDINATOR',
      // 5 working days: 22, 25, 26 May, (27 Idul Adha, 28 cuti bersama) 29 May, (1 June Pancasila) 2 June.
      actByOn: '2026-06-02',
    });
    // A shorter allowance climbs sooner; the unit supervisor's allowance is its own.
    expect(
      nextEscalationStep({ ...atHead, level: 'UNIT_SUPERVISOR' }, '2026-05-19', calendar, ladder),
    ).toBeNull();
    expect(
      nextEscalationStep({ ...atHead, level: 'UNIT_SUPERVISOR' }, '2026-05-20', calendar, ladder)?.level,
    ).toBe('AGENCY_HEAD');
  });

  it('finds the agency at the top of the unit tree and who holds each level', () => {
    const parents = new Map<string, string | null>([
      ['seksi', 'bidang'],
      ['bidang', 'dinas'],
      ['dinas', null],
      ['loop-a', 'loop-b'],
      ['loop-b', 'loop-a'],
    ]);
    expect(agencyUnitOf('seksi', parents)).toBe('dinas');
    expect(agencyUnitOf('dinas', parents)).toBe('dinas');
    expect(agencyUnitOf('unknown', parents)).toBe('unknown');
    expect(agencyUnitOf('loop-a', parents)).toBe('loop-b');
    const units = { requestUnitId: 'bidang', agencyUnitId: 'dinas' };
    expect(escalationHolder('UNIT_SUPERVISOR', units)).toEqual({
      holder: 'UNIT_SUPERVISORS',
      unitId: 'bidang',
    });
    expect(escalationHolder('AGENCY_HEAD', units)).toEqual({ holder: 'UNIT_SUPERVISORS', unitId: 'dinas' });
    expect(escalationHolder('COORDINATOR', units)).toEqual({ holder: 'COORDINATORS', unitId: 'dinas' });
    expect(escalationClimbNotes('AGENCY_HEAD', '2026-05-20').publicNote).toBe(
      'Diteruskan kepada kepala perangkat daerah. / Escalated to the head of the agency.',
    );
  });
});

describe('transfer between units (disposisi)', () => {
  const verified = {
    state: 'IN_PROGRESS' as const,
    serviceId: 'izin-reklame',
    serviceKind: 'COMPLAINT',
    verifiedAt: wib('2026-03-02'),
    verificationDueOn: '2026-03-05',
    completionDueOn: '2026-03-09',
  };
  const to = { serviceId: 'jalan-rusak', serviceKind: 'COMPLAINT', unitId: 'dinas-pupr', completionDays: 5 };
  const base = { to, reason: 'Jalan kota, bukan perizinan.', now: wib('2026-03-16'), calendar };

  it("restarts the new unit's deadline at the transfer by default, across the break", () => {
    expect(planTransfer({ ...base, request: verified })).toEqual({
      ok: true,
      value: {
        serviceId: 'jalan-rusak',
        unitId: 'dinas-pupr',
        verificationDueOn: '2026-03-05',
        completionDueOn: '2026-03-30',
        reason: 'Jalan kota, bukan perizinan.',
        escalationLevel: null,
      },
    });
    const unverified = { ...verified, state: 'SUBMITTED' as const, verifiedAt: null, completionDueOn: null };
    expect(planTransfer({ ...base, request: unverified })).toMatchObject({
      value: { verificationDueOn: '2026-03-26', completionDueOn: null },
    });
  });

  it('keeps the deadlines when configured so', () => {
    expect(planTransfer({ ...base, request: verified, rule: 'KEEP_DEADLINES' })).toMatchObject({
      value: { verificationDueOn: '2026-03-05', completionDueOn: '2026-03-09' },
    });
  });

  it('refuses the same service, another kind, no reason, or a closed request', () => {
    expect(planTransfer({ ...base, request: { ...verified, serviceId: 'jalan-rusak' } })).toMatchObject({
      error: { code: 'TRANSFER_SAME_SERVICE' },
    });
    expect(planTransfer({ ...base, request: { ...verified, serviceKind: 'PERMIT' } })).toMatchObject({
      error: { code: 'TRANSFER_KIND_MISMATCH' },
    });
    expect(planTransfer({ ...base, request: verified, reason: ' salah ' })).toMatchObject({
      error: { code: 'TRANSFER_REASON_REQUIRED' },
    });
    expect(planTransfer({ ...base, request: { ...verified, state: 'REJECTED' } })).toMatchObject({
      error: { code: 'TRANSFER_REQUEST_CLOSED' },
    });
  });

  it('counts a transfer reason as people count it (issue 16 kind 9)', () => {
    const reason = (text: string) => planTransfer({ ...base, request: verified, reason: text });
    expect(reason('oḱ'.repeat(4))).toMatchObject({ error: { code: 'TRANSFER_REASON_REQUIRED' } });
    expect(reason('ó'.repeat(2000))).toMatchObject({ ok: true });
    expect(reason('ó'.repeat(2000))).toMatchObject({ ok: true });
  });

  it('reaches the outer limit the day after 60 calendar days from filing', () => {
    expect(complaintOuterLimit(wib('2026-03-01', '23:30'), '2026-04-30')).toEqual({
      limitOn: '2026-04-30',
      reached: false,
    });
    expect(complaintOuterLimit(wib('2026-03-01', '23:30'), '2026-05-01').reached).toBe(true);
    expect(complaintOuterLimit(wib('2026-03-01'), '2026-03-12', 10).reached).toBe(true);
  });
});

describe('duplicates', () => {
  const a = { id: 'a', serviceId: 's1', state: 'IN_PROGRESS' as const, duplicateOfId: null };
  const b = { id: 'b', serviceId: 's1', state: 'SUBMITTED' as const, duplicateOfId: null };

  it('marks an open request a duplicate of an open one of the same service', () => {
    expect(checkDuplicateMark(b, a)).toEqual({ ok: true, value: { originalId: 'a' } });
  });

  it('follows an original that is itself a duplicate to its own original, so chains never form', () => {
    const c = { id: 'c', serviceId: 's1', state: 'COMPLETED' as const, duplicateOfId: 'a' };
    expect(checkDuplicateMark(b, c)).toEqual({ ok: true, value: { originalId: 'a' } });
    expect(checkDuplicateMark({ ...b, id: 'a' }, c)).toMatchObject({
      error: { code: 'DUPLICATE_OF_ITSELF' },
    });
  });

  it('refuses itself, another service, a closed duplicate and a closed original', () => {
    expect(checkDuplicateMark(a, a)).toMatchObject({ error: { code: 'DUPLICATE_OF_ITSELF' } });
    expect(checkDuplicateMark(b, { ...a, serviceId: 's2' })).toMatchObject({
      error: { code: 'DUPLICATE_DIFFERENT_SERVICE' },
    });
    expect(checkDuplicateMark({ ...b, state: 'WITHDRAWN' }, a)).toMatchObject({
      error: { code: 'DUPLICATE_REQUEST_CLOSED' },
    });
    expect(checkDuplicateMark({ ...b, duplicateOfId: 'x' }, a)).toMatchObject({
      error: { code: 'DUPLICATE_REQUEST_CLOSED' },
    });
    expect(checkDuplicateMark(b, { ...a, state: 'COMPLETED' })).toMatchObject({
      error: { code: 'DUPLICATE_ORIGINAL_CLOSED' },
    });
  });
});

describe('triage', () => {
  it('needs a reason for an urgent priority only', () => {
    expect(checkPriority('NORMAL', '  ')).toEqual({ ok: true, value: { priority: 'NORMAL', reason: null } });
    expect(checkPriority('URGENT', 'Pohon tumbang menutup jalan')).toEqual({
      ok: true,
      value: { priority: 'URGENT', reason: 'Pohon tumbang menutup jalan' },
    });
    expect(checkPriority('URGENT', 'segera')).toMatchObject({ error: { code: 'PRIORITY_REASON_REQUIRED' } });
    // Counted as people count them (issue 16 kind 9): 5 emoji are too short, 500 families fit.
    expect(checkPriority('URGENT', '🌳🌳🌳🚧🚧')).toMatchObject({
      error: { code: 'PRIORITY_REASON_REQUIRED' },
    });
    expect(checkPriority('URGENT', '👨‍👩‍👧‍👦'.repeat(500))).toMatchObject({ ok: true });
  });

  it('fills a response template and refuses an unknown placeholder', () => {
    const values = {
      kode: 'SWL-2026-000042',
      layanan: 'Jalan rusak',
      unit: 'Dinas PUPR',
      tenggat: '2026-03-30',
      petugas: 'Rina',
    };
    expect(
      fillResponseTemplate('Laporan {kode} ({layanan}) ditangani {unit} sampai {tenggat}.', values),
    ).toEqual({
      ok: true,
      value: 'Laporan SWL-2026-000042 (Jalan rusak) ditangani Dinas PUPR sampai 2026-03-30.',
    });
    expect(fillResponseTemplate('Halo {nama}', values)).toMatchObject({
      error: { code: 'RESPONSE_TEMPLATE_PLACEHOLDER_UNKNOWN', details: { placeholder: 'nama' } },
    });
  });

  it('checks a response template before it is saved', () => {
    expect(
      checkResponseTemplate({ title: ' Selesai ', body: ' Laporan {kode} sudah ditangani {unit}. ' }),
    ).toEqual({
      ok: true,
      value: { title: 'Selesai', body: 'Laporan {kode} sudah ditangani {unit}.' },
    });
    expect(checkResponseTemplate({ title: 'ab', body: 'Laporan sudah ditangani.' })).toMatchObject({
      error: { code: 'RESPONSE_TEMPLATE_TITLE_INVALID' },
    });
    expect(checkResponseTemplate({ title: 'Selesai', body: 'Oke.' })).toMatchObject({
      error: { code: 'RESPONSE_TEMPLATE_BODY_INVALID' },
    });
    const unknown = checkResponseTemplate({ title: 'Selesai', body: 'Terima kasih, {nama}.' });
    expect(unknown).toMatchObject({
      error: { code: 'RESPONSE_TEMPLATE_PLACEHOLDER_UNKNOWN', details: { placeholder: 'nama' } },
    });
    // Both messages name the unknown placeholder and the known ones.
    if (unknown.ok) throw new Error('expected an error');
    for (const text of [unknown.error.message.id, unknown.error.message.en]) {
      expect(text).toContain('{nama}');
      expect(text).toContain('{kode}');
    }
    expect(unknown.error.message.id).toMatch(
      /^Templat tanggapan memuat isian yang tidak dikenal: \{nama\}\./,
    );
  });
});
