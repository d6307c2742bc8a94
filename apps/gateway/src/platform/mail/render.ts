// A notification as an e-mail: the domain's texts in the recipient's language, a link to the item,
// why it came, and a one-click unsubscribe link for its kind; plain text and simple, escaped HTML.

import type { Message } from '@layanan/domain';
import { ERASED_TEXT } from '@layanan/domain/accounts';
import {
  inLanguage,
  MAIL_TEXTS,
  type NotificationContent,
  type NotificationLanguage,
} from '@layanan/domain/notifications';
import type { ServiceKind } from '@layanan/domain/services';
import type { TransactionClient } from '../audited.js';
import { type MailSettings, type OutgoingMail, unsubscribeUrl } from './outbox.js';

/** HTML-escapes text (element content and quoted attribute values). */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

export type MailRecipient = {
  accountId: string;
  email: string;
  displayName: string;
  language: NotificationLanguage;
};

/** Why the recipient gets the mail and how the unsubscribe link is named; an account holder's when not given. */
export type MailFooter = { why: Message; unsubscribe?: Message };

/**
 * A plain-text and HTML message from title, body lines, a link and an optional unsubscribe link;
 * the footer says why the address gets it (`footer`, an account holder's by default).
 */
export function composeMail(
  language: NotificationLanguage,
  parts: {
    name: string;
    subject: string;
    body: string;
    link: string;
    unsubscribe?: string | null;
    footer?: MailFooter;
  },
): { subject: string; text: string; html: string } {
  const t = (m: { id: string; en: string }) => inLanguage(m, language);
  const greeting = t(MAIL_TEXTS.greeting(parts.name));
  const why = t(parts.footer?.why ?? MAIL_TEXTS.why);
  const unsubscribeLabel = t(parts.footer?.unsubscribe ?? MAIL_TEXTS.unsubscribe);
  const footer = [why, ...(parts.unsubscribe ? [`${unsubscribeLabel} ${parts.unsubscribe}`] : [])];
  const text = [
    greeting,
    '',
    parts.body,
    '',
    `${t(MAIL_TEXTS.open)} ${parts.link}`,
    '',
    '--',
    ...footer,
    '',
  ].join('\n');
  const paragraphs = parts.body
    .split('\n')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('\n');
  const a = (href: string, label: string) => `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`;
  const html = [
    `<!doctype html><html lang="${language}"><body style="font-family:sans-serif">`,
    `<p>${escapeHtml(greeting)}</p>`,
    paragraphs,
    `<p>${a(parts.link, t(MAIL_TEXTS.open))}</p>`,
    `<hr><p style="font-size:small;color:#555">${escapeHtml(why)}`,
    parts.unsubscribe ? `<br>${a(parts.unsubscribe, unsubscribeLabel)}` : '',
    '</p></body></html>',
  ].join('\n');
  return { subject: parts.subject, text, html };
}

/** The e-mail of one notification to one recipient, with `List-Unsubscribe` for its kind. */
export function notificationMail(
  settings: MailSettings,
  recipient: MailRecipient,
  content: NotificationContent,
): OutgoingMail {
  const unsubscribe = unsubscribeUrl(settings, recipient.accountId, content.kind);
  return {
    ...oneClickMail(settings, recipient.language, recipient.displayName, content, unsubscribe),
    to: recipient.email,
    purpose: `notification:${content.kind}`,
    accountId: recipient.accountId,
  };
}

/**
 * A notification's text and HTML in `lang`, greeting `name`, with the link of its page and the
 * one-click unsubscribe link in the body and in `List-Unsubscribe` (RFC 8058).
 */
