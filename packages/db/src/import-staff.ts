// Bulk import of staff from a CSV file shaped like a SIASN export (issue 3). Each row is
// checked with the domain rules (parseNip, ranks); rows with errors are reported with their row
// number and skipped, valid rows are created or updated by NIP, and re-running the same file
// changes nothing.
import {
  appendRankStep,
  parseNip,
  parsePnsRank,
  parsePppkGrade,
  pnsRankOrder,
  pppkGradeOrder,
} from '@layanan/domain/staff';
import type { PrismaClient } from './generated/prisma/client.js';

export type ImportRowError = {
  /** 1-based line number in the file (the header is line 1). */
  readonly row: number;
  readonly nip: string;
  readonly field: string;
  readonly code: string;
  readonly messageId: string;
  readonly messageEn: string;
};

export type ImportStaffResult = {
  readonly total: number;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly errors: readonly ImportRowError[];
};

export type ImportStaffOptions = {
  /** For the "appointment not in the future" check; a Date is read in WIB. */
  readonly now: Date | string;
  readonly onProgress?: (done: number, total: number) => void;
};

/** Header aliases as found in SIASN exports and agency spreadsheets (case and spacing ignored). */
const COLUMNS = {
  nip: ['NIP', 'NIP_BARU', 'NIPBARU'],
  name: ['NAMA', 'NAMA_LENGKAP', 'NAME'],
  rank: ['GOL_RUANG', 'GOLONGAN', 'GOL', 'PANGKAT_GOLONGAN', 'GOL_AKHIR_NAMA', 'RANK'],
  rankEffectiveOn: ['TMT_GOLONGAN', 'TMT_GOL', 'TMT_GOL_AKHIR'],
  position: ['JABATAN', 'JABATAN_NAMA', 'NAMA_JABATAN', 'POSITION'],
  positionCode: ['KODE_JABATAN', 'JABATAN_KODE', 'POSITION_CODE'],
  unit: ['UNOR', 'UNOR_NAMA', 'UNIT_KERJA', 'KODE_UNOR', 'UNIT', 'UNIT_CODE'],
} as const;

type Column = keyof typeof COLUMNS;
const REQUIRED: readonly Column[] = ['nip', 'name', 'position', 'unit'];

const MESSAGES = {
  REQUIRED: (f: string) => ({ id: `Kolom ${f} wajib diisi.`, en: `The column ${f} is required.` }),
  UNIT_NOT_FOUND: (u: string) => ({
    id: `Unit kerja "${u}" tidak dikenal (pakai kode atau nama unit).`,
    en: `Unknown work unit "${u}" (use the unit code or name).`,
  }),
  POSITION_NOT_FOUND: (p: string) => ({
    id: `Kode jabatan "${p}" tidak dikenal.`,
    en: `Unknown position code "${p}".`,
  }),
  DUPLICATE_NIP: (r: number) => ({
    id: `NIP yang sama sudah ada di baris ${r} berkas ini.`,
    en: `The same NIP already appears on line ${r} of this file.`,
  }),
  INVALID_DATE: (v: string) => ({
    id: `Tanggal "${v}" tidak valid (YYYY-MM-DD atau DD-MM-YYYY).`,
    en: `Invalid date "${v}" (YYYY-MM-DD or DD-MM-YYYY).`,
  }),
} as const;

/**
 * Parses CSV text (RFC 4180 quoting; comma or semicolon, whichever the header uses; BOM and CRLF
 * tolerated). Returns the rows as arrays of cells, header included.
 */
export function parseCsv(text: string): string[][] {
  const src = text.replace(/^\uFEFF/, '');
  const firstLine = src.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < src.length; i += 1) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

const normaliseHeader = (h: string) =>
  h
    .trim()
    .toUpperCase()
    .replace(/[\s.-]+/g, '_');

