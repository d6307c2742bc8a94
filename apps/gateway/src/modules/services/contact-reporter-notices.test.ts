// Reporters without a Layanan account hear of their complaint's outcome (issue 20, new-user trial
// D2/D3): an anonymous reporter who gave a contact address, and a person an Open311 client
// (FixMyStreet) filed for by e-mail, get the completion or rejection notice with the last day of
// the answer window (the domain's rule, 10 working days) and how to answer, worded as a complaint,
// with a footer that says why the address gets mail; a withdrawn or unsubscribed address gets
// nothing; every reporter is told when the window passed and the complaint closed. Checked as the
// messages reach a real SMTP server in the test process.
import { randomUUID } from 'node:crypto';
import { testDatabaseKinds } from '@layanan/db/testing';
import { jakartaDay } from '@layanan/domain/calendar';
import { complaintAnswerWindowEnd } from '@layanan/domain/notifications';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createEventBus } from '../../app/event-handlers.js';
import { mailSettings } from '../../app/mail-config.js';
import { createLayananPubSub } from '../../app/pubsub.js';
import { loadWorkingCalendar } from '../../platform/calendar.js';
import { fixMyStreetKeys, fixMyStreetRoadReport } from '../../testing/fixmystreet-client.js';
import { readOpen311Xml } from '../../testing/open311-xml.js';
import {
  moveRequest,
  permitComplaintService,
  ROAD_COMPLAINT,
  transitionRequest,
} from '../../testing/requests.js';
import { type ReceivedMail, useSmtpServer } from '../../testing/smtp.js';
import { useHarness } from '../../testing/use-harness.js';
import { closeAnsweredComplaints, decidedAt } from './commands/complaint-handling.js';

const PUBLIC = 'https://layanan.test';
const FILE_ANONYMOUS = `mutation($input: FileAnonymousComplaintInput!) { fileAnonymousComplaint(input: $input) {
  __typename ... on AnonymousComplaintFiled { trackingCode secret }
} }`;
const WITHDRAW = `mutation($input: WithdrawAnonymousContactInput!) { withdrawAnonymousContact(input: $input) {
  __typename ... on AnonymousComplaintPayload { complaint { hasContact } } ... on Failure { code }
} }`;
const ANSWER_WINDOW = `query($c: String!) { serviceRequest(trackingCode: $c) { answerWindowEndsOn } }`;

const smtp = useSmtpServer();

