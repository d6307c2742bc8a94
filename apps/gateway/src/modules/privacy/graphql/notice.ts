// The privacy notice's facts (UU 27/2022 art. 21, 53): its version, the data-protection officer,
// the time limits of the rights; consent recorded at registration and its withdrawal.
import { builder } from '../../../graphql/builder.js';
import { commandInput } from '../../../graphql/command-fields.js';
import { Viewer } from '../../accounts/account.js';
import { eraseAccount } from '../commands/erase-account.js';
import { AccountErasedPayload, ERASURE_ERRORS } from './rights.js';

type Notice = {
  version: string;
  dpo: { name: string; email: string; phone: string; address: string; placeholder: boolean };
  retentionYears: number;
};

const DpoRef = builder.objectRef<Notice['dpo']>('DataProtectionOfficer').implement({
  description: 'The city’s data-protection officer (pejabat pelindungan data pribadi, UU 27/2022 art. 53).',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Name or office.' }),
    email: t.exposeString('email', { description: 'E-mail for rights requests and questions.' }),
    phone: t.exposeString('phone', { description: 'Telephone.' }),
    address: t.exposeString('address', { description: 'Postal address.' }),
    placeholder: t.exposeBoolean('placeholder', {
      description:
        'True while the contact is the default placeholder (LAYANAN_DPO_NAME and LAYANAN_DPO_EMAIL unset).',
    }),
  }),
});

const PrivacyNoticeRef = builder.objectRef<Notice>('PrivacyNotice').implement({
  description: 'What the privacy notice page states from configuration.',
  fields: (t) => ({
    version: t.exposeString('version', {
      description:
        'The notice version in force (LAYANAN_PRIVACY_NOTICE_VERSION); registration records consent to it.',
    }),
    dataProtectionOfficer: t.field({ type: DpoRef, description: 'Whom to write to.', resolve: (n) => n.dpo }),
    retentionYears: t.exposeInt('retentionYears', {
      description:
        'Years after a request is closed before its personal data is erased (LAYANAN_RETENTION_YEARS, UU 27/2022 art. 16(2)).',
    }),
    responseHours: t.int({
      description:
        'Hours within which a request to see or correct one’s data is answered (UU 27/2022 art. 30, 32: 3 × 24 hours); here export and correction are immediate.',
      resolve: () => 72,
    }),
  }),
});

builder.queryField('privacyNotice', (t) =>
  t.field({
    type: PrivacyNoticeRef,
    description: 'The privacy notice’s version, the data-protection officer and the time limits; public.',
    resolve: (_root, _args, ctx) => ({
      version: ctx.config.privacy.noticeVersion,
      dpo: ctx.config.privacy.dpo,
      retentionYears: ctx.config.privacy.retentionYears,
    }),
  }),
);

const ConsentRef = builder.objectRef<{ noticeVersion: string; givenAt: Date; withdrawnAt: Date | null }>(
  'PrivacyConsent',
);
ConsentRef.implement({
  description: 'Consent to one version of the privacy notice.',
  fields: (t) => ({
    noticeVersion: t.exposeString('noticeVersion', { description: 'The notice version agreed to.' }),
    givenAt: t.expose('givenAt', { type: 'DateTime', description: 'When (registration).' }),
    withdrawnAt: t.expose('withdrawnAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When withdrawn; null while in force.',
    }),
  }),
});

builder.objectField(Viewer, 'privacyConsents', (t) =>
  t.field({
    type: [ConsentRef],
    description: 'Your consents to the privacy notice, oldest first; empty unless signed in as an account.',
    resolve: (id, _args, ctx) =>
      id.kind === 'account'
        ? ctx.prisma.privacyConsent.findMany({
            where: { accountId: id.accountId },
            orderBy: { givenAt: 'asc' },
          })
        : [],
  }),
);

const WithdrawInput = builder.inputType('WithdrawPrivacyConsentInput', {
  description: 'The account’s password, to confirm the withdrawal (it erases the account).',
  fields: (t) => ({
    password: t.string({
      required: true,
      description: 'The password now; a wrong one gives AuthenticationFailed.',
    }),
  }),
});

builder.mutationField('withdrawPrivacyConsent', (t) =>
  t.field({
    type: AccountErasedPayload,
    description:
      'Withdraw consent to the privacy notice (UU 27/2022 art. 9). An account exists only on that consent, so the withdrawal is an erasure request and is carried out at once exactly as eraseMyAccount (docs/personal-data.md); the record of each request, which the law requires, stays anonymised. Same errors as eraseMyAccount. Audited; rate-limited like sign-in.',
    authScopes: { authenticated: true },
    errors: ERASURE_ERRORS,
    ...commandInput(t, WithdrawInput, 'Your password.', (deps, caller, input) =>
      eraseAccount(deps, caller, input, 'consent-withdrawn'),
    ),
  }),
);
