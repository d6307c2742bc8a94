// Someone registered with the address of an existing account (register-citizen.ts answers as for
// a new one, so the address is not revealed): its owner is told by e-mail. A phone number gets no
// message until an SMS provider exists (issue 18 item 4); the event is still handled. A new
// account with an e-mail address is mailed its verification link (commands/verify-email.ts).
import { ACCOUNT_MAIL_TEXTS, inLanguage } from '@layanan/domain/notifications';
import type { EventBus } from '../../platform/events.js';
import { type MailSettings, queueMail } from '../../platform/mail/outbox.js';
import { composeMail } from '../../platform/mail/render.js';
import { mailAccountLink } from './commands/verify-email.js';

export function onRegistrationAttempted(bus: EventBus, mail: MailSettings): void {
  bus.on('accounts.registered', async (tx, event) => {
    const account = await tx.account.findUnique({ where: { id: event.accountId } });
    if (!account?.email || account.emailVerifiedAt || account.disabledAt) return undefined;
    await mailAccountLink(tx, mail, new Date(), { ...account, email: account.email }, 'EMAIL_VERIFICATION');
    return undefined;
  });
  bus.on('accounts.registration-attempted-for-existing', async (tx, event) => {
    if (event.by !== 'email') return undefined;
    const account = await tx.account.findUnique({
      where: { id: event.accountId },
      select: { id: true, email: true, displayName: true, language: true, disabledAt: true },
    });
    if (!account?.email || account.disabledAt) return undefined;
    const language = account.language === 'en' ? 'en' : 'id';
    const texts = ACCOUNT_MAIL_TEXTS.registrationAttempted;
    const message = composeMail(language, {
      name: account.displayName,
      subject: inLanguage(texts.subject, language),
      body: inLanguage(texts.body, language),
      link: `${mail.publicUrl}${texts.linkPath}`,
    });
    await queueMail(tx, mail, {
      ...message,
      to: account.email,
      purpose: 'account:registration-attempted',
      accountId: account.id,
    });
    return undefined;
  });
}
