// Notices to reporters known only by a contact address, and complaint wording (issue 20, new-user
// trial D2/D3): the completion and rejection of a complaint name the last day of the answer window
// (the domain's window rule, across holidays) and where to answer; every notice about a complaint
// says "pengaduan", never a permit's "berkas"; the footers say why a contact address gets mail.
import { describe, expect, it } from 'vitest';
import { indonesianCalendar2026 } from '../calendar/working-calendar.js';
import { reporterResponseWindowEnd } from '../services/complaint-handling.js';
import {
  MAIL_TEXTS,
  NOTIFICATION_KINDS,
  type NotificationEvent,
  notificationContent,
  outcomeAnswerText,
  REQUEST_NOTIFICATION_KINDS,
} from './catalogue.js';
import {
  complaintAnswerWindowEnd,
  type RequestChange,
  requestChangeNotices,
} from './request-notifications.js';

const calendar = indonesianCalendar2026();
const T = 'SWL-2026-000042';
const decided: RequestChange = {
  trackingCode: T,
  change: 'TRANSITION',
  fromState: 'IN_PROGRESS',
  toState: 'COMPLETED',
  actor: 'STAFF',
  actorStaffId: 'staff-a',
  publicNote: 'Lubang sudah ditambal',
  assigneeBefore: 'staff-a',
  assigneeAfter: 'staff-a',
  verificationDueOn: '2026-03-05',
  completionDueBefore: '2026-03-12',
  completionDueAfter: '2026-03-12',
  serviceKind: 'COMPLAINT',
  answerWindowEndsOn: '2026-03-31',
};

describe('complaintAnswerWindowEnd', () => {
  it('is the domain’s window rule for a decided complaint, counted in working days past holidays', () => {
    // Decided Thursday 12 March 2026: 18–24 March (Nyepi, Idul Fitri and their cuti bersama) and
    // the weekends are not working days, so the tenth working day is 2 April.
    const end = complaintAnswerWindowEnd(
      { serviceKind: 'COMPLAINT', state: 'COMPLETED', decidedOn: '2026-03-12' },
      calendar,
    );
    expect(end).toBe(reporterResponseWindowEnd('2026-03-12', calendar, 10));
    expect(end).toBe('2026-04-02');
    expect(
      complaintAnswerWindowEnd(
        { serviceKind: 'COMPLAINT', state: 'REJECTED', decidedOn: '2026-03-12' },
        calendar,
        3,
      ),
    ).toBe('2026-03-17');
  });

  it('is null for a permit, an undecided complaint, or no day', () => {
    expect(
      complaintAnswerWindowEnd(
        { serviceKind: 'PERMIT', state: 'COMPLETED', decidedOn: '2026-03-12' },
        calendar,
      ),
    ).toBe(null);
    expect(
      complaintAnswerWindowEnd(
        { serviceKind: 'COMPLAINT', state: 'IN_PROGRESS', decidedOn: '2026-03-12' },
        calendar,
      ),
    ).toBe(null);
    expect(
      complaintAnswerWindowEnd({ serviceKind: 'COMPLAINT', state: 'COMPLETED', decidedOn: null }, calendar),
    ).toBe(null);
  });
});

