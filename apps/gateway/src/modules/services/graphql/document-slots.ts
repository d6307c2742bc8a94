// The requirements checklist in the catalogue (issue 19 item 4): a service version's document
// slots, as read and as an admin gives them (createService, proposeServiceChange).
import { ATTACHMENT_HARD_LIMITS, type DocumentSlot, documentSlotsOf } from '@layanan/domain/services';
import { builder } from '../../../graphql/builder.js';
import type { InputFields } from '../../../graphql/input-fields.js';

export const DocumentSlotRef = builder.objectRef<DocumentSlot>('DocumentSlot').implement({
  description:
    'One requirement of a service version as a document slot (issue 19): what to upload, whether verification needs it, the file types and how many files one upload may put into it.',
  fields: (t) => ({
    key: t.exposeString('key', {
      description:
        'Stable key within the version (lower-case letters, digits, _): the slot named for a file in attachmentSlots, and in redoSlots.',
    }),
    name: t.string({
      description: 'The requirement in the caller’s language.',
      resolve: (s, _a, ctx) => (ctx.lang === 'en' ? s.nameEn : s.nameId),
    }),
    nameId: t.exposeString('nameId', { description: 'The requirement in Indonesian.' }),
    nameEn: t.exposeString('nameEn', { description: 'The requirement in English.' }),
    required: t.exposeBoolean('required', {
      description: 'Whether the request can be verified only once this slot holds accepted documents.',
    }),
    acceptedTypes: t.exposeStringList('acceptedTypes', {
      description:
        'Media types the slot takes (recognised from the content): image/jpeg, image/png, image/webp, application/pdf.',
    }),
    maxFiles: t.exposeInt('maxFiles', { description: 'Files one upload may put into the slot (1–10).' }),
  }),
});

builder.prismaObjectFields('ServiceVersion', (t) => ({
  documentSlots: t.field({
    type: [DocumentSlotRef],
    description:
      'The requirements of this version as document slots, in order; empty when the service lists none (files are then attached without a slot).',
    select: { documentSlots: true },
    resolve: (v) => documentSlotsOf(v.documentSlots),
  }),
}));

export const DocumentSlotInput = builder.inputType('DocumentSlotInput', {
  description:
    'A requirement as a document slot; invalid slots give ValidationError on documentSlots[i].<field>.',
  fields: (t) => ({
    key: t.string({
      required: true,
      description:
        'Lower-case letters, digits and _, 2–40, starting with a letter; unique within the version.',
    }),
    nameId: t.string({
      required: true,
      description: 'The requirement in Indonesian (at most 200 characters).',
    }),
    nameEn: t.string({ required: true, description: 'The requirement in English (at most 200 characters).' }),
    required: t.boolean({ description: 'Whether verification needs it; default true.' }),
    acceptedTypes: t.stringList({
      description: 'Media types it takes (image/jpeg, image/png, image/webp, application/pdf); default all.',
    }),
    maxFiles: t.int({
      description: `Files one upload may put into it, 1–${ATTACHMENT_HARD_LIMITS.maxCount}; default 1.`,
    }),
  }),
});

/** `documentSlots: [DocumentSlotInput!]` of a version input. */
export const documentSlotsField = (t: InputFields, description: string) =>
  t.field({ type: [DocumentSlotInput], description });
