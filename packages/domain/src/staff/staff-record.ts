// A staff member's register record (issue 3): what a new record needs and what a change may
// touch. The NIP gives kind, birth date, TMT and gender (nip.ts), so they are never asked twice;
// the rank must be on the person's scale (PNS golongan/ruang or PPPK grade, ranks.ts).
import { parseDay } from '../calendar/day.js';
import { type DomainError, errorFactory } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { onField, requiredField, STAFF_FIELD_LABELS, type StaffFieldError } from './field-checks.js';
import { RANK_ERROR_MESSAGES, STAFF_ERROR_MESSAGES } from './messages.js';
import { type NipKind, type ParsedNip, parseNip } from './nip.js';
import { parsePnsRank, parsePppkGrade, pnsRankOrder, pppkGradeOrder } from './ranks.js';

/** `STAFF_NIP_TAKEN`: a NIP identifies one person; the register holds it once. */
export const staffError = errorFactory(STAFF_ERROR_MESSAGES);

/** A rank as stored: the written label (`III/a`, `IX`) and its place on its own scale (1 = lowest). */
export type StaffRank = { readonly label: string; readonly order: number };

/**
 * A rank typed for a person of `kind`: PNS golongan/ruang (PP 99/2000) or PPPK grade (Perpres
 * 98/2020). The two scales are not comparable, so a PPPK grade given for a PNS is refused.
 * Errors: `RANK_UNKNOWN` (PNS), `PPPK_GRADE_UNKNOWN` (PPPK).
 */
export function staffRank(
  rank: string,
  kind: NipKind,
): Result<StaffRank, DomainError<'RANK_UNKNOWN' | 'PPPK_GRADE_UNKNOWN'>> {
  if (kind === 'PNS') {
    const r = parsePnsRank(rank);
    return r.ok ? ok({ label: r.value.label, order: pnsRankOrder(r.value.code) }) : r;
  }
  const g = parsePppkGrade(rank);
  return g.ok ? ok({ label: g.value, order: pppkGradeOrder(g.value) }) : g;
}

/**
 * A rank typed without knowing the scale (a search filter): a PNS rank first, else a PPPK grade.
 * The label as stored (`III/c`, `IX`), or `RANK_UNKNOWN` whose message names both scales.
 */
export function anyStaffRank(input: string): Result<string, DomainError<'RANK_UNKNOWN'>> {
  const pns = parsePnsRank(input);
  if (pns.ok) return ok(pns.value.label);
  const pppk = parsePppkGrade(input);
  if (pppk.ok) return ok(pppk.value);
  const { RANK_UNKNOWN: r, PPPK_GRADE_UNKNOWN: g } = RANK_ERROR_MESSAGES;
  return err({
    code: 'RANK_UNKNOWN',
    message: { id: `${r.id} ${g.id}`, en: `${r.en} ${g.en}` },
    details: { input },
  });
}

/** A position of the catalogue as looked up by its code: the row, or null when there is none. */
export type CataloguedPosition = { readonly id: string; readonly name: string } | null;

/** The position a record names: a catalogue position (id) and the title shown. */
export type StaffPosition = { readonly id: string | null; readonly title: string };

/**
 * The position of a record: by catalogue code (`positionCode`, looked up by the caller into
 * `catalogued`; the title defaults to the catalogue name) or by free title. Errors on the fields:
 * `NOT_FOUND` on `positionCode`, `REQUIRED` on `position` when neither is given.
 */
export function staffPosition(input: {
  readonly positionCode?: string | null | undefined;
  readonly title?: string | null | undefined;
  readonly catalogued?: CataloguedPosition | undefined;
}): Result<StaffPosition, StaffFieldError> {
  const title = input.title?.trim() ?? '';
  if (input.positionCode) {
    const code = input.positionCode.trim().toUpperCase();
    if (!input.catalogued) {
      return err({
        field: 'positionCode',
        code: 'NOT_FOUND',
        message: { id: `Jabatan "${code}" tidak ditemukan.`, en: `Position "${code}" was not found.` },
      });
    }
    return ok({ id: input.catalogued.id, title: title || input.catalogued.name });
  }
  return title ? ok({ id: null, title }) : err(requiredField('position', STAFF_FIELD_LABELS.position));
}

/** A rank with the day it took effect (TMT), `YYYY-MM-DD`. */
export type RankStep = StaffRank & { readonly effectiveOn: string };

