// Four eyes on the service standard (issue 15 kind 7): a change of what a service promises the
// citizen — its standard (UU 25/2009 art. 21: completion time, cost, requirements and the other
// components), the fields a citizen fills in, its name or the competency its handlers need — is
// a proposal first. It takes effect, as a new version, only when a second person approves it
// with a reason: a supervisor of the unit that owns the service (its head) or an admin, never
// the proposer. A proposal is decided once, and only while the version it was made on is still
// the current one (otherwise approving it would silently undo what was published since).
import {
  type DomainError,
  errorFactory,
  type InvalidInputError,
  invalidInputError,
  type Message,
} from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { checkTextLength } from '../text-limits.js';
import { SERVICE_CHANGE_ERROR_MESSAGES } from './messages.js';
import {
  SERVICE_STANDARD_COMPONENT_CODES,
  SERVICE_STANDARD_COMPONENTS,
  type ServiceStandardComponent,
} from './service-standard.js';

const changeError = errorFactory(SERVICE_CHANGE_ERROR_MESSAGES);

/** A proposal's life: PENDING until a second person approves or rejects it, then final. */
export const SERVICE_CHANGE_STATES = ['PENDING', 'APPROVED', 'REJECTED'] as const;
export type ServiceChangeState = (typeof SERVICE_CHANGE_STATES)[number];

/**
 * The parts of a published version a change can touch: each of the 14 standard components by its
 * code, and the version's other citizen-facing parts. All of them need a second person.
 */
export type ServiceChangePart =
  | ServiceStandardComponent
  | 'NAME'
  | 'ATTRIBUTES'
  | 'COMPETENCY'
  | 'DOCUMENT_SLOTS';

const OTHER_PART_LABELS: Readonly<Record<Exclude<ServiceChangePart, ServiceStandardComponent>, Message>> = {
  NAME: { id: 'Nama layanan', en: 'Service name' },
  ATTRIBUTES: { id: 'Isian formulir permohonan', en: 'Request form fields' },
  COMPETENCY: { id: 'Kompetensi yang dibutuhkan petugas', en: 'Competency staff need' },
  DOCUMENT_SLOTS: {
    id: 'Dokumen persyaratan (unggahan pemohon)',
    en: 'Required documents (applicant uploads)',
  },
};

/**
 * The label people see for a changed part (`REQUIREMENTS` → Persyaratan / Requirements): a
 * standard component by its name in UU 25/2009 art. 21, the other parts by the service form's
 * wording. An unknown code (a newer gateway) is returned as it is, never dropped.
 */
export function serviceChangePartLabel(part: string): Message {
  const component = SERVICE_STANDARD_COMPONENTS.find((c) => c.code === part);
  if (component) return component.label;
  return OTHER_PART_LABELS[part as keyof typeof OTHER_PART_LABELS] ?? { id: part, en: part };
}

/** What the parts are compared on: a version as stored (standard and attributes as JSON). */
export type ServiceVersionContent = {
  readonly nameId: string;
  readonly nameEn: string;
  readonly standard: Readonly<Record<string, unknown>>;
  readonly attributes: readonly unknown[];
  readonly requiredCompetencyId: string | null;
  readonly requiredLevel: number | null;
  /** The requirements as document slots (document-slots.ts); absent = none. */
  readonly documentSlots?: readonly unknown[];
};

/** JSON equality that ignores the order of object keys (JSONB does not keep it). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => sameJson(x, b[i]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
    const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
    if (ka.length !== kb.length) return false;
    return ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return false;
}

/**
 * The parts in which `proposed` differs from `current` (null: a service without a version yet,
 * where everything is new), standard components in the law's order, then NAME, ATTRIBUTES,
 * COMPETENCY, DOCUMENT_SLOTS.
 */
export function changedServiceParts(
  current: ServiceVersionContent | null,
  proposed: ServiceVersionContent,
): ServiceChangePart[] {
  const parts: ServiceChangePart[] = SERVICE_STANDARD_COMPONENT_CODES.filter(
    (c) => !sameJson(current?.standard[c], proposed.standard[c]),
  );
  if (current?.nameId !== proposed.nameId || current?.nameEn !== proposed.nameEn) parts.push('NAME');
  if (!sameJson(current?.attributes, proposed.attributes)) parts.push('ATTRIBUTES');
  if (
    current?.requiredCompetencyId !== proposed.requiredCompetencyId ||
    current?.requiredLevel !== proposed.requiredLevel
  )
    parts.push('COMPETENCY');
  if (!sameJson(current?.documentSlots ?? [], proposed.documentSlots ?? [])) parts.push('DOCUMENT_SLOTS');
  return parts;
}