describe('requestChangeNotices for reporters without an account', () => {
  const only = (change: Partial<RequestChange>, reporter?: 'ACCOUNT' | 'CONTACT' | 'ANONYMOUS') =>
    requestChangeNotices({ ...decided, ...change }, reporter).map((n) => n.event);

  it('announces a completion to a contact-only reporter, with the window and where to answer', () => {
    expect(only({})).toEqual([]); // an account holder is told by the survey invitation
    const [anonymous] = only({}, 'ANONYMOUS');
    expect(anonymous).toEqual({
      kind: 'REQUEST_COMPLETED',
      trackingCode: T,
      note: 'Lubang sudah ditambal',
      answer: { endsOn: '2026-03-31', route: 'ANONYMOUS' },
      serviceKind: 'COMPLAINT',
    });
    const [contact] = only({}, 'CONTACT');
    expect(contact).toMatchObject({
      kind: 'REQUEST_COMPLETED',
      answer: { endsOn: '2026-03-31', route: 'CLAIM' },
    });
    // A permit's completion has no window.
    const [permit] = only({ serviceKind: 'PERMIT', answerWindowEndsOn: null }, 'CONTACT');
    expect(permit).toMatchObject({ kind: 'REQUEST_COMPLETED', answer: null, serviceKind: 'PERMIT' });
  });

  it('names the window in a rejection, for every reporter', () => {
    for (const [reporter, route] of [
      ['ACCOUNT', 'ACCOUNT'],
      ['CONTACT', 'CLAIM'],
      ['ANONYMOUS', 'ANONYMOUS'],
    ] as const) {
      expect(only({ toState: 'REJECTED', publicNote: 'Bukan wewenang kota' }, reporter)).toEqual([
        {
          kind: 'REQUEST_REJECTED',
          trackingCode: T,
          reason: 'Bukan wewenang kota',
          answer: { endsOn: '2026-03-31', route },
          serviceKind: 'COMPLAINT',
        },
      ]);
    }
  });

  it('announces the closing when the window passed, to every reporter', () => {
    const closed = { change: 'CLOSED', actor: 'SYSTEM', actorStaffId: null } as const;
    for (const reporter of ['ACCOUNT', 'CONTACT', 'ANONYMOUS'] as const)
      expect(only(closed, reporter)).toEqual([
        { kind: 'REQUEST_CLOSED', trackingCode: T, answerEndedOn: '2026-03-31', serviceKind: 'COMPLAINT' },
      ]);
  });

  it('tells a contact-only reporter the same steps as an account holder', () => {
    const steps: Partial<RequestChange>[] = [
      { fromState: 'SUBMITTED', toState: 'VERIFIED', publicNote: null },
      { fromState: 'SUBMITTED', toState: 'RETURNED_TO_CITIZEN', publicNote: 'Sebutkan lokasinya' },
      { change: 'TRANSFERRED', toState: 'VERIFIED', publicNote: 'Jalan provinsi' },
      { change: 'CORRECTION', toState: 'IN_PROGRESS', publicNote: 'Tim berangkat besok' },
    ];
    for (const step of steps) {
      const of = (reporter: 'ACCOUNT' | 'CONTACT' | 'ANONYMOUS') =>
        requestChangeNotices({ ...decided, answerWindowEndsOn: null, ...step }, reporter)
          .filter((n) => 'citizen' in n.to)
          .map((n) => n.event);
      expect(of('CONTACT')).toEqual(of('ACCOUNT'));
      expect(of('ANONYMOUS')).toEqual(of('ACCOUNT'));
      expect(of('ACCOUNT').length).toBeGreaterThan(0);
    }
    // The reporter's own contest reopens it: they are not told of their own act, its assignee is.
    const reopened = requestChangeNotices(
      { ...decided, change: 'REOPENED', actor: 'CITIZEN', actorStaffId: null, toState: 'IN_PROGRESS' },
      'ANONYMOUS',
    );
    expect(reopened.map((n) => [n.event.kind, 'citizen' in n.to])).toEqual([['REQUEST_REOPENED', false]]);
  });
});

