// Events for GraphQL subscriptions: request updates (issue 4) and notifications (issue 5).
// In-process by default; with REDIS_URL, Yoga's Redis event target so every gateway instance
// sees every event.
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub, type PubSub, type PubSubEvent } from 'graphql-yoga';
import { Redis } from 'ioredis';

export type RequestUpdateEvent = {
  requestId: string;
  trackingCode: string;
  unitId: string;
  citizenAccountId: string;
  state: string;
  version: number;
  at: string;
};

type Topics = {
  'request:updated': [RequestUpdateEvent];
  /** A notification was written for this account. */
  notificationAdded: [accountId: string, payload: { notificationId: string }];
  /** The account's sessions ended or its access changed: live subscriptions check it again. */
  'account:access-changed': [payload: { accountId: string }];
};
export type LayananPubSub = PubSub<Topics>;

export type PubSubHandle = { pubsub: LayananPubSub; close(): Promise<void> };

export function createLayananPubSub(redisUrl?: string): PubSubHandle {
  if (!redisUrl) {
    return { pubsub: createPubSub<Topics>(), close: async () => {} };
  }
  const publishClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const subscribeClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const eventTarget = createRedisEventTarget<PubSubEvent<Topics, keyof Topics>>({
    publishClient,
    subscribeClient,
  });
  return {
    pubsub: createPubSub<Topics>({ eventTarget }),
    close: async () => {
      await Promise.all([publishClient.quit(), subscribeClient.quit()]);
    },
  };
}
