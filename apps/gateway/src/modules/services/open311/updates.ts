// The GeoReport v2 service request updates extension as FixMyStreet reads it
// (`GET servicerequestupdates.{json,xml}?start_date&end_date`): one `request_update` per public
// change of a request — each recorded event of its trail (filing, verification, progress, return,
// completion, rejection, …) — between the dates, oldest first. Public like `requests`: the status
// label for everyone; the staff's public note, for the API key that filed the request. With
// `extensions=true` each update carries `extended_attributes` (issue 20): the trail entry's kind
// and the request's escalation level and priority.
import type { PrismaClient } from '@layanan/db';
import { shownErased } from '@layanan/domain/accounts';
import { jakartaDateTime } from '@layanan/domain/calendar';
import {
  open311ExtendedStatus,
  open311ExtendedStatusValue,
  REQUEST_STATE_LABELS,
} from '@layanan/domain/services';
import type { Lang } from '../../../app/context.js';
import type { Identity } from '../../accounts/identity.js';
import { dateWindow, MAX_REQUESTS } from './views.js';

/** Event actors whose public notes are the city's words (not a citizen's). */
const STAFF_ACTORS = new Set(['STAFF', 'SUPERVISOR', 'ADMIN', 'SYSTEM']);

/**
 * The updates of the window `params` names (`start_date`, `end_date`; the requests list's
 * defaults), at most MAX_REQUESTS: `update_id` (the event's id), `service_request_id` (tracking
 * code), `status` (the extension's extended status in lower case, the domain's
 * `open311ExtendedStatus` of the state the entry left and its kind: `open`, `action_scheduled`,
 * `in_progress`, `investigating`, `internal_referral`, `fixed`, `no_further_action`, `duplicate`,
 * `closed`, …; FixMyStreet's `map_state` reads each), `updated_datetime` (W3C, WIB offset),
 * `description`, `media_url` (a signed link to the first photo that came with the entry — a
 * staff note with a photo, a reporter's answer — for the API key that filed the request, else
 * empty; the photos are the reporter's or the unit's, not public) and `external_status_code`
 * (the Layanan state, e.g. IN_PROGRESS).
 * With `extensions` (`extensions=true`, the GeoReport v2 extensions convention, as on `requests`)
 * each update also has `extended_attributes`: `event` (the trail entry's kind, lower case, e.g.
 * `escalation_climbed`, `transferred`, `reopened`), and the request's `escalation_level`
 * (`unit_supervisor`, `agency_head`, `coordinator` or null) and `priority` (`normal`/`urgent`) as
 * they are when the list is asked for — the latest update of a request tells its present level,
 * as FixMyStreet reads a report's present status from its latest update. The priority's reason is
 * never published: staff write it freely and it may name the reporter or their circumstances
 * (personal data, Perpres 76/2013 art. 4 for a complaint).
 */
export async function findUpdates(
  prisma: PrismaClient,
  params: URLSearchParams,
  viewer: Identity | null,
  lang: Lang,
  fileLink: (attachmentId: string) => string,
  extensions = false,
) {
  const { start, end } = dateWindow(params, lang);
  const events = await prisma.requestEvent.findMany({
    where: { at: { gte: start, lte: end } },
    orderBy: [{ at: 'asc' }, { sequence: 'asc' }],
    take: MAX_REQUESTS,
    select: {
      id: true,
      toState: true,
      actorKind: true,
      publicNote: true,
      at: true,
      kind: true,
      attachments: {
        where: { mediaType: { startsWith: 'image/' }, erasedAt: null },
        orderBy: [{ createdAt: 'asc' }, { position: 'asc' }],
        take: 1,
        select: { id: true },
      },
      request: {
        select: { trackingCode: true, submittedByAccountId: true, escalationLevel: true, priority: true },
      },
    },
  });
  return events.map((e) => {
    const own = viewer?.kind === 'system' && viewer.apiKeyId === e.request.submittedByAccountId;
    const label = REQUEST_STATE_LABELS[e.toState][lang];
    // What the citizen wrote is theirs (personal data); a staff note only to the filing key.
    const note = own && STAFF_ACTORS.has(e.actorKind) ? shownErased(e.publicNote, lang) : null;
    return {
      update_id: e.id,
      service_request_id: e.request.trackingCode,
      status: open311ExtendedStatusValue(open311ExtendedStatus({ state: e.toState, event: e.kind })),
      updated_datetime: jakartaDateTime(e.at),
      description: note ? `${label}: ${note}` : label,
      media_url: own && e.attachments[0] ? fileLink(e.attachments[0].id) : null,
      external_status_code: e.toState,
      ...(extensions
        ? {
            extended_attributes: {
              event: e.kind.toLowerCase(),
              escalation_level: e.request.escalationLevel?.toLowerCase() ?? null,
              priority: e.request.priority.toLowerCase(),
            },
          }
        : {}),
    };
  });
}
