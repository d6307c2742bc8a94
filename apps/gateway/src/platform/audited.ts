// Every mutation writes one audit entry in the same transaction as its change (STYLE.md 7).
import type { Prisma, PrismaClient } from '@layanan/db';
import { actorOf } from '../app/context.js';
import type { AuditScope } from './command.js';

export type TransactionClient = Omit<
  PrismaClient,
  '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'
>;

export type AuditedChange<T> = {
  result: T;
  entityId: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
};

// Personal data never goes into the audit log (it is readable by admins and exported).
const REDACTED_KEYS = new Set(['nip', 'email', 'phone', 'passwordHash', 'secretHash', 'birthDate']);

export function auditSummary(
  row: Record<string, unknown> | null | undefined,
): Prisma.InputJsonValue | undefined {
  if (!row) return undefined;
  const out: Record<string, Prisma.InputJsonValue | null> = {};
  for (const [key, value] of Object.entries(row)) {
    if (REDACTED_KEYS.has(key)) out[key] = value == null ? null : '[redacted]';
    else if (value instanceof Date) out[key] = value.toISOString();
    else if (value === undefined) continue;
    else out[key] = value as Prisma.InputJsonValue | null;
  }
  return out;
}

/** Runs `change` in a transaction and writes its audit entry in the same transaction. `scope` is
 * the GraphQL context or a command's `auditScope(deps, caller)`. */
export async function audited<T>(
  ctx: AuditScope,
  meta: { action: string; entityType: string },
  change: (tx: TransactionClient) => Promise<AuditedChange<T>>,
): Promise<T> {
  return ctx.prisma.$transaction(async (tx) => {
    const outcome = await change(tx);
    await tx.auditEntry.create({
      data: {
        ...actorOf(ctx.identity),
        action: meta.action,
        entityType: meta.entityType,
        entityId: outcome.entityId,
        before: auditSummary(outcome.before),
        after: auditSummary(outcome.after),
        // Empty for an anonymous complaint's changes: its request id is not kept (issue 20).
        requestId: ctx.requestId || null,
      },
    });
    return outcome.result;
  });
}
