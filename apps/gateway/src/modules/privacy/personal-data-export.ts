// Everything the city holds about one person, as one JSON document (UU 27/2022 art. 7 and 32:
// access to one's data and the record of its processing; art. 13: in a common, machine-readable
// format). What belongs to a person is docs/personal-data.md; each section names the rows by id so
// that the person (and the test) can match it against what they see elsewhere.
import type { Prisma, PrismaClient } from '@layanan/db';

/** The version of the export's layout; a change of its shape raises it. */
export const PERSONAL_DATA_EXPORT_FORMAT = 'layanan.personal-data/1';

const NOT_STAFF_ONLY: Prisma.AttachmentWhereInput = {
  erasedAt: null,
  OR: [{ purpose: { not: 'STAFF_NOTE' } }, { requestEvent: { publicNote: { not: null } } }],
};

const fileFields = {
  id: true,
  fileName: true,
  mediaType: true,
  size: true,
  purpose: true,
  slot: true,
  createdAt: true,
} as const;

/**
 * The export of account `accountId` at `now`: its profile, sessions, consents, requests (those
 * attached to the account: with their attribute values, the trail the citizen sees — public notes,
 * never staff-only ones — files, location, issued document and survey answers), forum submissions
 * with supports and follows, the complaints followed, notifications and their e-mail, notification choices, the audit trail
 * of what was done to the account, its requests and submissions, requests filed for its verified
 * address by a client without an account and not yet claimed (`unclaimedReports`), and by the person and every staff view of its identity (who, when, what). Dates as ISO strings.
 */
export async function exportPersonalData(prisma: PrismaClient, accountId: string, now: Date) {
  const account = await prisma.account.findUniqueOrThrow({
    where: { id: accountId },
    select: {
      id: true,
      displayName: true,
      email: true,
      phone: true,
      role: true,
      language: true,
      emailVerifiedAt: true,
      phoneVerifiedAt: true,
      passwordChangedAt: true,
      createdAt: true,
      erasedAt: true,
    },
  });
  const [requests, submissions, supports, follows, notifications, preferences] = await Promise.all([
    prisma.serviceRequest.findMany({
      where: { citizenAccountId: accountId, citizenAttachedAt: { not: null } },
      orderBy: { submittedAt: 'asc' },
      select: {
        id: true,
        trackingCode: true,
        service: { select: { code: true, name: true } },
        unit: { select: { code: true, name: true } },
        channel: true,
        state: true,
        originalText: true,
        attributeValues: true,
        submittedAt: true,
        verificationDueOn: true,
        completionDueOn: true,
        completedAt: true,
        closedAt: true,
        personalDataErasedAt: true,
        events: {
          orderBy: { sequence: 'asc' },
          select: { id: true, kind: true, fromState: true, toState: true, publicNote: true, at: true },
        },
        attachments: { where: NOT_STAFF_ONLY, orderBy: { createdAt: 'asc' }, select: fileFields },
        issuedDocument: { select: { number: true, issuedAt: true, validUntil: true, revokedAt: true } },
        surveyResponse: {
          select: {
            id: true,
            date: true,
            gender: true,
            age: true,
            education: true,
            occupation: true,
            suggestion: true,
            answers: { select: { element: true, score: true } },
            staffRatings: { select: { competence: true, behaviour: true, comment: true } },
          },
        },
      },
    }),
    prisma.submission.findMany({
      where: { authorId: accountId },
      orderBy: { createdAt: 'asc' },
      select: {
        id: true,
        forum: { select: { slug: true, title: true } },
        kind: true,
        title: true,
        text: true,
        hideAuthorName: true,
        status: true,
        answerReason: true,
        answeredAt: true,
        createdAt: true,
        attachments: { where: { erasedAt: null }, select: fileFields },
      },
    }),
    prisma.submissionSupport.findMany({
      where: { accountId },
      select: { submissionId: true, createdAt: true },
    }),
    prisma.submissionFollow.findMany({
      where: { accountId },
      select: { submissionId: true, createdAt: true },
    }),
    prisma.notification.findMany({
      where: { accountId },
      orderBy: { createdAt: 'asc' },
      select: {
        id: true,
        kind: true,
        titleId: true,
        titleEn: true,
        linkPath: true,
        readAt: true,
        createdAt: true,
      },
    }),
    prisma.notificationPreference.findMany({ where: { accountId }, select: { kind: true, email: true } }),
  ]);
  // The complaints the account follows (issue 20): which, since when, and why.
  const requestFollows = (
    await prisma.requestFollower.findMany({
      where: { accountId },
      orderBy: { createdAt: 'asc' },
      select: { source: true, createdAt: true, request: { select: { trackingCode: true } } },
    })
  ).map((f) => ({ trackingCode: f.request.trackingCode, source: f.source, createdAt: f.createdAt }));
  const locations = await prisma.requestLocation.findMany({
    where: { requestId: { in: requests.map((r) => r.id) } },
  });
  const [sessions, consents, mail, actions, views] = await Promise.all([
    prisma.accountSession.findMany({
      where: { accountId },
      orderBy: { createdAt: 'asc' },
      select: { id: true, createdAt: true, endedAt: true, endReason: true },
    }),
    prisma.privacyConsent.findMany({
      where: { accountId },
      orderBy: { givenAt: 'asc' },
      select: { id: true, noticeVersion: true, givenAt: true, withdrawnAt: true },
    }),
    prisma.mailMessage.findMany({
      where: { accountId },
      orderBy: { createdAt: 'asc' },
      select: { id: true, toAddress: true, subject: true, purpose: true, createdAt: true, sentAt: true },
    }),
    // The processing history (art. 32): what anyone did to the account, its requests and
    // submissions, and what the person did — the act and when, not the staff's own notes.
    prisma.auditEntry.findMany({
      where: {
        OR: [
          { actorKind: 'account', actorId: accountId },
          { entityId: { in: [accountId, ...requests.map((r) => r.id), ...submissions.map((s) => s.id)] } },
        ],
      },
      orderBy: { createdAt: 'asc' },
      select: { id: true, actorKind: true, action: true, entityType: true, entityId: true, createdAt: true },
    }),
    identityViewsOf(prisma, accountId),
  ]);
  const byRequest = new Map(locations.map((l) => [l.requestId, l]));
  return {
    format: PERSONAL_DATA_EXPORT_FORMAT,
    exportedAt: now.toISOString(),
    account,
    sessions,
    privacyConsents: consents,
    requests: requests.map((r) => {
      const l = byRequest.get(r.id);
      return {
        ...r,
        location: l
          ? {
              lat: l.lat,
              long: l.long,
              addressString: l.addressString,
              mediaUrls: l.mediaUrls,
              clientAttributes: l.clientAttributes,
            }
          : null,
      };
    }),
    forumSubmissions: submissions,
    forumSupports: supports,
    forumFollows: follows,
    requestFollows,
    notifications,
    notificationPreferences: preferences,
    mail,
    processingHistory: actions,
    identityViews: views,
    unclaimedReports: await unclaimedReports(prisma, account),
  };
}

