// The Attachment type and the `attachments` of requests and their trail entries (the services
// area's types, extended here by name so that this area never imports that one).

import type { Attachment } from '@layanan/db';
import { erasedFileName } from '@layanan/domain/accounts';
import type { ObjectRef } from '@pothos/core';
import { builder } from '../../../graphql/builder.js';
import { attachmentsShownOnRequest } from '../access.js';
import { FILE_LINK_TTL_SECONDS, signFileLink } from '../signed-link.js';

/**
 * An attachment handed to a public reader (a forum submission's photo seen by someone who is not
 * its author or a moderator): its link carries `pub=1` and stops once the submission is hidden.
 */
export type PublicReading = { publicReader?: boolean };

const AttachmentPurposeEnum = builder.enumType('AttachmentPurpose', {
  description: 'What a file was attached with.',
  values: {
    FILING: { description: 'The citizen’s filing.' },
    CORRECTION: { description: 'The citizen’s answer to a return for correction.' },
    STAFF_NOTE: { description: 'A staff note.' },
    FORUM_SUBMISSION: { description: 'A forum submission.' },
  } as const,
});

const AttachmentRef = builder.prismaObject('Attachment', {
  description:
    'One uploaded file (issue 19): stored once by its SHA-256, never replaced (a new upload is a new attachment; the old stays). Photos were re-encoded without their metadata (EXIF, GPS).',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The attachment’s id (a UUID).' }),
    name: t.string({
      description:
        'The file name as uploaded, sanitised (path and control characters removed); text only. An erased file (data-protection erasure or retention) is named `lampiran` / `attachment` in the caller’s language, with its extension.',
      resolve: (a, _args, ctx) => (a.erasedAt ? erasedFileName(a.fileName, ctx.lang) : a.fileName),
    }),
    type: t.exposeString('mediaType', {
      description:
        'Media type recognised from the content at upload: image/jpeg, image/png, image/webp or application/pdf.',
    }),
    size: t.exposeInt('size', { description: 'Stored size in bytes (after re-encoding, for photos).' }),
    sha256: t.exposeString('sha256', { description: 'SHA-256 of the stored bytes, lower-case hex.' }),
    purpose: t.expose('purpose', { type: AttachmentPurposeEnum, description: 'What it was attached with.' }),
    slot: t.exposeString('slot', {
      nullable: true,
      description: 'The requirement (document slot) it fills; null when the service lists no slots.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was uploaded.' }),
    url: t.string({
      description: `A signed link to the file (a path on this gateway: /files/<id>?exp=…&sig=…), valid for ${FILE_LINK_TTL_SECONDS / 60} minutes and needing no token; ask again for a fresh one.`,
      resolve: (a, _args, ctx) =>
        signFileLink(
          ctx.config.jwtSecret,
          a.id,
          new Date(),
          (a as PublicReading).publicReader ? 'public' : 'entitled',
        ),
    }),
  }),
});

/** The Attachment type, for fields of other areas that return stored files (the checklist). */
export const AttachmentType: ObjectRef<(typeof builder)['$inferSchemaTypes'], Attachment> = AttachmentRef;

builder.prismaObjectFields('ServiceRequest', (t) => ({
  attachments: t.relation('attachments', {
    type: AttachmentRef,
    description:
      'Every file attached to the request (filing, correction answers, staff notes), oldest first; a citizen does not see files of staff notes that have no public note.',
    query: (_args, ctx) => ({
      where: attachmentsShownOnRequest(ctx.identity),
      orderBy: [{ createdAt: 'asc' }, { position: 'asc' }],
    }),
  }),
}));

builder.prismaObjectFields('RequestEvent', (t) => ({
  attachments: t.relation('attachments', {
    type: AttachmentRef,
    description: 'Files that came with this entry (a correction answer, a staff note), oldest first.',
    query: (_args, ctx) => ({
      where: attachmentsShownOnRequest(ctx.identity),
      orderBy: [{ createdAt: 'asc' }, { position: 'asc' }],
    }),
  }),
}));
