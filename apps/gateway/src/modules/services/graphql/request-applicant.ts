import { builder } from '../../../graphql/builder.js';

// The applicant's contact details, for the handling unit to reach them (UU 25/2009 art. 18: the
// citizen is told of the service's progress). ServiceRequest itself is shown only to its owner,
// the staff of its unit and admins, so these are too; never in the public status or Open311.
const RequestApplicantRef = builder.prismaObject('Account', {
  variant: 'RequestApplicant',
  description:
    'Who filed the request (or for whom counter staff filed it), with the contact details the handling unit needs to reach them.',
  fields: (t) => ({
    displayName: t.exposeString('displayName', { description: 'The name the applicant registered with.' }),
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

builder.prismaObjectField('ServiceRequest', 'applicant', (t) =>
  t.relation('citizen', {
    type: RequestApplicantRef,
    description:
      'The applicant and their contact details; visible with the request (its owner, the staff of its unit, admins), never in requestStatus or Open311.',
  }),
);
