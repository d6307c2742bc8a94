// Live request updates (issue 4): the owner follows a request by tracking code, staff follow
// their unit. Events come from the gateway's pubsub (in-process, or Redis with REDIS_URL).
import { REQUEST_ERROR_MESSAGES } from '@layanan/domain/services';
import { GraphQLError } from 'graphql';
import { filter, pipe } from 'graphql-yoga';
import type { RequestUpdateEvent } from '../../../app/pubsub.js';
import { builder } from '../../../graphql/builder.js';
import { unauthenticated } from '../../../platform/authz.js';
import { visibleRequests } from '../access.js';
import { normalizedCode } from '../queries/tracking-code.js';
import { RequestStateEnum } from './service-request.js';

const RequestUpdateRef = builder.objectRef<RequestUpdateEvent>('RequestUpdate').implement({
  description: 'A request changed: its new state and version. Query the request for details.',
  fields: (t) => ({
    trackingCode: t.exposeString('trackingCode', {
      description: 'Tracking code of the request that changed.',
    }),
    state: t.field({
      type: RequestStateEnum,
      description: 'Its state after the change.',
      resolve: (e) => e.state as never,
    }),
    version: t.exposeInt('version', {
      description: 'Its version after the change (ServiceRequest.version).',
    }),
    at: t.field({
      type: 'DateTime',
      description: 'When the change was made.',
      resolve: (e) => new Date(e.at),
    }),
  }),
});

const notVisible = () => {
  const m = REQUEST_ERROR_MESSAGES.REQUEST_NOT_VISIBLE;
  return new GraphQLError(`${m.id} / ${m.en}`, { extensions: { code: 'FORBIDDEN' } });
};

builder.subscriptionFields((t) => ({
  requestUpdated: t.field({
    type: RequestUpdateRef,
    description:
      "Updates of one request: its owner's, or one of the caller's unit. Any other code fails at subscribe time with REQUEST_NOT_VISIBLE (FORBIDDEN); a caller not signed in gets UNAUTHENTICATED.",
    args: {
      trackingCode: t.arg.string({ required: true, description: 'Tracking code (case-insensitive).' }),
    },
    subscribe: async (_root, args, ctx) => {
      // Only an account sees a request's updates: not signed in is "sign in to …".
      if (ctx.identity.kind === 'anonymous') throw unauthenticated();
      const code = normalizedCode(args.trackingCode);
      if (!code) throw notVisible();
      const visible = await ctx.prisma.serviceRequest.findFirst({
        where: { AND: [visibleRequests(ctx.identity), { trackingCode: code }] },
        select: { id: true },
      });
      if (!visible) throw notVisible();
      return pipe(
        ctx.pubsub.subscribe('request:updated'),
        filter((e: RequestUpdateEvent) => e.trackingCode === code),
      );
    },
    resolve: (event) => event,
  }),
  unitRequestUpdates: t.field({
    type: RequestUpdateRef,
    description: "Updates of every request of a unit, for that unit's staff (and admins).",
    args: {
      unitId: t.arg.id({
        required: true,
        description:
          'The unit’s id as `me { unit { id } }` returns it; staff of that unit or admins only, others are refused.',
      }),
    },
    authScopes: (_root, args) => ({ admin: true, unitStaff: String(args.unitId) }),
    subscribe: (_root, args, ctx) =>
      pipe(
        ctx.pubsub.subscribe('request:updated'),
        filter((e: RequestUpdateEvent) => e.unitId === String(args.unitId)),
      ),
    resolve: (event) => event,
  }),
}));