/**
 * Requests an API key filed for a reporter without an account (issue 17) at an address this
 * account has verified, not yet claimed: the contact details kept with each (docs/personal-data.md).
 */
async function unclaimedReports(
  prisma: PrismaClient,
  account: {
    email: string | null;
    phone: string | null;
    emailVerifiedAt: Date | null;
    phoneVerifiedAt: Date | null;
  },
) {
  const addresses: Prisma.RequestReporterContactWhereInput[] = [
    ...(account.email && account.emailVerifiedAt ? [{ email: account.email }] : []),
    ...(account.phone && account.phoneVerifiedAt ? [{ phone: account.phone }] : []),
  ];
  if (addresses.length === 0) return [];
  const rows = await prisma.requestReporterContact.findMany({
    where: { OR: addresses },
    orderBy: { createdAt: 'asc' },
    select: {
      email: true,
      phone: true,
      firstName: true,
      lastName: true,
      language: true,
      createdAt: true,
      request: { select: { trackingCode: true, service: { select: { code: true } } } },
    },
  });
  return rows.map(({ request, ...contact }) => ({
    trackingCode: request.trackingCode,
    serviceCode: request.service.code,
    contact,
  }));
}

/**
 * The staff views of the person's identity, newest first (every one, or `take` of them after the
 * first `skip`): when, what, through which request, by whom.
 */
export async function identityViewsOf(prisma: PrismaClient, accountId: string, take?: number, skip = 0) {
  const rows = await prisma.identityView.findMany({
    where: { subjectAccountId: accountId },
    orderBy: [{ at: 'desc' }, { id: 'asc' }],
    take,
    skip,
    select: {
      id: true,
      at: true,
      what: true,
      requestId: true,
      viewer: { select: { displayName: true, staff: { select: { unit: { select: { shortName: true } } } } } },
    },
  });
  const codes = await prisma.serviceRequest.findMany({
    where: { id: { in: rows.flatMap((r) => (r.requestId ? [r.requestId] : [])) } },
    select: { id: true, trackingCode: true },
  });
  const code = new Map(codes.map((c) => [c.id, c.trackingCode]));
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    what: r.what,
    trackingCode: r.requestId ? (code.get(r.requestId) ?? null) : null,
    viewerName: r.viewer.displayName,
    viewerUnit: r.viewer.staff?.unit.shortName ?? null,
  }));
}