describe('notice texts', () => {
  it('tells where and until when to answer, never the secret', () => {
    const anonymous = outcomeAnswerText(T, { endsOn: '2026-03-31', route: 'ANONYMOUS' });
    expect(anonymous.id).toContain('paling lambat 2026-03-31 (WIB)');
    expect(anonymous.id).toContain(`kode lacak ${T} dan kode rahasia`);
    expect(anonymous.en).toContain('by 2026-03-31 (WIB)');
    expect(anonymous.en).toContain('the secret is never sent by e-mail');
    const claim = outcomeAnswerText(T, { endsOn: '2026-03-31', route: 'CLAIM' });
    expect(claim.id).toContain('klaim pengaduan ini dengan kode yang dikirim ke alamat e-mail ini');
    expect(claim.en).toContain('claim it with the code sent to this e-mail address');
    const account = notificationContent({
      kind: 'SURVEY_INVITATION',
      trackingCode: T,
      serviceKind: 'COMPLAINT',
      answer: { endsOn: '2026-03-31', route: 'ACCOUNT' },
    });
    expect(account.title.id).toBe(
      `Pengaduan ${T} selesai. Bagaimana pelayanan kami? Isi survei kepuasan (1 menit).`,
    );
    expect(account.body.en).toContain('accept it, by 2026-03-31 (WIB)');
    expect(account.body.en).toContain('in your Layanan account');
  });

  it('words the completion notice with its outcome', () => {
    const done = notificationContent({
      kind: 'REQUEST_COMPLETED',
      trackingCode: T,
      serviceKind: 'COMPLAINT',
      note: 'Lubang sudah ditambal',
      answer: { endsOn: '2026-03-31', route: 'ANONYMOUS' },
    });
    expect(done.title).toEqual({
      id: `Pengaduan ${T} selesai ditindaklanjuti`,
      en: `Complaint ${T} was resolved`,
    });
    expect(done.body.id.split('\n')).toEqual([
      `Pengaduan ${T} telah selesai ditindaklanjuti.`,
      'Catatan petugas: Lubang sudah ditambal',
      'Bila Anda tidak puas, sanggah hasil ini dengan alasannya, atau terima, paling lambat 2026-03-31 (WIB). Setelah tanggal itu pengaduan ditutup.',
      `Jawab di halaman pengaduan anonim dengan kode lacak ${T} dan kode rahasia yang Anda terima saat melapor (kode rahasia tidak pernah dikirim lewat e-mail).`,
    ]);
    expect(done.serviceKind).toBe('COMPLAINT');
    const rejected = notificationContent({
      kind: 'REQUEST_REJECTED',
      trackingCode: T,
      serviceKind: 'COMPLAINT',
      reason: 'Bukan wewenang kota',
      answer: { endsOn: '2026-03-31', route: 'CLAIM' },
    });
    expect(rejected.title.en).toBe(`Complaint ${T} was rejected`);
    expect(rejected.body.en).toContain('Reason: Bukan wewenang kota\nIf you are not satisfied');
    const closed = notificationContent({
      kind: 'REQUEST_CLOSED',
      trackingCode: T,
      serviceKind: 'COMPLAINT',
      answerEndedOn: '2026-03-31',
    });
    expect(closed.title.id).toBe(`Pengaduan ${T} ditutup`);
    expect(closed.body.en).toContain('(until 2026-03-31) passed without a contest');
  });

  it('words every notice about a complaint as a complaint, and a permit’s as before', () => {
    const events: NotificationEvent[] = [
      { kind: 'REQUEST_RECEIVED', trackingCode: T, verificationDueOn: '2026-03-05' },
      { kind: 'REQUEST_VERIFIED', trackingCode: T, completionDueOn: '2026-03-12' },
      { kind: 'REQUEST_RETURNED', trackingCode: T, reason: 'Sebutkan lokasinya' },
      { kind: 'REQUEST_IN_PROGRESS', trackingCode: T },
      { kind: 'SURVEY_INVITATION', trackingCode: T },
      { kind: 'REQUEST_COMPLETED', trackingCode: T },
      { kind: 'REQUEST_REJECTED', trackingCode: T, reason: 'Bukan wewenang kota' },
      { kind: 'REQUEST_CLOSED', trackingCode: T, answerEndedOn: '2026-03-31' },
      { kind: 'REQUEST_NOTE', trackingCode: T, note: 'Tim berangkat besok' },
      { kind: 'REQUEST_DEADLINE_MOVED', trackingCode: T, from: '2026-03-12', to: '2026-03-13' },
      { kind: 'REQUEST_ESCALATED', trackingCode: T },
      { kind: 'REQUEST_TRANSFERRED', trackingCode: T, reason: 'Jalan provinsi' },
      { kind: 'REQUEST_REOPENED', trackingCode: T, reason: 'Belum ditambal' },
      { kind: 'REQUEST_ASSIGNED', trackingCode: T, reassigned: false },
      { kind: 'REQUEST_RESUBMITTED', trackingCode: T },
      { kind: 'REQUEST_DUE_SOON', trackingCode: T, deadline: '2026-03-12' },
      { kind: 'REQUEST_OVERDUE', trackingCode: T, deadline: '2026-03-12' },
      { kind: 'REQUEST_ESCALATED_TO_YOU', trackingCode: T, level: 'AGENCY_HEAD' },
    ];
    // Every request kind about one request is listed (merges and followers' notices are about
    // reports, i.e. complaints, already; the digest is about many).
    const listed = new Set(events.map((e) => e.kind));
    for (const kind of REQUEST_NOTIFICATION_KINDS)
      if (!['REQUEST_MERGED', 'REQUEST_FOLLOWED_UPDATE', 'SUPERVISOR_DIGEST'].includes(kind))
        expect(listed, kind).toContain(kind);
    expect(NOTIFICATION_KINDS).toContain('REQUEST_COMPLETED');
    for (const event of events) {
      const complaint = notificationContent({ ...event, serviceKind: 'COMPLAINT' });
      const both = `${complaint.title.id}\n${complaint.body.id}`;
      const english = `${complaint.title.en}\n${complaint.body.en}`;
      expect(both, event.kind).toMatch(/[Pp]engaduan/);
      expect(both, event.kind).not.toMatch(/[Pp]ermohonan|[Bb]erkas|[Pp]emohon/);
      expect(english, event.kind).toMatch(/[Cc]omplaint/);
      expect(english, event.kind).not.toMatch(/\b[Rr]equest\b|documents|applicant|citizen/);
      const permit = notificationContent({ ...event, serviceKind: 'PERMIT' });
      expect(permit).toEqual({ ...notificationContent(event), serviceKind: 'PERMIT' });
      expect(`${permit.title.id}\n${permit.body.id}`, event.kind).toMatch(/[Pp]ermohonan/);
    }
    const verified = notificationContent({ ...events[1], serviceKind: 'PERMIT' } as NotificationEvent);
    expect(verified.body.id).toContain('Berkas permohonan');
  });

  it('says why a contact address gets mail, and how it stops', () => {
    expect(MAIL_TEXTS.whyReporterContact(T, 'COMPLAINT').id).toContain(
      `diberikan sebagai kontak pelapor ketika pengaduan ${T} diajukan untuk Anda tanpa akun Layanan`,
    );
    expect(MAIL_TEXTS.whyReporterContact(T, 'PERMIT').en).toContain(`when request ${T} was filed for you`);
    expect(MAIL_TEXTS.whyReporterContact(T).id).not.toContain('memiliki akun');
    expect(MAIL_TEXTS.unsubscribeReporterContact('COMPLAINT').en).toBe(
      'Stop every e-mail about this complaint (one click):',
    );
    const anonymous = MAIL_TEXTS.whyAnonymousContact(T);
    expect(anonymous.id).toContain(`kontak ketika pengaduan anonim ${T} diajukan`);
    expect(anonymous.en).toContain('withdraw the address on the anonymous complaint page');
    expect(anonymous.en).not.toContain('account');
  });
});
