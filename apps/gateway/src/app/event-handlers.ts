// Which area reacts to which event (platform/events.ts): one line per area that listens. The
// area that records an event does not import the areas that react to it.
import type { PrismaClient } from '@layanan/db';
import type { Logger } from 'pino';
import { onRegistrationAttempted } from '../modules/accounts/on-registration-attempted.js';
import { type DocumentDeps, onRequestCompletedIssueDocument } from '../modules/documents/issue-document.js';
import { onRequestCompleted } from '../modules/feedback/on-request-completed.js';
import { onRequestChanged } from '../modules/services/on-request-changed.js';
import { EventBus } from '../platform/events.js';
import type { MailSettings } from '../platform/mail/outbox.js';
import type { ComplaintPolicy } from './config.js';
import type { LayananPubSub } from './pubsub.js';

export function createEventBus(deps: {
  prisma: PrismaClient;
  pubsub: LayananPubSub;
  log: Logger;
  /** Where links in e-mail point and how unsubscribe links are signed. */
  mail: MailSettings;
  /** Where issued documents go, the key that signs them, the base of their verification links. */
  documents: DocumentDeps;
  /** A complaint's answer window, named in the notices of its outcome (10 working days if absent). */
  complaints?: Pick<ComplaintPolicy, 'answerWorkingDays'>;
}): EventBus {
  const bus = new EventBus(deps);
  onRegistrationAttempted(bus, deps.mail);
  onRequestChanged(bus, deps.mail, deps.complaints);
  onRequestCompleted(bus, deps.mail, deps.complaints);
  onRequestCompletedIssueDocument(bus, deps.documents);
  return bus;
}