/**
 * A proposal of a new version: the parts it changes, or `SERVICE_CHANGE_EMPTY` when it changes
 * nothing (a no-op would only fill the deciders' queue).
 */
export function checkServiceChangeProposal(
  current: ServiceVersionContent | null,
  proposed: ServiceVersionContent,
): Result<{ readonly parts: readonly ServiceChangePart[] }, DomainError<'SERVICE_CHANGE_EMPTY'>> {
  const parts = changedServiceParts(current, proposed);
  return parts.length === 0 ? err(changeError('SERVICE_CHANGE_EMPTY')) : ok({ parts });
}

/** Longest decision reason, in characters as a reader counts them (`textLength`). */
export const SERVICE_CHANGE_REASON_MAX = 1000;

/** Who decides: an account's role, unit and whether it supervises the service's unit. */
export type ServiceChangeDecider = {
  readonly accountId: string;
  readonly role: 'ADMIN' | 'SUPERVISOR' | 'STAFF' | 'CITIZEN';
  /** Whether the decider heads the owning unit (a supervisor of its unit tree, `managesUnit`). */
  readonly managesUnit: boolean;
};

export type ServiceChangeDecisionError =
  | DomainError<
      | 'SERVICE_CHANGE_OWN_PROPOSAL'
      | 'SERVICE_CHANGE_NOT_DECIDER'
      | 'SERVICE_CHANGE_ALREADY_DECIDED'
      | 'SERVICE_CHANGE_STALE'
    >
  | InvalidInputError<'SERVICE_CHANGE_REASON_INVALID'>;

export type ServiceChangeDecision = {
  readonly state: Exclude<ServiceChangeState, 'PENDING'>;
  /** Trimmed. */
  readonly reason: string;
};

/**
 * The decision on a proposal, checked in this order: the decider heads the owning unit or is an
 * admin (`SERVICE_CHANGE_NOT_DECIDER`), is not the proposer (`SERVICE_CHANGE_OWN_PROPOSAL`), the
 * proposal is still PENDING (`SERVICE_CHANGE_ALREADY_DECIDED`), a reason of 1–1000 characters is
 * given (`SERVICE_CHANGE_REASON_INVALID` with the `reason` field error), and — for an approval —
 * the service's current version is still the proposal's base (`SERVICE_CHANGE_STALE`; a rejection
 * of a stale proposal is allowed, it changes nothing).
 */
export function checkServiceChangeDecision(input: {
  readonly decider: ServiceChangeDecider;
  readonly change: {
    readonly state: ServiceChangeState;
    readonly proposedByAccountId: string;
    readonly baseVersionId: string | null;
  };
  readonly currentVersionId: string | null;
  readonly approve: boolean;
  readonly reason: string;
}): Result<ServiceChangeDecision, ServiceChangeDecisionError> {
  const { decider, change } = input;
  if (decider.role !== 'ADMIN' && !(decider.role === 'SUPERVISOR' && decider.managesUnit))
    return err(changeError('SERVICE_CHANGE_NOT_DECIDER'));
  if (decider.accountId === change.proposedByAccountId)
    return err(changeError('SERVICE_CHANGE_OWN_PROPOSAL'));
  if (change.state !== 'PENDING')
    return err(changeError('SERVICE_CHANGE_ALREADY_DECIDED', { state: change.state }));
  const reason = checkTextLength('reason', input.reason, { max: SERVICE_CHANGE_REASON_MAX });
  if (!reason.ok)
    return err(
      invalidInputError('SERVICE_CHANGE_REASON_INVALID', SERVICE_CHANGE_ERROR_MESSAGES, [reason.error]),
    );
  if (input.approve && change.baseVersionId !== input.currentVersionId)
    return err(
      changeError('SERVICE_CHANGE_STALE', {
        baseVersionId: change.baseVersionId,
        currentVersionId: input.currentVersionId,
      }),
    );
  return ok({ state: input.approve ? 'APPROVED' : 'REJECTED', reason: reason.value });
}
