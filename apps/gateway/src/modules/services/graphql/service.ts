// The service catalogue: the Service type, the catalogue queries and the edit of an entry.

import type { Prisma } from '@layanan/db';
import { SERVICE_KINDS } from '@layanan/domain/services';
import type { GraphQLContext } from '../../../app/context.js';
import { builder } from '../../../graphql/builder.js';
import { commandInput } from '../../../graphql/command-fields.js';
import { filteredList } from '../../../graphql/connections.js';
import { entityPayload } from '../../../graphql/entity-payload.js';
import { NotFoundError, ValidationError } from '../../../graphql/errors.js';
import type { InputFields } from '../../../graphql/input-fields.js';
import { nodeVisibility } from '../../../graphql/node-visibility.js';
import { nodeId } from '../../../graphql/object-fields.js';
import { visibleServices } from '../access.js';
import { updateService } from '../commands/service-catalogue.js';

export const ServiceKindEnum = builder.enumType('ServiceKind', {
  description:
    'What a service is: REGISTRATION (civil records), PERMIT (licence applications), COMPLAINT (SP4N-LAPOR! complaints), INFORMATION_REQUEST (public information, UU 14/2008 KIP).',
  values: SERVICE_KINDS,
});

/** At most this many words of a catalogue search are used. */
const SEARCH_WORDS = 8;

/** Each word of `search` must appear (any case) in the name, description, code or unit short name. */
function searchWhere(search: string | null | undefined): Prisma.ServiceWhereInput[] {
  const words = (search ?? '').trim().split(/\s+/).filter(Boolean).slice(0, SEARCH_WORDS);
  // Prisma passes `contains` to (I)LIKE as is: its wildcards and escape are matched literally.
  return words
    .map((raw) => raw.replace(/[\\%_]/g, '\\$&'))
    .map((word) => ({
      OR: [
        { name: { contains: word, mode: 'insensitive' } },
        { description: { contains: word, mode: 'insensitive' } },
        { code: { contains: word, mode: 'insensitive' } },
        { unit: { shortName: { contains: word, mode: 'insensitive' } } },
      ],
    }));
}

function catalogueWhere(
  args: { unitCode?: string | null; kind?: Prisma.ServiceWhereInput['kind'] | null; search?: string | null },
  ctx: GraphQLContext,
): Prisma.ServiceWhereInput {
  return {
    AND: [
      visibleServices(ctx.identity),
      args.unitCode ? { unit: { code: args.unitCode.trim().toUpperCase() } } : {},
      args.kind ? { kind: args.kind } : {},
      ...searchWhere(args.search),
    ],
  };
}

const ServiceRef = builder.prismaNode('Service', {
  id: nodeId,
  description: 'An electronic public service in the catalogue, with its published standard.',
  fields: (t) => ({
    code: t.exposeString('code', {
      description: 'Catalogue code: upper-case letters, digits and dashes (e.g. SIUP-MIKRO).',
    }),
    name: t.exposeString('name', { description: 'Name shown in the catalogue (Indonesian).' }),
    nameEn: t.string({
      nullable: true,
      select: { currentVersion: { select: { nameEn: true } } },
      description:
        'The name in English, from the current version; null without one. Apps in English show it instead of `name`.',
      resolve: (s) => s.currentVersion?.nameEn ?? null,
    }),
    description: t.exposeString('description', { description: 'What the service is for.' }),
    kind: t.expose('kind', { type: ServiceKindEnum, description: 'What kind of service it is.' }),
    completionDays: t.exposeInt('completionDays', {
      description:
        'Completion time of the current standard, in working days from the file being complete (verified), not from filing (UU 25/2009); standardTime says both parts in words.',
    }),
    costIdr: t.exposeInt('costIdr', { description: 'Cost in rupiah; 0 means free of charge.' }),
    published: t.exposeBoolean('published', {
      description:
        'Whether citizens see it and may file requests; unpublished services are visible to staff only.',
    }),
    openData: t.exposeBoolean('openData', {
      description:
        'Whether its requests are in the open `requests` dataset (/open-data/requests.csv|json: service, unit, kecamatan, channel, day, state, working days, within standard; never text or attributes). Set by the catalogue editor; the survey and accountability aggregates cover every service regardless.',
    }),
    publicReport: t.exposeBoolean('publicReport', {
      description:
        'Whether it is a public report (issue 17 item 6; a public place such as a road, a street light or a drain): the description staff published for a request (publishServiceRequestDescription, personal data taken out) and its location are shown to everyone in public Open311 GETs. Off for personal services (civil registration, permits), whose requests stay private.',
    }),
    unit: t.relation('unit', { description: 'The unit that provides the service.' }),
    updatedAt: t.expose('updatedAt', {
      type: 'DateTime',
      description: 'Last change of the catalogue entry.',
    }),
  }),
});

