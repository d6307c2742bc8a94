// A request's documents, on the citizen's and the staff's request pages: the filing receipt (tanda
// terima) and, once a permit or registration is completed, the issued document with its number,
// status and public verification page. Supervisors and admins may revoke it with a reason.
import { useMutation } from 'urql';
import { FileDownload } from '../file-download.tsx';
import { graphql } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import { Link } from '../router.tsx';
import { Field, FormFailureNote, mutationFailure, Notice, SubmitButton, useSubmit, useText } from '../ui.tsx';

export type IssuedDocumentView = {
  number: string;
  status: 'CURRENT' | 'EXPIRED' | 'REVOKED';
  downloadPath: string;
  validUntil: unknown;
  revocationReason: string | null;
};

const RevokeDocument = graphql(`
  mutation RevokeDocument($input: RevokeIssuedDocumentInput!) {
    revokeIssuedDocument(input: $input) {
      __typename
      ... on IssuedDocumentPayload { document { number status revokedAt revocationReason } }
      ... on ValidationError { message fields { field message } }
      ... on ConflictError { message }
      ... on NotFoundError { message }
    }
  }
`);

/** The verification page of a document number, as the QR code on it links to. */
export const verificationPath = (number: string) =>
  `/verifikasi/${number.split('/').map(encodeURIComponent).join('/')}`;

export function RequestDocuments({
  trackingCode,
  document,
  mayRevoke = false,
  onChanged,
}: {
  trackingCode: string;
  document: IssuedDocumentView | null;
  mayRevoke?: boolean;
  onChanged?: () => void;
}) {
  const { t } = useI18n();
  return (
    <section className="panel" aria-labelledby="documents-title" data-testid="documents">
      <h2 id="documents-title">{t('documentsTitle')}</h2>
      <p>
        <FileDownload
          path={`/documents/receipt.pdf?code=${encodeURIComponent(trackingCode)}`}
          label={t('downloadReceipt')}
          fallbackName={`tanda-terima-${trackingCode}.pdf`}
          testId="download-receipt"
        />
      </p>
      {document ? (
        <>
          <p>
            {t('issuedDocumentNumber')}: <code data-testid="document-number">{document.number}</code> ·{' '}
            <strong>{t(`documentStatus_${document.status}`)}</strong>
          </p>
          {document.revocationReason ? <p className="note-text">{document.revocationReason}</p> : null}
          <p>
            <FileDownload
              path={document.downloadPath}
              label={t('downloadIssuedDocument')}
              fallbackName={`${document.number.replaceAll('/', '-')}.pdf`}
              testId="download-document"
            />{' '}
            <Link to={verificationPath(document.number)}>{t('openVerification')}</Link>
          </p>
          {mayRevoke && document.status !== 'REVOKED' ? (
            <RevokeForm number={document.number} onDone={onChanged} />
          ) : null}
        </>
      ) : (
        <p className="muted">{t('noIssuedDocument')}</p>
      )}
    </section>
  );
}

function RevokeForm({ number, onDone }: { number: string; onDone?: () => void }) {
  const { t } = useI18n();
  const reason = useText();
  const [{ fetching }, revoke] = useMutation(RevokeDocument);
  const { failure, errors, onSubmit } = useSubmit(
    async () => {
      const r = await revoke({ input: { number, reason: reason.value } });
      const payload = r.data?.revokeIssuedDocument;
      return payload?.__typename === 'IssuedDocumentPayload' ? null : mutationFailure(payload, r.error);
    },
    () => {
      reason.set('');
      onDone?.();
    },
  );
  return (
    <form noValidate onSubmit={onSubmit}>
      <Field label={t('revokeReason')} hint={t('revokeReasonHint')} error={errors.reason} required>
        {(p) => <textarea {...p} rows={2} {...reason.bind} />}
      </Field>
      <FormFailureNote failure={failure} shown={['reason']} />
      <SubmitButton busy={fetching}>{t('revokeDocument')}</SubmitButton>
    </form>
  );
}

export function TteNotice() {
  const { t } = useI18n();
  return <Notice kind="info">{t('tteStatement')}</Notice>;
}