function oneClickMail(
  settings: MailSettings,
  lang: NotificationLanguage,
  name: string,
  content: NotificationContent,
  unsubscribe: string,
  footer?: MailFooter,
) {
  const mail = composeMail(lang, {
    name,
    subject: inLanguage(content.title, lang),
    body: inLanguage(content.body, lang),
    link: `${settings.publicUrl}${content.linkPath}`,
    unsubscribe,
    ...(footer ? { footer } : {}),
  });
  return {
    ...mail,
    headers: {
      'List-Unsubscribe': `<${unsubscribe}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}

/** How the mail to an anonymous reporter greets them. */
const ANONYMOUS_GREETING_NAME = { id: 'Pelapor', en: 'Reporter' } as const;

/**
 * A notification to an anonymous complaint's contact address (in the language chosen at filing)
 * (issue 20): no name, no account, no unsubscribe link (the reporter withdraws the address with
 * the code and the secret, as the footer says: `MAIL_TEXTS.whyAnonymousContact`); the link opens
 * the anonymous complaint page for the code. `purpose` names the request, so that the withdrawal
 * can remove what is queued for it.
 */
export function anonymousContactMail(
  settings: MailSettings,
  to: string,
  request: { id: string; trackingCode: string; language: 'id' | 'en' },
  content: NotificationContent,
): OutgoingMail {
  const lang = request.language;
  const mail = composeMail(lang, {
    name: ANONYMOUS_GREETING_NAME[lang],
    subject: inLanguage(content.title, lang),
    body: inLanguage(content.body, lang),
    link: `${settings.publicUrl}/pengaduan-anonim?kode=${encodeURIComponent(request.trackingCode)}`,
    footer: { why: MAIL_TEXTS.whyAnonymousContact(request.trackingCode) },
  });
  return { ...mail, to, purpose: anonymousContactPurpose(request.id), accountId: null };
}

/** The `purpose` of the mail to an anonymous complaint's contact address: names the request. */
export const anonymousContactPurpose = (requestId: string): string => `anonymous-contact:${requestId}`;

/**
 * Forgets an anonymous complaint's contact address in its mail (withdrawal, erasure, retention):
 * what is still queued is dropped, what was sent stays without the address (ERASED_TEXT).
 */
export async function eraseAnonymousContactMail(tx: TransactionClient, requestId: string): Promise<void> {
  const purpose = anonymousContactPurpose(requestId);
  await tx.mailMessage.deleteMany({ where: { purpose, sentAt: null } });
  await tx.mailMessage.updateMany({ where: { purpose }, data: { toAddress: ERASED_TEXT } });
}

/** The `k` of the unsubscribe link of a reporter without an account: all mail about one request. */
export const REPORTER_CONTACT_UNSUBSCRIBE = 'REPORTER_CONTACT';

/** The footer of mail to a reporter without an account: the address was given at filing; one click stops it. */
export const reporterContactFooter = (trackingCode: string, kind?: ServiceKind | null): MailFooter => ({
  why: MAIL_TEXTS.whyReporterContact(trackingCode, kind),
  unsubscribe: MAIL_TEXTS.unsubscribeReporterContact(kind),
});

/**
 * A notification to the contact address of a reporter without an account (issue 17), in the
 * language the filing chose: greeted by the name the client sent, with a footer saying the
 * address was given when the request was filed and a one-click unsubscribe link (signed for the
 * request) that stops all mail about the request. `purpose` names the request, so that erasure
 * can forget what was sent.
 */
export function reporterContactMail(
  settings: MailSettings,
  to: string,
  request: { id: string; trackingCode: string; name: string | null; language: 'id' | 'en' },
  content: NotificationContent,
): OutgoingMail {
  const lang = request.language;
  const unsubscribe = unsubscribeUrl(settings, request.id, REPORTER_CONTACT_UNSUBSCRIBE);
  const name = request.name ?? ANONYMOUS_GREETING_NAME[lang];
  const footer = reporterContactFooter(request.trackingCode, content.serviceKind);
  return {
    ...oneClickMail(settings, lang, name, content, unsubscribe, footer),
    to,
    purpose: reporterContactPurpose(request.id),
    accountId: null,
  };
}

/** The `purpose` of mail to a reporter without an account (notifications and claim codes). */
export const reporterContactPurpose = (requestId: string): string => `reporter-contact:${requestId}`;

/** Forgets the contact address in the mail about a request (erasure, retention), as for anonymous ones. */
export async function eraseReporterContactMail(tx: TransactionClient, requestId: string): Promise<void> {
  const purpose = reporterContactPurpose(requestId);
  await tx.mailMessage.deleteMany({ where: { purpose, sentAt: null } });
  await tx.mailMessage.updateMany({ where: { purpose }, data: { toAddress: ERASED_TEXT } });
}
