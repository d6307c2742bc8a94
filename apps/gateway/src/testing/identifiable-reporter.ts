// A reporter whose every identifying value is known, for the tests that scan answers and rows for
// a confidential or anonymous reporter's identity (Perpres 76/2013 art. 4).
import { randomUUID } from 'node:crypto';
import { type RegisteredCitizen, registeredCitizen } from './accounts.js';
import type { Harness } from './harness.js';
import { permitComplaintService } from './requests.js';

export type IdentifiableReporter = {
  person: { name: string; email: string; phone: string; nik: string };
  citizen: RegisteredCitizen;
  /** Name, e-mail, phone, NIK and account id: the values no handling staff may meet. */
  identity: string[];
};

/**
 * Registers a new citizen with a unique name, verified e-mail, phone and a NIK of their own (the
 * NIK is only for the complaint's `nik_pelapor` attribute, see `complaintWithNik`).
 */
export async function identifiableReporter(h: Harness): Promise<IdentifiableReporter> {
  const n = randomUUID().slice(0, 8);
  const digits = String(Number.parseInt(n, 16) % 1e8).padStart(8, '0');
  const person = {
    name: `Puti Bungsu ${n}`,
    email: `puti-${n}@contoh.id`,
    phone: `+62812${digits}`,
    nik: `13730202029${digits.slice(0, 5)}`,
  };
  const citizen = await registeredCitizen(h, {
    email: person.email,
    phone: person.phone,
    displayName: person.name,
    password: 'ngarai-sianok-2027',
  });
  await h.db.prisma.account.update({
    where: { id: citizen.accountId },
    data: { emailVerifiedAt: new Date() },
  });
  const identity = [person.name, person.email, person.phone, person.nik, citizen.accountId];
  return { person, citizen, identity };
}

/** PENGADUAN-PERIZINAN (DPMPTSP) with an optional `nik_pelapor` (format NIK) attribute. */
export async function complaintWithNik(h: Harness): Promise<void> {
  await permitComplaintService(h);
  const service = await h.db.prisma.service.findUniqueOrThrow({
    where: { code: 'PENGADUAN-PERIZINAN' },
    include: { currentVersion: true },
  });
  const attributes = service.currentVersion?.attributes as { code: string }[];
  if (attributes.some((a) => a.code === 'nik_pelapor')) return;
  await h.db.prisma.serviceVersion.update({
    where: { id: service.currentVersion?.id },
    data: {
      attributes: [
        ...attributes,
        { code: 'nik_pelapor', datatype: 'string', required: false, format: 'NIK' },
      ],
    },
  });
}
