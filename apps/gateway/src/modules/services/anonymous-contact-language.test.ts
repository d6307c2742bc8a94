// The mail to an anonymous reporter's contact address comes in the language of the filing
// (issue 20): `contactLanguage` when given, else the caller's Accept-Language, else Indonesian;
// checked as the messages reach a real SMTP server in the test process.
import { testDatabaseKinds } from '@layanan/db/testing';
import { describe, expect, it } from 'vitest';
import { ROAD_COMPLAINT } from '../../testing/requests.js';
import { useSmtpServer } from '../../testing/smtp.js';
import { useHarness } from '../../testing/use-harness.js';

const PUBLIC = 'https://layanan.test';
const FILE_ANONYMOUS = `mutation($input: FileAnonymousComplaintInput!) { fileAnonymousComplaint(input: $input) {
  __typename ... on AnonymousComplaintFiled { trackingCode }
} }`;

const smtp = useSmtpServer();

describe.each(testDatabaseKinds())('anonymous reporter’s mail language on %s', (kind) => {
  const { h } = useHarness(kind, { env: { LAYANAN_PUBLIC_URL: PUBLIC, LAYANAN_MAIL_INTERVAL_MS: '0' } });

  it('mails in the language chosen at filing, else the caller’s, else Indonesian', async () => {
    const file = async (to: string, extra: Record<string, unknown>, headers: Record<string, string> = {}) => {
      const r = await h.gql(
        FILE_ANONYMOUS,
        { input: { ...ROAD_COMPLAINT, text: `${ROAD_COMPLAINT.text} (${to})`, contactEmail: to, ...extra } },
        { headers },
      );
      return r.body.data.fileAnonymousComplaint.trackingCode as string;
    };
    const filed = {
      chosenEn: await file(`en-${kind}@pelapor.test`, { contactLanguage: 'EN' }),
      headerEn: await file(`hdr-${kind}@pelapor.test`, {}, { 'accept-language': 'en' }),
      chosenId: await file(`id-${kind}@pelapor.test`, { contactLanguage: 'ID' }, { 'accept-language': 'en' }),
      none: await file(`none-${kind}@pelapor.test`, {}),
    };
    await smtp.deliver(h);
    const to = (address: string) => smtp.received.filter((m) => m.to.includes(address));
    const english = [
      [`en-${kind}@pelapor.test`, filed.chosenEn],
      [`hdr-${kind}@pelapor.test`, filed.headerEn],
    ] as const;
    for (const [address, code] of english) {
      const [mail] = to(address);
      expect(mail?.header('subject')).toBe(`Complaint ${code} received`);
      expect(mail?.text).toContain('Your complaint was received');
      expect(mail?.text).toContain('Reporter');
      expect(mail?.text).toContain(`${PUBLIC}/pengaduan-anonim?kode=${code}`);
    }
    const indonesian = [
      [`id-${kind}@pelapor.test`, filed.chosenId],
      [`none-${kind}@pelapor.test`, filed.none],
    ] as const;
    for (const [address, code] of indonesian) {
      const [mail] = to(address);
      expect(mail?.header('subject')).toBe(`Pengaduan ${code} diterima`);
      expect(mail?.text).toContain('Pengaduan Anda diterima');
      expect(mail?.text).toContain('Pelapor');
    }
    // The language is kept only with the address: withdrawn or never given, nothing.
    const rows = await h.db.prisma.serviceRequest.findMany({
      where: { trackingCode: { in: Object.values(filed) } },
      select: { trackingCode: true, anonymousContactLanguage: true },
    });
    expect(Object.fromEntries(rows.map((r) => [r.trackingCode, r.anonymousContactLanguage]))).toEqual({
      [filed.chosenEn]: 'en',
      [filed.headerEn]: 'en',
      [filed.chosenId]: 'id',
      [filed.none]: 'id',
    });
  });
});