function parseDate(value: string): string | null {
  const v = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  const dmy = /^(\d{2})[-/](\d{2})[-/](\d{4})$/.exec(v);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : [];
  if (!y || !m || !d) return null;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d) ? `${y}-${m}-${d}` : null;
}

/** Imports the CSV text into the staff register. See the file header for the rules. */
export async function importStaff(
  prisma: PrismaClient,
  csv: string,
  options: ImportStaffOptions,
): Promise<ImportStaffResult> {
  const [header, ...rows] = parseCsv(csv);
  const errors: ImportRowError[] = [];
  if (!header) {
    return { total: 0, created: 0, updated: 0, unchanged: 0, errors: [fileError('header', 'EMPTY_FILE')] };
  }
  const index = new Map(header.map((h, i) => [normaliseHeader(h), i]));
  const columnOf = (c: Column) => COLUMNS[c].map((alias) => index.get(alias)).find((i) => i !== undefined);
  const missing = REQUIRED.filter((c) => columnOf(c) === undefined);
  if (missing.length > 0) {
    return {
      total: rows.length,
      created: 0,
      updated: 0,
      unchanged: 0,
      errors: missing.map((c) => fileError(COLUMNS[c][0], 'MISSING_COLUMN')),
    };
  }
  const cell = (row: string[], c: Column) => {
    const i = columnOf(c);
    return i === undefined ? '' : (row[i] ?? '').trim();
  };

  const units = await prisma.unit.findMany({ select: { id: true, code: true, name: true, shortName: true } });
  const unitByKey = new Map<string, string>();
  for (const u of units)
    for (const k of [u.code, u.name, u.shortName]) unitByKey.set(k.trim().toUpperCase(), u.id);
  const positions = await prisma.position.findMany({ select: { id: true, code: true, name: true } });
  const positionByCode = new Map(positions.map((p) => [p.code, p]));

  let created = 0;
  let updated = 0;
  let unchanged = 0;
  const seenNips = new Map<string, number>();
  for (const [i, row] of rows.entries()) {
    const line = i + 2;
    const rawNip = cell(row, 'nip');
    const problems: Omit<ImportRowError, 'row' | 'nip'>[] = [];
    const push = (field: string, code: string, message: { id: string; en: string }) =>
      problems.push({ field, code, messageId: message.id, messageEn: message.en });

    const nip = parseNip(rawNip, { now: options.now });
    if (!nip.ok) push('NIP', nip.error.code, nip.error.message);
    const name = cell(row, 'name');
    if (!name) push('NAMA', 'REQUIRED', MESSAGES.REQUIRED('NAMA'));
    const position = cell(row, 'position');
    const positionCode = cell(row, 'positionCode').toUpperCase();
    const catalogued = positionCode ? positionByCode.get(positionCode) : undefined;
    if (positionCode && !catalogued)
      push('KODE_JABATAN', 'POSITION_NOT_FOUND', MESSAGES.POSITION_NOT_FOUND(positionCode));
    if (!position && !catalogued) push('JABATAN', 'REQUIRED', MESSAGES.REQUIRED('JABATAN'));
    const unitKey = cell(row, 'unit');
    const unitId = unitByKey.get(unitKey.toUpperCase());
    if (!unitKey) push('UNOR', 'REQUIRED', MESSAGES.REQUIRED('UNOR'));
    else if (!unitId) push('UNOR', 'UNIT_NOT_FOUND', MESSAGES.UNIT_NOT_FOUND(unitKey));
    const rawRank = cell(row, 'rank');
    let rank: { label: string; order: number } | null = null;
    if (rawRank && nip.ok) {
      if (nip.value.kind === 'PNS') {
        const r = parsePnsRank(rawRank);
        if (r.ok) rank = { label: r.value.label, order: pnsRankOrder(r.value.code) };
        else push('GOL_RUANG', r.error.code, r.error.message);
      } else {
        const g = parsePppkGrade(rawRank);
        if (g.ok) rank = { label: g.value, order: pppkGradeOrder(g.value) };
        else push('GOL_RUANG', g.error.code, g.error.message);
      }
    }
    const rawTmt = cell(row, 'rankEffectiveOn');
    const tmt = rawTmt ? parseDate(rawTmt) : null;
    if (rawTmt && !tmt) push('TMT_GOLONGAN', 'INVALID_DATE', MESSAGES.INVALID_DATE(rawTmt));
    if (nip.ok) {
      const first = seenNips.get(nip.value.nip);
      if (first !== undefined) push('NIP', 'DUPLICATE_NIP', MESSAGES.DUPLICATE_NIP(first));
      else seenNips.set(nip.value.nip, line);
    }

    if (problems.length > 0 || !nip.ok || !unitId) {
      errors.push(...problems.map((p) => ({ row: line, nip: rawNip, ...p })));
    } else {
      const data = {
        name,
        kind: nip.value.kind,
        position: position || (catalogued?.name ?? ''),
        positionId: catalogued?.id ?? null,
        unitId,
        rank: rank?.label ?? null,
        rankOrder: rank?.order ?? null,
        birthDate: new Date(`${nip.value.birthDate}T00:00:00.000Z`),
        appointment: nip.value.appointment,
        gender: nip.value.gender,
      } as const;
      const existing = await prisma.staff.findUnique({ where: { nip: nip.value.nip } });
      const staffId = nip.value.nip;
      if (!existing) {
        await prisma.staff.create({ data: { nip: staffId, ...data } });
        created += 1;
      } else {
        const same =
          existing.name === data.name &&
          existing.kind === data.kind &&
          existing.position === data.position &&
          (!catalogued || existing.positionId === catalogued.id) &&
          existing.unitId === data.unitId &&
          (rawRank ? existing.rank === data.rank : true);
        if (same) unchanged += 1;
        else {
          await prisma.staff.update({
            where: { id: existing.id },
            data: {
              name: data.name,
              position: data.position,
              unitId: data.unitId,
              ...(catalogued ? { positionId: data.positionId } : {}),
              ...(rank ? { rank: rank.label, rankOrder: rank.order } : {}),
            },
          });
          updated += 1;
        }
      }
      if (rank && tmt) {
        const staff = await prisma.staff.findUniqueOrThrow({ where: { nip: staffId }, select: { id: true } });
        // Append-only history: a re-imported row adds nothing, a new TMT is a new step.
        const stored = await prisma.rankHistory.findMany({ where: { staffId: staff.id } });
        const { append } = appendRankStep(
          stored.map((e) => ({
            ...e,
            effectiveOn: e.effectiveOn.toISOString().slice(0, 10),
            recordedAt: e.createdAt,
          })),
          { rank: rank.label, rankOrder: rank.order, effectiveOn: tmt, decreeNumber: null },
          new Date(),
        );
        if (append) {
          await prisma.rankHistory.create({
            data: {
              staffId: staff.id,
              rank: append.rank,
              rankOrder: append.rankOrder,
              effectiveOn: new Date(`${append.effectiveOn}T00:00:00.000Z`),
            },
          });
        }
      }
    }
    options.onProgress?.(i + 1, rows.length);
  }
  if (created + updated > 0) {
    await prisma.auditEntry.create({
      data: {
        actorKind: 'SYSTEM',
        action: 'importStaff',
        entityType: 'Staff',
        after: { total: rows.length, created, updated, unchanged, errors: errors.length },
      },
    });
  }
  return { total: rows.length, created, updated, unchanged, errors };
}

function fileError(field: string, code: 'EMPTY_FILE' | 'MISSING_COLUMN'): ImportRowError {
  return code === 'EMPTY_FILE'
    ? { row: 1, nip: '', field, code, messageId: 'Berkas CSV kosong.', messageEn: 'The CSV file is empty.' }
    : {
        row: 1,
        nip: '',
        field,
        code,
        messageId: `Kolom ${field} tidak ada di baris judul.`,
        messageEn: `The header has no ${field} column.`,
      };
}
