// The retention schedule (issue 23, UU 27/2022 art. 16(2)) on both databases, with a fixed clock:
// the personal data of requests closed before the cutoff is erased, batch by batch, and only
// theirs; the requests stay counted; the job is audited and a second run changes nothing.
import { testDatabaseKinds } from '@layanan/db/testing';
import { describe, expect, it } from 'vitest';
import {
  PBG_REQUEST,
  permitComplaintService,
  ROAD_COMPLAINT,
  submittedRequest,
} from '../../testing/requests.js';
import { useHarness } from '../../testing/use-harness.js';
import { applyRetentionSchedule } from './commands/retention.js';

describe.each(testDatabaseKinds())('retention schedule on %s', (kind) => {
  const { h, t } = useHarness(kind, { login: ['warga'] });

  it('erases what is past its retention, pages through them, and keeps the rest', async () => {
    const p = h.db.prisma;
    const file = async (text: string) =>
      (
        await submittedRequest(
          h,
          { ...PBG_REQUEST, text, attributes: { ...PBG_REQUEST.attributes, nik: '1373010101900001' } },
          t.warga,
        )
      ).trackingCode;
    const codes = {
      old1: await file('Rumah lama pertama di Jorong Kubang, sudah selesai.'),
      old2: await file('Rumah lama kedua di Jorong Kubang, sudah ditolak.'),
      old3: await file('Rumah lama ketiga di Jorong Kubang, ditarik.'),
      recent: await file('Rumah baru di Jorong Kubang, selesai tahun lalu.'),
      open: await file('Rumah yang masih diproses di Jorong Kubang.'),
    };
    const close = (code: string, state: 'COMPLETED' | 'REJECTED' | 'WITHDRAWN', at: string) =>
      p.serviceRequest.update({ where: { trackingCode: code }, data: { state, closedAt: new Date(at) } });
    await close(codes.old1, 'COMPLETED', '2026-01-10T03:00:00Z');
    await close(codes.old2, 'REJECTED', '2026-02-10T03:00:00Z');
    await close(codes.old3, 'WITHDRAWN', '2026-05-31T03:00:00Z');
    await close(codes.recent, 'COMPLETED', '2026-06-02T03:00:00Z');
    const count = () => p.serviceRequest.groupBy({ by: ['state'], _count: true, orderBy: { state: 'asc' } });
    const before = await count();

    const now = new Date('2031-06-01T12:00:00Z');
    expect(await applyRetentionSchedule(p, { now, years: 5, batch: 2, storage: h.storage })).toBe(3);
    const rows = await p.serviceRequest.findMany({
      where: { trackingCode: { in: Object.values(codes) } },
      select: { trackingCode: true, originalText: true, attributeValues: true, personalDataErasedAt: true },
    });
    const byCode = new Map(rows.map((r) => [r.trackingCode, r]));
    for (const code of [codes.old1, codes.old2, codes.old3]) {
      expect(byCode.get(code)).toMatchObject({
        originalText: '[dihapus]',
        attributeValues: { nik: '[dihapus]', kecamatan: 'LEMBAH_SEGAR' },
        personalDataErasedAt: now,
      });
    }
    for (const code of [codes.recent, codes.open]) {
      expect(byCode.get(code)?.personalDataErasedAt).toBeNull();
      expect(byCode.get(code)?.originalText).not.toBe('[dihapus]');
    }
    expect(await count()).toEqual(before);
    const audit = await p.auditEntry.findMany({
      where: { action: 'applyRetentionSchedule' },
      orderBy: { createdAt: 'asc' },
    });
    expect(audit.map((a) => (a.after as { requests: number }).requests)).toEqual([2, 1]);
    expect(await applyRetentionSchedule(p, { now, years: 5, batch: 2, storage: h.storage })).toBe(0);
  });

  it('erases an anonymous reporter’s contact address, and its address on the mail sent to it', async () => {
    const p = h.db.prisma;
    await permitComplaintService(h);
    const contact = `kontak-${Date.now()}@contoh.id`;
    const filed = await h.gql(
      `mutation($input: FileAnonymousComplaintInput!) { fileAnonymousComplaint(input: $input) {
        __typename ... on AnonymousComplaintFiled { trackingCode } } }`,
      {
        input: {
          ...ROAD_COMPLAINT,
          serviceCode: 'PENGADUAN-PERIZINAN',
          text: 'Pungutan liar di loket izin, sudah lama selesai.',
          contactEmail: contact,
        },
      },
    );
    const { trackingCode } = filed.body.data.fileAnonymousComplaint;
    const request = await p.serviceRequest.findUniqueOrThrow({ where: { trackingCode } });
    expect(request.anonymousContactEmail).toBe(contact);
    const purpose = `anonymous-contact:${request.id}`;
    // One mail already sent to the address and one still queued.
    const mail = { purpose, toAddress: contact, subject: 'Pengaduan', textBody: trackingCode };
    await p.mailMessage.create({
      data: { ...mail, messageId: `<sent-${request.id}@test>`, sentAt: new Date('2026-01-12T03:00:00Z') },
    });
    await p.mailMessage.create({ data: { ...mail, messageId: `<queued-${request.id}@test>` } });
    await p.serviceRequest.update({
      where: { id: request.id },
      data: { state: 'COMPLETED', closedAt: new Date('2026-01-10T03:00:00Z') },
    });

    const now = new Date('2031-06-01T12:00:00Z');
    expect(await applyRetentionSchedule(p, { now, years: 5, batch: 10, storage: h.storage })).toBeGreaterThan(
      0,
    );
    const after = await p.serviceRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(after.anonymousContactEmail).toBeNull();
    // The sent mail stays (the record of what was sent), without the address; nothing queued is left.
    const kept = await p.mailMessage.findMany({ where: { purpose } });
    expect(kept.map((m) => m.messageId)).toContain(`<sent-${request.id}@test>`);
    expect(kept.every((m) => m.toAddress === '[dihapus]' && m.sentAt !== null)).toBe(true);
    expect(await p.mailMessage.count({ where: { toAddress: contact } })).toBe(0);
  });
});
