// The escalation ladder's cast for the gateway tests (issue 20): a bidang below DPMPTSP with its
// own supervisor and a complaint service.
import type { Harness } from './harness.js';
import { complaintServiceAt } from './requests.js';

/**
 * A complaint service of the bidang DPMPTSP-PERIZINAN (below DPMPTSP, whose supervisor is
 * hendra), with its own supervisor (sari) and a staff member (budi) who handles it.
 */
export async function bidangWithComplaints(h: Harness) {
  const prisma = h.db.prisma;
  const made = await prisma.staff.findUnique({ where: { nip: '199001012015031001' } });
  if (made) return { budi: made };
  const bidang = await prisma.unit.findUniqueOrThrow({ where: { code: 'DPMPTSP-PERIZINAN' } });
  const sari = await prisma.staff.create({
    data: { nip: '198001012006042001', name: 'Sari Kabid', position: 'Kepala Bidang', unitId: bidang.id },
  });
  const budi = await prisma.staff.create({
    data: { nip: '199001012015031001', name: 'Budi Pelaksana', position: 'Pelaksana', unitId: bidang.id },
  });
  await prisma.account.create({
    data: {
      email: 'sari@layanan.test',
      displayName: 'Sari',
      role: 'SUPERVISOR',
      staffId: sari.id,
      emailVerifiedAt: new Date(),
    },
  });
  await complaintServiceAt(h, {
    code: 'PENGADUAN-IZIN-BIDANG',
    unitCode: 'DPMPTSP-PERIZINAN',
    nameId: 'Pengaduan Perizinan Bidang',
    nameEn: 'Permit division complaint',
  });
  return { budi };
}
