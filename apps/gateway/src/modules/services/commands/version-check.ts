// Checking a version as the admin gives it: the competency looked up by code, then every rule of
// the domain's checkServiceVersion at once (createService, proposeServiceChange).
import { checkServiceVersion, type ServiceVersionDraft } from '@layanan/domain/services';
import { validationFailed } from '../../../graphql/failures.js';
import type { TransactionClient } from '../../../platform/audited.js';

/** A version as the admin gives it; the competency by code. */
export type VersionInput = Omit<ServiceVersionDraft, 'requiredCompetency'>;

/** Looks up the required competency, then checks the whole version in the domain. */
export async function checkVersion(tx: TransactionClient, draft: VersionInput) {
  const competency = draft.requiredCompetencyCode
    ? await tx.competency.findUnique({ where: { code: draft.requiredCompetencyCode } })
    : null;
  const checked = checkServiceVersion({ ...draft, requiredCompetency: competency });
  if (!checked.ok) throw validationFailed(checked.error.fields);
  return checked.value;
}

/** Fields left out (undefined) are copied from the current version. */
export type PublishVersionInput = {
  code: string;
  note: string;
  nameId?: string | null;
  nameEn?: string | null;
  standard?: Record<string, unknown> | null;
  attributes?: unknown[] | null;
  /** undefined: keep the current competency; null or '': none. */
  requiredCompetencyCode?: string | null;
  requiredLevel?: number | null;
  /** The requirements as document slots; undefined/null: keep the current ones. */
  documentSlots?: unknown[] | null;
};

export const asObject = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