// Unpublished services: the owning unit's staff and admins only, as in `services` and `service`.
nodeVisibility(ServiceRef, visibleServices);

builder.queryFields((t) => ({
  services: t.prismaConnection({
    type: 'Service',
    cursor: 'id',
    description: 'The service catalogue, by code; filter by unit, kind or search words.',
    args: {
      unitCode: t.arg.string({ description: 'Only services of this unit code (case-insensitive).' }),
      search: t.arg.string({
        description:
          'Search words (the first 8 used): each must appear, in any case, in the name, description, code or unit short name.',
      }),
      kind: t.arg({ type: ServiceKindEnum, description: 'Only services of this kind.' }),
    },
    ...filteredList((ctx) => ctx.prisma.service, catalogueWhere, { code: 'asc' }),
  }),
  service: t.prismaField({
    type: 'Service',
    nullable: true,
    description: 'One service by code; null when unknown or not visible to the caller (unpublished).',
    args: { code: t.arg.string({ required: true, description: 'Service code (case-insensitive).' }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.service.findFirst({
        ...query,
        where: { AND: [visibleServices(ctx.identity), { code: args.code.trim().toUpperCase() }] },
      }),
  }),
}));

/** The service a catalogue change is for (updateService, proposeServiceChange). */
export const serviceCodeField = (t: InputFields) =>
  t.string({ required: true, description: 'Code of the service; an unknown code gives NotFoundError.' });

const UpdateServiceInput = builder.inputType('UpdateServiceInput', {
  description: 'Changes to a catalogue entry; fields left out keep their value.',
  fields: (t) => ({
    code: serviceCodeField(t),
    name: t.string({ description: 'New name.' }),
    description: t.string({ description: 'New description.' }),
    completionDays: t.int({
      description:
        'New completion time in working days (UU 25/2009 standard); at least 1. Part of the standard: it becomes a pending proposal (pendingChange) and takes effect only when a second person approves it.',
    }),
    costIdr: t.int({
      description:
        'New cost in rupiah; 0 for free, never negative. Part of the standard: it becomes a pending proposal (pendingChange) like completionDays.',
    }),
    published: t.boolean({ description: 'Show or hide the service in the public catalogue.' }),
    openData: t.boolean({
      description:
        'Publish or withdraw its requests in the open `requests` dataset (takes effect at once; only published services are ever in it).',
    }),
    publicReport: t.boolean({
      description:
        'Mark it a public report or not (takes effect at once): descriptions staff published and locations of its requests are shown in public Open311 GETs; off again hides them.',
    }),
  }),
});

const UpdateServicePayload = entityPayload('UpdateServicePayload', 'The catalogue entry after the change.', {
  service: {
    type: ServiceRef,
    id: 'serviceId',
    idDescription: 'Database id of the service.',
    description: 'The service as it is now (a changed completion time or cost is not in it until approved).',
  },
});

builder.objectFields(UpdateServicePayload, (t) => ({
  pendingChange: t.prismaField({
    type: 'ServiceChange',
    nullable: true,
    description:
      'The proposal the changed completion time or cost became, PENDING until a second person decides it (decideServiceChange); null when neither changed.',
    resolve: (query, payload, _args, ctx) => {
      const id = (payload as { pendingChangeId?: string | null }).pendingChangeId;
      return id ? ctx.prisma.serviceChange.findUnique({ ...query, where: { id } }) : null;
    },
  }),
}));

builder.mutationField('updateService', (t) =>
  t.field({
    type: UpdateServicePayload,
    description:
      'Change a catalogue entry. Name, description, publication and openData take effect at once; a new completion time or cost is part of the service standard and becomes a pending proposal (pendingChange) that a second person — a supervisor of the owning unit or an admin, not the proposer — approves with decideServiceChange (four eyes, issue 15 kind 7). Admins, or supervisors of the owning unit.',
    authScopes: { admin: true, supervisor: true },
    errors: { types: [ValidationError, NotFoundError] },
    ...commandInput(t, UpdateServiceInput, 'Which service, and what changes.', updateService),
  }),
);
