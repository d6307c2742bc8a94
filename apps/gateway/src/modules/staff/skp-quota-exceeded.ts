// SKP_QUOTA_EXCEEDED as a typed failure that names the excess, so the supervisor can decide
// whom to revise. Built from the domain error's details; the message comes from the domain.
import type { DomainError } from '@layanan/domain';
import { skpQuotaExcess, skpQuotaExcessMessage } from '@layanan/domain/staff';
import { LayananError } from '../../graphql/errors.js';

export class SkpQuotaExceededError extends LayananError {
  constructor(
    code: string,
    message: { id: string; en: string },
    readonly allowed: number,
    readonly actual: number,
    readonly excess: number,
    readonly holders: readonly { id: string; name: string }[],
  ) {
    super(code, message.id, message.en);
    this.name = 'SkpQuotaExceededError';
  }

  /** From `SKP_QUOTA_EXCEEDED` and the names of the people it lists (by id). */
  static fromDomain(error: DomainError<string>, names: ReadonlyMap<string, string>): SkpQuotaExceededError {
    const excess = skpQuotaExcess(error);
    if (!excess) throw new RangeError(`Not a quota excess: ${error.code}`);
    const holders = excess.personIds.map((id) => ({ id, name: names.get(id) ?? id }));
    return new SkpQuotaExceededError(
      error.code,
      skpQuotaExcessMessage(
        excess,
        holders.map((h) => h.name),
      ),
      excess.allowed,
      excess.actual,
      excess.excess,
      holders,
    );
  }
}
