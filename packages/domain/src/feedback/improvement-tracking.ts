import type { Day } from '../calendar/day.js';
import type { FieldError } from '../errors.js';
import {
  applyProgressUpdate,
  type CommitmentError,
  type CommitmentStatus,
  commitmentTransition,
  isCommitmentOverdue,
  type ProgressUpdate,
} from '../forums/commitment.js';
import { err, ok, type Result } from '../result.js';
import type { ImprovementActionStatus } from './improvement.js';

/*
 * Tracking an improvement action to its end. Actions follow the life cycle of forum commitments
 * (their OPEN is the commitments' PLANNED): dated progress updates with a note move the status
 * (above 0 % in progress, 100 % done), only CANCELLED is set directly (with a reason), and a done
 * or cancelled action is closed. The day it reached 100 % is its done date.
 */

const toCommitment = (s: ImprovementActionStatus): CommitmentStatus => (s === 'OPEN' ? 'PLANNED' : s);
const fromCommitment = (s: CommitmentStatus): ImprovementActionStatus => (s === 'PLANNED' ? 'OPEN' : s);

export type TrackedImprovementAction = {
  readonly status: ImprovementActionStatus;
  /** Percent, 0–100. */
  readonly progress: number;
  readonly dueOn: string;
  /** The date of the newest update, if any: a new update may not be dated before it. */
  readonly lastUpdateOn?: string;
};

/** A progress update as for commitments (`ProgressUpdate`), where progress may be left out to cancel. */
export type ImprovementActionUpdate = Omit<ProgressUpdate, 'progress'> & {
  /** Only CANCELLED may be given; otherwise the status follows the progress. */
  readonly status?: ImprovementActionStatus | null;
  /** Percent 0–100; required unless cancelling. */
  readonly progress?: number | null;
};

export type ImprovementActionChange = {
  readonly status: ImprovementActionStatus;
  readonly progress: number;
  /** The update's date when the action is done, otherwise null. */
  readonly doneOn: string | null;
  /** The public reason when the update lowers the progress, else null. */
  readonly decreaseReason: string | null;
};

/** An update's problem and the input field it is about (`status`, `progress`, `note`, `date`, `id`). */
export type ImprovementUpdateError = (CommitmentError | FieldError) & { readonly field: string };

const FIELD_OF_CODE: Readonly<Record<string, string>> = {
  COMMITMENT_PROGRESS_INVALID: 'progress',
  COMMITMENT_UPDATE_NOTE_REQUIRED: 'note',
  COMMITMENT_UPDATE_DATE_INVALID: 'date',
  COMMITMENT_PROGRESS_DECREASE_REASON_REQUIRED: 'decreaseReason',
};

/**
 * The status, progress and done date after an update (`applyProgressUpdate` and
 * `commitmentTransition` of the forums' commitments). Errors: `COMMITMENT_CLOSED` (on `id` for a
 * progress update, on `status` for a cancellation), `COMMITMENT_CANCEL_REASON_REQUIRED`,
 * `COMMITMENT_PROGRESS_INVALID`, `COMMITMENT_UPDATE_NOTE_REQUIRED`, `COMMITMENT_UPDATE_DATE_INVALID`,
 * `COMMITMENT_PROGRESS_DECREASE_REASON_REQUIRED` (on `decreaseReason`: progress may go down only
 * with a public reason), and `NOT_ALLOWED` on `status` for any status other than CANCELLED.
 */
export function applyImprovementActionUpdate(
  action: TrackedImprovementAction,
  update: ImprovementActionUpdate,
  options: { readonly today: Day },
): Result<ImprovementActionChange, ImprovementUpdateError> {
  const current = toCommitment(action.status);
  if (update.status === 'CANCELLED') {
    const change = commitmentTransition(current, 'CANCELLED', update.note);
    // The cancellation reason is the update's note.
    if (!change.ok) return err({ ...change.error, field: 'field' in change.error ? 'note' : 'status' });
    return ok({ status: 'CANCELLED', progress: action.progress, doneOn: null, decreaseReason: null });
  }
  if (update.status) {
    return err({
      field: 'status',
      code: 'NOT_ALLOWED',
      message: {
        id: 'Status mengikuti kemajuan; hanya CANCELLED yang dapat diatur langsung',
        en: 'The status follows the progress; only CANCELLED can be set directly',
      },
      details: { status: update.status },
    });
  }
  const applied = applyProgressUpdate(
    {
      status: current,
      progress: action.progress,
      dueDate: action.dueOn,
      ...(action.lastUpdateOn !== undefined ? { lastUpdateOn: action.lastUpdateOn } : {}),
    },
    {
      progress: update.progress ?? Number.NaN,
      note: update.note,
      date: update.date,
      decreaseReason: update.decreaseReason ?? null,
    },
    options,
  );
  if (!applied.ok) {
    if ('field' in applied.error) return err(applied.error);
    return err({ ...applied.error, field: FIELD_OF_CODE[applied.error.code] ?? 'id' });
  }
  const status = fromCommitment(applied.value.status);
  return ok({
    status,
    progress: applied.value.progress,
    doneOn: status === 'DONE' ? update.date : null,
    decreaseReason: applied.value.decreaseReason,
  });
}

/** Overdue: neither done nor cancelled, and its due day (WIB) has passed. */
export function isImprovementActionOverdue(
  action: { readonly status: ImprovementActionStatus; readonly dueOn: string },
  today: Day,
): boolean {
  return isCommitmentOverdue({ status: toCommitment(action.status), dueDate: action.dueOn }, today);
}

/**
 * An action is handed only to an active staff member of its unit. `staff`: the chosen staff
 * record, null when there is none. Null when allowed, else `NOT_ALLOWED` on `ownerStaffId`.
 */
export function improvementOwnerProblem(
  staff: { readonly active: boolean; readonly unitId: string } | null,
  actionUnitId: string,
): FieldError | null {
  if (staff?.active && staff.unitId === actionUnitId) return null;
  return {
    field: 'ownerStaffId',
    code: 'NOT_ALLOWED',
    message: {
      id: 'Penanggung jawab harus pegawai aktif unit ini',
      en: 'The owner must be an active staff member of the unit',
    },
  };
}

/** A competency code that is not in the register, on its position in `competencyCodes`. */
export type UnknownCompetencyError = {
  readonly field: string;
  readonly code: 'NOT_FOUND';
  readonly message: { readonly id: string; readonly en: string };
  readonly details: { readonly competency: string };
};

/**
 * The competencies an SKM element depends on, as an admin sets them: codes trimmed and
 * upper-cased, each once (first position kept); every code not in `known` is an error on
 * `competencyCodes.<i>`, i its position in the cleaned list.
 */
export function skmCompetencyMapping(
  codes: readonly string[],
  known: ReadonlySet<string>,
): Result<string[], readonly UnknownCompetencyError[]> {
  const cleaned = competencyCodesOf(codes);
  const missing = cleaned.flatMap((code, i) =>
    known.has(code)
      ? []
      : [
          {
            field: `competencyCodes[${i}]`,
            code: 'NOT_FOUND' as const,
            message: { id: `Kompetensi ${code} tidak ditemukan`, en: `Competency ${code} was not found` },
            details: { competency: code },
          },
        ],
  );
  return missing.length > 0 ? err(missing) : ok(cleaned);
}

/** The codes of a mapping request, cleaned as `skmCompetencyMapping` cleans them (to look them up). */
export function competencyCodesOf(codes: readonly string[]): string[] {
  return [...new Set(codes.map((c) => c.trim().toUpperCase()))];
}