function rankStep(
  rank: string | null | undefined,
  kind: NipKind | null,
  effectiveOn: string | null | undefined,
  today: string,
  problems: StaffFieldError[],
): RankStep | null {
  let checked: StaffRank | null = null;
  if (rank && kind) {
    const r = staffRank(rank, kind);
    if (r.ok) checked = r.value;
    else problems.push(onField('rank', r.error));
  }
  let day = today;
  if (effectiveOn != null) {
    const d = parseDay(effectiveOn);
    if (d.ok) day = d.value;
    else problems.push(onField('rankEffectiveOn', d.error));
  }
  return checked && { ...checked, effectiveOn: day };
}

export type NewStaffInput = {
  readonly nip: string;
  readonly name: string;
  readonly rank?: string | null | undefined;
  /** TMT of the rank, `YYYY-MM-DD`; default `today`. */
  readonly rankEffectiveOn?: string | null | undefined;
  readonly positionCode?: string | null | undefined;
  readonly position?: string | null | undefined;
  /** The catalogue position `positionCode` names, looked up by the caller. */
  readonly catalogued?: CataloguedPosition | undefined;
};

export type NewStaff = {
  readonly nip: ParsedNip;
  readonly name: string;
  readonly rank: RankStep | null;
  readonly position: StaffPosition;
};

/**
 * Checks a new register record. `now` bounds the NIP's dates; `today` (`YYYY-MM-DD`, WIB) is the
 * default TMT of the rank. Every problem is reported at once, each on its field (`nip`, `name`,
 * `rank`, `rankEffectiveOn`, `positionCode`/`position`).
 */
export function validateNewStaff(
  input: NewStaffInput,
  context: { readonly now: Date; readonly today: string },
): Result<NewStaff, readonly StaffFieldError[]> {
  const problems: StaffFieldError[] = [];
  const nip = parseNip(input.nip, { now: context.now });
  if (!nip.ok) problems.push(onField('nip', nip.error));
  const name = input.name.trim();
  if (!name) problems.push(requiredField('name', STAFF_FIELD_LABELS.name));
  const kind = nip.ok ? nip.value.kind : null;
  const rank = rankStep(input.rank, kind, input.rankEffectiveOn, context.today, problems);
  const position = staffPosition({
    positionCode: input.positionCode,
    title: input.position,
    catalogued: input.catalogued,
  });
  if (!position.ok) problems.push(position.error);
  if (problems.length > 0 || !nip.ok || !position.ok) return err(problems);
  return ok({ nip: nip.value, name, rank, position: position.value });
}

/** A change: the fields of a new record but the NIP (which never changes); absent or null keeps one. */
export type StaffChangeInput = Omit<NewStaffInput, 'nip' | 'name'> & {
  readonly name?: string | null | undefined;
};

export type StaffChanges = {
  /** The new name, or undefined to keep it. */
  readonly name: string | undefined;
  /** The new rank, or null to keep it. */
  readonly rank: RankStep | null;
  /** True when the rank differs from the current one: a new step of the rank history. */
  readonly newRankStep: boolean;
  /** The new position, or null to keep it. */
  readonly position: StaffPosition | null;
};

/**
 * Checks a change to a register record. The NIP (and so the kind) never changes; the rank is
 * read on the person's scale. A position code without a title keeps the current title.
 * Field errors as in `validateNewStaff`.
 */
export function validateStaffChanges(
  input: StaffChangeInput,
  current: { readonly kind: NipKind; readonly rank: string | null; readonly position: string },
  context: { readonly today: string },
): Result<StaffChanges, readonly StaffFieldError[]> {
  const problems: StaffFieldError[] = [];
  const name = input.name?.trim();
  if (input.name != null && !name) problems.push(requiredField('name', STAFF_FIELD_LABELS.name));
  const rank = rankStep(input.rank, current.kind, input.rankEffectiveOn, context.today, problems);
  let position: StaffPosition | null = null;
  if (input.positionCode != null || input.position != null) {
    const p = staffPosition({
      positionCode: input.positionCode,
      title: input.position ?? current.position,
      catalogued: input.catalogued,
    });
    if (p.ok) position = p.value;
    else problems.push(p.error);
  }
  if (problems.length > 0) return err(problems);
  return ok({
    name: name || undefined,
    rank,
    newRankStep: !!rank && rank.label !== current.rank,
    position,
  });
}
