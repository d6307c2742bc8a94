// GET/POST /mail/unsubscribe?a=ACCOUNT&k=KIND&s=SIGNATURE: the one-click unsubscribe link of every
// notification e-mail (issue 18; RFC 8058 `List-Unsubscribe-Post`). The signature (HMAC of account
// and kind, platform/mail/outbox.ts) is the only credential: no sign-in needed. A mail client
// POSTs; a person following the link gets a page with a button that POSTs, so that link scanners
// opening it do not unsubscribe anyone. Afterwards the kind's e-mail is off; in-app stays on.
// A link with k=REPORTER_CONTACT names a request filed for a reporter without an account (issue
// 17): it stops all mail about that request. The link of an erased (or unknown) account answers as an invalid link and writes nothing: the
// erasure removed its settings, and nothing may be stored for it again (UU 27/2022 art. 43).
import type { NotificationKind } from '@layanan/db';
import type { Message } from '@layanan/domain';
import {
  type NotificationKind as KindName,
  NOTIFICATION_KIND_SETTINGS,
  NOTIFICATION_KINDS,
  UNSUBSCRIBE_TEXTS,
} from '@layanan/domain/notifications';
import type { Plugin } from 'graphql-yoga';
import type { GraphQLContext } from '../../app/context.js';
import { verifyUnsubscribe } from '../../platform/mail/outbox.js';
import { escapeHtml, REPORTER_CONTACT_UNSUBSCRIBE } from '../../platform/mail/render.js';
import { isUuid } from '../../platform/uuid.js';

export const UNSUBSCRIBE_PATH = '/mail/unsubscribe';

function page(message: Message, form?: { action: string; button: Message }): string {
  const both = (m: Message) => `<p lang="id">${escapeHtml(m.id)}</p><p lang="en">${escapeHtml(m.en)}</p>`;
  const button = form
    ? `<form method="post" action="${escapeHtml(form.action)}"><button type="submit">${escapeHtml(form.button.id)} / ${escapeHtml(form.button.en)}</button></form>`
    : '';
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Layanan</title></head><body style="font-family:sans-serif">${both(message)}${button}</body></html>`;
}

export function unsubscribeRoute(deps: { secret: Uint8Array; prisma: GraphQLContext['prisma'] }): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== UNSUBSCRIBE_PATH) return;
      const answer = (status: number, html: string) =>
        endResponse(
          new fetchAPI.Response(html, {
            status,
            headers: {
              'content-type': 'text/html; charset=utf-8',
              'cache-control': 'no-store',
              // The page runs no script and loads nothing; its one form posts back to itself.
              'content-security-policy':
                "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            },
          }),
        );
      const accountId = url.searchParams.get('a') ?? '';
      const kind = url.searchParams.get('k') ?? '';
      const sig = url.searchParams.get('s') ?? '';
      // A reporter without an account (issue 17): `a` is the request; all mail about it stops.
      if (kind === REPORTER_CONTACT_UNSUBSCRIBE) {
        const contact =
          isUuid(accountId) && verifyUnsubscribe(deps.secret, accountId, kind, sig)
            ? await deps.prisma.requestReporterContact.findUnique({
                where: { requestId: accountId },
                select: { request: { select: { trackingCode: true } } },
              })
            : null;
        if (!contact) answer(400, page(UNSUBSCRIBE_TEXTS.invalid));
        else if (request.method === 'GET')
          answer(
            200,
            page(UNSUBSCRIBE_TEXTS.reporterConfirm(contact.request.trackingCode), {
              action: `${url.pathname}${url.search}`,
              button: UNSUBSCRIBE_TEXTS.button,
            }),
          );
        else if (request.method !== 'POST') answer(405, page(UNSUBSCRIBE_TEXTS.invalid));
        else {
          await deps.prisma.requestReporterContact.update({
            where: { requestId: accountId },
            data: { mailOff: true },
          });
          answer(200, page(UNSUBSCRIBE_TEXTS.reporterDone(contact.request.trackingCode)));
        }
        return;
      }
      const valid =
        isUuid(accountId) &&
        (NOTIFICATION_KINDS as readonly string[]).includes(kind) &&
        verifyUnsubscribe(deps.secret, accountId, kind, sig);
      const account = valid
        ? await deps.prisma.account.findUnique({ where: { id: accountId }, select: { erasedAt: true } })
        : null;
      if (!account || account.erasedAt) {
        answer(400, page(UNSUBSCRIBE_TEXTS.invalid));
        return;
      }
      if (request.method === 'GET') {
        answer(
          200,
          page(UNSUBSCRIBE_TEXTS.confirm(NOTIFICATION_KIND_SETTINGS[kind as KindName].label), {
            action: `${url.pathname}${url.search}`,
            button: UNSUBSCRIBE_TEXTS.button,
          }),
        );
        return;
      }
      if (request.method !== 'POST') {
        answer(405, page(UNSUBSCRIBE_TEXTS.invalid));
        return;
      }
      await deps.prisma.notificationPreference.upsert({
        where: { accountId_kind: { accountId, kind: kind as NotificationKind } },
        create: { accountId, kind: kind as NotificationKind, email: false },
        update: { email: false },
      });
      answer(200, page(UNSUBSCRIBE_TEXTS.done(NOTIFICATION_KIND_SETTINGS[kind as KindName].label)));
    },
  };
}
