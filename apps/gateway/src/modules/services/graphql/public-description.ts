// GraphQL of public reports (issue 17 item 6): the published description of a request and the
// staff mutation that publishes it (commands/public-description.ts).
import { builder } from '../../../graphql/builder.js';
import { commandInput } from '../../../graphql/command-fields.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../graphql/errors.js';
import { publishRequestDescription } from '../commands/public-description.js';
import {
  expectedVersionField,
  RequestPayload,
  requestPayload,
  trackingCodeField,
} from './request-mutations.js';

builder.prismaObjectFields('ServiceRequest', (t) => ({
  publicDescription: t.exposeString('publicDescription', {
    nullable: true,
    description:
      'The description as staff published it for everyone (a public-report service only; personal data taken out), shown with the location in public Open311 GETs; null until published. The reporter’s own text stays in originalText.',
  }),
  publicDescriptionAt: t.expose('publicDescriptionAt', {
    type: 'DateTime',
    nullable: true,
    description: 'When the public description was last published; null while none is.',
  }),
}));

const PublishInput = builder.inputType('PublishServiceRequestDescriptionInput', {
  description: 'The public text of a request of a public-report service, as handling staff redacted it.',
  fields: (t) => ({
    trackingCode: trackingCodeField(t),
    text: t.string({
      description:
        'The text everyone may read (at most 4,000 characters, no e-mail address, phone number or NIK); empty or null withdraws the published one.',
    }),
    expectedVersion: expectedVersionField(t),
  }),
});

builder.mutationFields((t) => ({
  publishServiceRequestDescription: t.field({
    type: RequestPayload,
    description:
      'Publishes the description of a request of a public-report service (Service.publicReport; issue 17 item 6) after staff took personal data out: public Open311 GETs then show it and the request’s location; the reporter’s original stays for staff. Handling staff and supervisors of its unit, or an admin; FORBIDDEN otherwise. The trail gets an internal DESCRIPTION_PUBLISHED entry; nobody is told. Errors: ValidationError on field publicDescription (NOT_ALLOWED for a personal service, TOO_LONG, INVALID_CHARACTER, INVALID_FORMAT when an e-mail address, phone number or NIK is left in); NotFoundError; ConflictError on a stale expectedVersion.',
    authScopes: { staff: true, admin: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError] },
    ...commandInput(t, PublishInput, 'Which request and its public text.', async (deps, caller, input) =>
      requestPayload(await publishRequestDescription(deps, caller, input)),
    ),
  }),
}));
