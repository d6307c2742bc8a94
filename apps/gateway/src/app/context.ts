import type { PrismaClient } from '@layanan/db';
import type { WorkingCalendar } from '@layanan/domain/calendar';
import type { Logger } from 'pino';
import type { Identity } from '../modules/accounts/identity.js';
import type { EventBus } from '../platform/events.js';
import type { SmsSender } from '../platform/sms.js';
import type { BlobStore } from '../platform/storage/blob-store.js';
import type { GatewayConfig } from './config.js';
import type { LayananPubSub } from './pubsub.js';

export type Lang = 'id' | 'en';

export type GraphQLContext = {
  prisma: PrismaClient;
  identity: Identity;
  requestId: string;
  lang: Lang;
  log: Logger;
  config: GatewayConfig;
  /** Events for subscriptions: request updates and notifications. */
  pubsub: LayananPubSub;
  /** Cross-area events: handled after the change that records them commits. */
  events: EventBus;
  /** The working-day calendar, loaded at most once per request. */
  calendar(): Promise<WorkingCalendar>;
  /** Uploaded and issued files, content-addressed by SHA-256 (platform/storage). */
  storage: BlobStore;
  /** The SMS provider (platform/sms.ts); none by default. */
  sms?: SmsSender | null;
};

/** Indonesian unless the client asks for English first. */
export function languageOf(request: Request): Lang {
  const header = request.headers.get('accept-language')?.trim().toLowerCase() ?? '';
  return header.startsWith('en') ? 'en' : 'id';
}

export function actorOf(identity: Identity): { actorKind: string; actorId: string | null } {
  switch (identity.kind) {
    case 'anonymous':
      return { actorKind: 'ANONYMOUS', actorId: null };
    case 'account':
      return { actorKind: identity.role, actorId: identity.accountId };
    case 'system':
      return { actorKind: 'SYSTEM', actorId: identity.apiKeyId };
  }
}
