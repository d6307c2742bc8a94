// Where a request is about (request_location): the latitude and longitude its reporter gave
// (typed, or from the device with "Pakai lokasi saya"; also for an anonymous complaint), and the
// address an Open311 client sent. Shown to whoever may read the request — the handling unit goes
// there — and never on public views (the public sees only the rounded distance in
// similarComplaints, or what staff published for a public report). Erased with the request's
// other personal data (docs/personal-data.md).
import type { RequestLocation } from '@layanan/db';
import DataLoader from 'dataloader';
import type { GraphQLContext } from '../../../app/context.js';
import { builder } from '../../../graphql/builder.js';

type Place = Pick<RequestLocation, 'lat' | 'long' | 'addressString'>;

const placeLoaders = new WeakMap<GraphQLContext, DataLoader<string, Place | null>>();

/** The place of request `id`, read once per GraphQL request for all the requests it lists. */
function placeOf(ctx: GraphQLContext, id: string): Promise<Place | null> {
  let loader = placeLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader<string, Place | null>(async (ids) => {
      const rows = await ctx.prisma.requestLocation.findMany({
        where: { requestId: { in: [...ids] } },
        select: { requestId: true, lat: true, long: true, addressString: true },
      });
      const byId = new Map(rows.map((r) => [r.requestId, r]));
      return ids.map((i) => byId.get(i) ?? null);
    });
    placeLoaders.set(ctx, loader);
  }
  return loader.load(id);
}

const RequestPlaceRef = builder.objectRef<Place>('RequestPlace').implement({
  description:
    'Where a request is about, as its reporter or the Open311 client gave it (WGS 84 degrees; no address lookup is made).',
  fields: (t) => ({
    latitude: t.float({
      nullable: true,
      description: 'Latitude in WGS 84 degrees (−90…90); null when only an address was given.',
      resolve: (p) => p.lat,
    }),
    longitude: t.float({
      nullable: true,
      description: 'Longitude in WGS 84 degrees (−180…180); null when only an address was given.',
      resolve: (p) => p.long,
    }),
    address: t.string({
      nullable: true,
      description: 'The address text an Open311 client sent (`address_string`), as sent.',
      resolve: (p) => p.addressString,
    }),
  }),
});

builder.prismaObjectFields('ServiceRequest', (t) => ({
  place: t.field({
    type: RequestPlaceRef,
    nullable: true,
    description:
      'Where the request is about, for whoever may read the request (the reporter, the handling unit, the levels of the escalation ladder, admins); null when no place was given or after its personal data was erased. Public views never show it.',
    resolve: async (request, _args, ctx) => {
      const place = await placeOf(ctx, request.id);
      if (!place || (place.lat === null && place.long === null && !place.addressString)) return null;
      return place;
    },
  }),
}));
