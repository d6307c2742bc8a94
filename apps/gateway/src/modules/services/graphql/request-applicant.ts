import type { Prisma } from '@layanan/db';
import { shownErased } from '@layanan/domain/accounts';
import {
  ANONYMOUS_REPORTER_NAME,
  isIdentifyingAttribute,
  type ReporterVisibility,
  reporterVisibility,
  type ServiceAttribute,
  valuesForViewer,
} from '@layanan/domain/services';
import type { GraphQLResolveInfo } from 'graphql';
import type { GraphQLContext } from '../../../app/context.js';
import { builder } from '../../../graphql/builder.js';
import { recordIdentityView } from '../../accounts/identity-views.js';
import { viewerOfReporter } from '../commands/complaint-managers.js';

/** How a reporter without an account who gave no name is shown (issue 17). */
const UNREGISTERED_REPORTER_NAME = { id: 'Pelapor tanpa akun', en: 'Reporter without an account' } as const;

type ReporterOf = {
  id: string;
  unitId: string;
  citizenAccountId: string;
  reporterPrivacy: 'IDENTIFIED' | 'CONFIDENTIAL' | 'ANONYMOUS';
};
const reporterSelect = { id: true, unitId: true, citizenAccountId: true, reporterPrivacy: true } as const;

/**
 * What the caller may see of the request's reporter (the domain's reporterVisibility): an
 * identified reporter as before; a confidential one only by the reporter and the unit's
 * complaint managers — whose every view is recorded (identity_view, CONFIDENTIAL_REPORTER) —
 * and a pseudonym for everyone else; an anonymous one by nobody.
 */
async function reporterShown(
  request: ReporterOf,
  ctx: GraphQLContext,
  info: GraphQLResolveInfo,
): Promise<ReporterVisibility['show'] | 'IDENTIFIED'> {
  if (request.reporterPrivacy === 'IDENTIFIED') return 'IDENTIFIED';
  const viewer = await viewerOfReporter(ctx.prisma, ctx.identity, request);
  const visibility = reporterVisibility(request.reporterPrivacy, viewer);
  if (visibility.audited) {
    await recordIdentityView(ctx, info, {
      subjectAccountId: request.citizenAccountId,
      what: 'CONFIDENTIAL_REPORTER',
      requestId: request.id,
    });
  }
  return visibility.show;
}

// The applicant's contact details, for the handling unit to reach them (UU 25/2009 art. 18: the
// citizen is told of the service's progress). ServiceRequest itself is shown only to its owner,
// the staff of its unit and admins, so these are too; never in the public status or Open311.
const RequestApplicantRef = builder.prismaObject('Account', {
  variant: 'RequestApplicant',
  description:
    'Who filed the request (or for whom counter staff filed it), with the contact details the handling unit needs to reach them.',
  fields: (t) => ({
    displayName: t.string({
      description:
        'The name the applicant registered with; after erasure a placeholder in the caller’s language.',
      resolve: (a, _args, ctx) => shownErased(a.displayName, ctx.lang),
    }),
    email: t.exposeString('email', {
      nullable: true,
      description: 'E-mail address; null when none was given.',
    }),
    phone: t.exposeString('phone', {
      nullable: true,
      description: 'Mobile number as registered (e.g. 0812…); null when none was given.',
    }),
  }),
});

// A staff member's look at one request's applicant is recorded (accounts/identity-views.ts); the
// same field inside a list is not.
builder.prismaObjectField('ServiceRequest', 'applicant', (t) =>
  t.field({
    type: RequestApplicantRef,
    description:
      'The applicant and their contact details; visible with the request (its owner, the staff of its unit, admins), never in requestStatus or Open311. A staff member’s view of one request’s applicant is recorded and shown to the person (Viewer.identityViews); views inside lists are not. A CONFIDENTIAL complaint’s reporter is shown only to themself and to the unit’s complaint managers (every view recorded, also in lists); everyone else gets the pseudonym as displayName and no contacts. An ANONYMOUS complaint has none: “Pelapor anonim” / “Anonymous reporter”. A request an API key filed for a reporter without an account shows the names, e-mail and phone the client sent (“Pelapor tanpa akun” / “Reporter without an account” when no name was sent) until the person claims it.',
    select: {
      ...reporterSelect,
      reporterPseudonym: true,
      citizen: { select: { id: true, displayName: true, email: true, phone: true } },
      reporterContact: { select: { email: true, phone: true, firstName: true, lastName: true } },
    },
    resolve: async (request, _args, ctx, info) => {
      // A reporter without an account (issue 17): the contact details the filing client sent,
      // shown as an applicant's; no account, so no identity view to record for anyone.
      const contact = request.reporterContact;
      if (contact) {
        const name = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
        return {
          id: request.citizenAccountId,
          displayName: name || UNREGISTERED_REPORTER_NAME[ctx.lang],
          email: contact.email,
          phone: contact.phone,
        } as never;
      }
      const shown = await reporterShown(request, ctx, info);
      if (shown === 'PSEUDONYM' || shown === 'NONE') {
        const displayName =
          shown === 'PSEUDONYM' ? (request.reporterPseudonym ?? '') : ANONYMOUS_REPORTER_NAME[ctx.lang];
        // No account id either: nothing that ties the reporter's account to the complaint.
        return { displayName, email: null, phone: null } as never;
      }
      if (shown === 'IDENTITY') return request.citizen as never;
      await recordIdentityView(ctx, info, {
        subjectAccountId: request.citizenAccountId,
        what: 'REQUEST_APPLICANT',
        requestId: request.id,
      });
      return request.citizen as never;
    },
  }),
);

/** Whether any attribute with a value is identifying (isIdentifyingAttribute); unknown ones count. */
function hasIdentifyingValue(definitions: Prisma.JsonValue, values: Prisma.JsonValue): boolean {
  const defs = new Map(((definitions ?? []) as unknown as ServiceAttribute[]).map((d) => [d.code, d]));
  return Object.entries((values ?? {}) as Record<string, unknown>).some(([code, v]) => {
    if (v === null || v === '' || v === undefined) return false;
    const d = defs.get(code);
    return d === undefined || isIdentifyingAttribute(d);
  });
}

builder.prismaObjectField('ServiceRequest', 'attributeValues', (t) =>
  t.field({
    type: 'JSON',
    description:
      'Values of the service version’s attributes, by attribute code, as submitted. A staff member’s view of one request with identifying values (NIK, NIP, NPWP, phone, attributes marked identifying) is recorded and shown to the person; views inside lists are not. For a CONFIDENTIAL complaint, everyone but the reporter and the unit’s complaint managers gets "[rahasia]" for identifying values.',
    select: {
      ...reporterSelect,
      attributeValues: true,
      serviceVersion: { select: { attributes: true } },
    },
    resolve: async (r, _args, ctx, info) => {
      const shown = await reporterShown(r, ctx, info);
      if (shown !== 'IDENTIFIED') {
        const values = (r.attributeValues ?? {}) as Record<string, unknown>;
        const definitions = (r.serviceVersion.attributes ?? []) as unknown as ServiceAttribute[];
        return shownErased(valuesForViewer(definitions, values, shown), ctx.lang);
      }
      if (hasIdentifyingValue(r.serviceVersion.attributes, r.attributeValues)) {
        await recordIdentityView(ctx, info, {
          subjectAccountId: r.citizenAccountId,
          what: 'REQUEST_ATTRIBUTES',
          requestId: r.id,
        });
      }
      return shownErased(r.attributeValues, ctx.lang);
    },
  }),
);
