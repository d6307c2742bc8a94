// Which area reacts to which event (platform/events.ts): one line per area that listens. The
// area that records an event does not import the areas that react to it.
import type { PrismaClient } from '@layanan/db';
import type { Logger } from 'pino';
import { onRequestCompleted } from '../modules/feedback/on-request-completed.js';
import { EventBus } from '../platform/events.js';
import type { LayananPubSub } from './pubsub.js';

export function createEventBus(deps: { prisma: PrismaClient; pubsub: LayananPubSub; log: Logger }): EventBus {
  const bus = new EventBus(deps);
  onRequestCompleted(bus);
  return bus;
}
