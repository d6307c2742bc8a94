// A submission's photos (issue 19 item 1): shown to whoever may see the submission. A hidden one's
// photos go only to its author and moderators (as its text does); an erased one's are gone. Loaded
// with the submission itself (a selection of the relation, no query per submission).
import { FORUM_PHOTO_LIMITS } from '@layanan/domain/forums';
import { builder } from '../../../graphql/builder.js';
import { accountIdOf, isModerator } from '../../../platform/authz.js';
import { AttachmentType, type PublicReading } from '../../attachments/graphql/attachment.js';
import { visibility } from './submission.js';

builder.prismaObjectFields('Submission', (t) => ({
  attachments: t.field({
    type: [AttachmentType],
    description: `The photos submitted with it (at most ${FORUM_PHOTO_LIMITS.maxCount}; JPEG, PNG or WebP, re-encoded without EXIF/GPS metadata), in the order sent, each with its name, type, size and a signed link valid 10 minutes. Empty when there are none, for everyone but its author and moderators once hidden, and once erased (data-protection erasure of the author's account). A link given to a public reader stops working as soon as the submission is hidden.`,
    select: {
      attachments: { where: { erasedAt: null }, orderBy: [{ createdAt: 'asc' }, { position: 'asc' }] },
    },
    resolve: (s, _args, ctx) => {
      if (visibility(s, ctx) === 'HIDDEN_NOTICE') return [];
      const entitled = accountIdOf(ctx.identity) === s.authorId || isModerator(ctx.identity);
      return s.attachments.map((a): typeof a & PublicReading =>
        entitled ? a : { ...a, publicReader: true },
      );
    },
  }),
}));
