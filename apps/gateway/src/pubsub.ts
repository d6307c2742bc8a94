// In-process event bus for GraphQL subscriptions.
import { createPubSub } from 'graphql-yoga';

export type LayananEvents = {
  /** A notification was written for this account. */
  notificationAdded: [accountId: string, payload: { notificationId: string }];
};

export type LayananPubSub = ReturnType<typeof createPubSub<LayananEvents>>;

export function createLayananPubSub(): LayananPubSub {
  return createPubSub<LayananEvents>();
}