describe.each(testDatabaseKinds())('notices to reporters without an account on %s', (kind) => {
  const { h, t } = useHarness(kind, {
    login: ['admin', 'yulia', 'warga'],
    env: { LAYANAN_PUBLIC_URL: PUBLIC, LAYANAN_MAIL_INTERVAL_MS: '0' },
  });
  /** Sends the outbox; the messages that reached `to` so far. */
  const mailTo = async (to: string): Promise<ReceivedMail[]> => {
    await smtp.deliver(h);
    return smtp.received.filter((m) => m.to.includes(to));
  };
  const subjectOf = (m: ReceivedMail) => m.header('subject') ?? '';
  /** The whole message decoded, footer included (`text` stops at the `--` footer separator). */
  const whole = (m: ReceivedMail): string => {
    const qp = m.raw.replace(/=\r?\n/g, '');
    try {
      return decodeURIComponent(qp.replace(/%/g, '%25').replace(/=([0-9A-F]{2})/gi, '%$1'));
    } catch {
      return qp;
    }
  };
  /** The last day to answer the decided complaint `code`, by the domain's rule (and as GraphQL says). */
  const windowEnd = async (code: string): Promise<string> => {
    const row = await h.db.prisma.serviceRequest.findUniqueOrThrow({ where: { trackingCode: code } });
    const decided = decidedAt(row);
    const end = complaintAnswerWindowEnd(
      { serviceKind: 'COMPLAINT', state: row.state, decidedOn: decided ? jakartaDay(decided) : null },
      await loadWorkingCalendar(h.db.prisma),
      10,
    );
    const shown = await h.gql(ANSWER_WINDOW, { c: code }, { token: t.yulia });
    expect(shown.body.data.serviceRequest.answerWindowEndsOn).toBe(end);
    return end as string;
  };
  const fileAnonymous = async (contactEmail: string) => {
    await permitComplaintService(h);
    const r = await h.gql(FILE_ANONYMOUS, {
      input: {
        ...ROAD_COMPLAINT,
        serviceCode: 'PENGADUAN-PERIZINAN',
        text: `${ROAD_COMPLAINT.text} (${contactEmail})`,
        contactEmail,
        contactLanguage: 'ID',
      },
    });
    return r.body.data.fileAnonymousComplaint as { trackingCode: string; secret: string };
  };

  it('tells an anonymous reporter the outcome, the last day to answer and where, never the secret', async () => {
    const email = `anon-${kind}-${randomUUID()}@pelapor.test`;
    const { trackingCode: code, secret } = await fileAnonymous(email);
    await moveRequest(h, code, ['VERIFIED', 'IN_PROGRESS', 'COMPLETED'], t.yulia);
    const end = await windowEnd(code);
    const mails = await mailTo(email);
    expect(mails.map(subjectOf).sort()).toEqual(
      [
        `Pengaduan ${code} diterima`,
        `Pengaduan ${code} diverifikasi`,
        `Pengaduan ${code} sedang ditindaklanjuti`,
        `Pengaduan ${code} selesai ditindaklanjuti`,
      ].sort(),
    );
    const done = mails.find(
      (m) => subjectOf(m) === `Pengaduan ${code} selesai ditindaklanjuti`,
    ) as ReceivedMail;
    expect(done.text).toContain(`Pengaduan ${code} telah selesai ditindaklanjuti.`);
    expect(done.text).toContain(`paling lambat ${end} (WIB)`);
    expect(done.text).toContain(`kode lacak ${code} dan kode rahasia`);
    expect(done.text).toContain(`${PUBLIC}/pengaduan-anonim?kode=${code}`);
    // The footer says why this address gets mail, and how to stop it; no account is claimed.
    expect(whole(done)).toContain(`diberikan sebagai kontak ketika pengaduan anonim ${code} diajukan`);
    expect(whole(done)).toContain('tarik alamat ini di halaman pengaduan anonim');
    expect(whole(done)).not.toContain('memiliki akun');
    for (const m of mails) {
      expect(whole(m)).not.toContain(secret);
      expect(whole(m)).not.toContain(secret.replaceAll('-', ''));
      // A complaint is not a permit: no documents, no applicant.
      expect(m.text).not.toMatch(/[Bb]erkas|[Pp]ermohonan/);
    }
  });

  it('tells an anonymous reporter of a rejection with its reason and window; a withdrawn address gets nothing', async () => {
    const email = `anon-rej-${kind}-${randomUUID()}@pelapor.test`;
    const { trackingCode: code } = await fileAnonymous(email);
    const version = await moveRequest(h, code, ['VERIFIED'], t.yulia);
    const rejected = await transitionRequest(
      h,
      {
        trackingCode: code,
        to: 'REJECTED',
        expectedVersion: version,
        publicNote: 'Bukan wewenang pemerintah kota',
      },
      t.yulia,
    );
    expect(rejected.body.data.transitionServiceRequest.__typename).toBe('ServiceRequestPayload');
    const end = await windowEnd(code);
    const notice = (await mailTo(email)).find((m) => subjectOf(m) === `Pengaduan ${code} ditolak`);
    expect(notice?.text).toContain('Alasan: Bukan wewenang pemerintah kota');
    expect(notice?.text).toContain(`paling lambat ${end} (WIB)`);

    // Withdrawn before anything happened: not one message, not even the filing's.
    const quiet = `anon-off-${kind}-${randomUUID()}@pelapor.test`;
    const other = await fileAnonymous(quiet);
    const off = await h.gql(WITHDRAW, { input: { trackingCode: other.trackingCode, secret: other.secret } });
    expect(off.body.data.withdrawAnonymousContact).toMatchObject({ complaint: { hasContact: false } });
    await moveRequest(h, other.trackingCode, ['VERIFIED', 'IN_PROGRESS', 'COMPLETED'], t.yulia);
    expect(await mailTo(quiet)).toEqual([]);
    const queued = await h.db.prisma.mailMessage.count({ where: { toAddress: quiet } });
    expect(queued).toBe(0);
  });

  describe('a person an Open311 client filed for', () => {
    const keys = fixMyStreetKeys(h, t);
    const apiKey = () => keys(`FixMyStreet ${kind}`);
    const fileOpen311 = async () => {
      await permitComplaintService(h);
      const email = `fms-${kind}-${randomUUID()}@contoh.test`;
      const res = await h.gateway.fetch('http://layanan.test/open311/v2/requests.xml', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: fixMyStreetRoadReport(
          await apiKey(),
          [
            ['first_name', 'Rudi'],
            ['last_name', 'Hartono'],
            ['email', email],
          ],
          { description: 'Jalan berlubang di depan pasar, sudah sebulan.' },
        ).toString(),
      });
      expect(res.status).toBe(201);
      const [request] = readOpen311Xml(await res.text()).value.request;
      return { code: request.service_request_id as string, email };
    };

    it('gets the completion notice with the window, the claim path and a true footer', async () => {
      const { code, email } = await fileOpen311();
      await moveRequest(h, code, ['VERIFIED', 'IN_PROGRESS', 'COMPLETED'], t.yulia);
      const end = await windowEnd(code);
      const mails = await mailTo(email);
      const done = mails.find((m) => subjectOf(m) === `Pengaduan ${code} selesai ditindaklanjuti`);
      expect(done, mails.map(subjectOf).join(' | ')).toBeDefined();
      expect(done?.text).toContain('Halo Rudi Hartono,');
      expect(done?.text).toContain(`paling lambat ${end} (WIB)`);
      expect(done?.text).toContain(`buka halaman pengaduan ${code} dan klaim pengaduan ini`);
      expect(done?.text).toContain(`${PUBLIC}/permohonan/${code}`);
      const footer = whole(done as ReceivedMail);
      expect(footer).toContain(
        `diberikan sebagai kontak pelapor ketika pengaduan ${code} diajukan untuk Anda`,
      );
      expect(footer).toContain('Berhenti menerima semua e-mail tentang pengaduan ini (satu klik):');
      expect(footer).not.toContain('memiliki akun');
      expect(done?.header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
      for (const m of mails) expect(m.text).not.toMatch(/[Bb]erkas/);
      // No survey invitation and no feed entry for a citizen: there is no account (staff of the
      // handling unit have their own notices of the request).
      const row = await h.db.prisma.serviceRequest.findUniqueOrThrow({ where: { trackingCode: code } });
      const citizenFeed = { requestId: row.id, account: { role: 'CITIZEN' as const } };
      expect(await h.db.prisma.notification.count({ where: citizenFeed })).toBe(0);
    });

    it('gets nothing more once unsubscribed, not even the completion', async () => {
      const { code, email } = await fileOpen311();
      const [received] = await mailTo(email);
      const link = /<https:\/\/layanan\.test(\/mail\/unsubscribe\?[^>]+)>/.exec(
        received?.header('list-unsubscribe') ?? '',
      )?.[1];
      const off = await h.gateway.fetch(`http://layanan.test${link}`, { method: 'POST' });
      expect(off.status).toBe(200);
      await moveRequest(h, code, ['VERIFIED', 'IN_PROGRESS', 'COMPLETED'], t.yulia);
      expect((await mailTo(email)).map(subjectOf)).toEqual([`Pengaduan ${code} diterima`]);
    });
  });

  it('tells every reporter that the complaint closed when the window passed', async () => {
    const email = `anon-close-${kind}-${randomUUID()}@pelapor.test`;
    const { trackingCode: code } = await fileAnonymous(email);
    await moveRequest(h, code, ['VERIFIED', 'IN_PROGRESS', 'COMPLETED'], t.yulia);
    const end = await windowEnd(code);
    const bus = createEventBus({
      prisma: h.db.prisma,
      pubsub: createLayananPubSub().pubsub,
      log: pino({ level: 'silent' }),
      mail: mailSettings(h.config),
      documents: { storage: h.storage, signer: h.signer, publicUrl: h.config.mail.publicUrl },
    });
    const closed = await closeAnsweredComplaints(h.db.prisma, {
      now: new Date(Date.now() + 120 * 86_400_000),
      calendar: await loadWorkingCalendar(h.db.prisma),
      policy: { answerWorkingDays: 10 },
      pubsub: createLayananPubSub().pubsub,
      dispatch: (ids) => bus.dispatch(ids),
    });
    expect(closed).toContain(code);
    const notice = (await mailTo(email)).find((m) => subjectOf(m) === `Pengaduan ${code} ditutup`);
    expect(notice?.text).toContain(`(${end}) telah lewat tanpa sanggahan`);
  });
});
