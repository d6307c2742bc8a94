// The public verification page of an issued document (`/verifikasi/<number>`, what the QR code on
// the document links to; no sign-in). It shows whether the document is current, expired or
// revoked, its signed content hash and the key, and checks a PDF the visitor holds: the browser
// computes its SHA-256 (SubtleCrypto; the file is never uploaded) and the gateway says whether it
// is exactly the issued document. The signature is the city's own, not a certified TTE.
import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import { navigate } from '../router.tsx';
import { ErrorNote, formatDate, Loading, Notice, useText } from '../ui.tsx';
import { TteNotice, verificationPath } from './request-documents.tsx';

const VerifyQuery = graphql(`
  query VerifyDocument($number: String!, $sha256: String) {
    verifyIssuedDocument(number: $number, sha256: $sha256) {
      number
      status
      serviceName
      unitName
      issuedOn
      validUntil
      revokedOn
      revocationReason
      sha256
      algorithm
      keyId
      publicKey
      signatureValid
      fileMatches
    }
  }
`);

/** SHA-256 of a file, hex, computed in the browser (needs a secure context: https or localhost). */
async function fileSha256(file: File): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function VerifyPage({ number }: { number: string }) {
  const { t, lang } = useI18n();
  const input = useText(number);
  const [sha256, setSha256] = useState<string | null>(null);
  const [fileName, setFileName] = useState('');
  const [hashProblem, setHashProblem] = useState(false);
  const [{ data, fetching, error }] = useQuery({
    query: VerifyQuery,
    variables: { number, sha256 },
    pause: number === '',
  });
  const view = data?.verifyIssuedDocument;
  return (
    <section>
      <h1>{t('verifyTitle')}</h1>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          setSha256(null);
          navigate(verificationPath(input.value.trim().toUpperCase()));
        }}
      >
        <label htmlFor="verify-number">{t('verifyNumberLabel')}</label>
        <input id="verify-number" {...input.bind} autoComplete="off" />
        <button type="submit">{t('verifyButton')}</button>
      </form>
      <TteNotice />
      {error ? <ErrorNote error={error} /> : null}
      {fetching && !data ? <Loading /> : null}
      {number && data && !view ? <Notice kind="warn">{t('verifyNotFound')}</Notice> : null}
      {view ? (
        <div className="panel" data-testid="verification">
          <h2>
            <code>{view.number}</code>
          </h2>
          <p data-testid="verification-status">
            <strong className={view.status === 'CURRENT' ? undefined : 'late'}>
              {t(`documentStatus_${view.status}`)}
            </strong>
            {view.revokedOn ? ` · ${t('revokedOn', { date: formatDate(view.revokedOn, lang) })}` : null}
          </p>
          {view.revocationReason ? <p className="note-text">{view.revocationReason}</p> : null}
          <dl className="facts">
            <dt>{t('verifyService')}</dt>
            <dd>{view.serviceName}</dd>
            <dt>{t('verifyUnit')}</dt>
            <dd>{view.unitName}</dd>
            <dt>{t('verifyIssuedOn')}</dt>
            <dd>{formatDate(view.issuedOn, lang)}</dd>
            <dt>{t('verifyValidUntil')}</dt>
            <dd>{view.validUntil ? formatDate(view.validUntil, lang) : t('verifyNoEnd')}</dd>
            <dt>{t('verifyHash')}</dt>
            <dd>
              <code className="hash">{view.sha256}</code>
            </dd>
            <dt>{t('verifyKey')}</dt>
            <dd>
              {view.algorithm} · <code className="hash">{view.keyId}</code>
              {view.signatureValid ? ` · ${t('verifySignatureValid')}` : ` · ${t('verifySignatureInvalid')}`}
            </dd>
          </dl>
          <details>
            <summary>{t('verifyPublicKey')}</summary>
            <pre>{view.publicKey}</pre>
          </details>
          <h3>{t('verifyFileTitle')}</h3>
          <p className="muted">{t('verifyFileHint')}</p>
          <label htmlFor="verify-file">{t('verifyFileLabel')}</label>{' '}
          <input
            id="verify-file"
            type="file"
            accept="application/pdf,.pdf"
            data-testid="verify-file"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              setHashProblem(false);
              if (!file) return;
              setFileName(file.name);
              try {
                setSha256(await fileSha256(file));
              } catch {
                setHashProblem(true);
              }
            }}
          />
          {hashProblem ? <Notice kind="warn">{t('verifyHashUnavailable')}</Notice> : null}
          {sha256 && view.fileMatches === true ? (
            <Notice kind="success">
              <span data-testid="file-verdict">{t('verifyFileMatches', { file: fileName })}</span>
            </Notice>
          ) : null}
          {sha256 && view.fileMatches === false ? (
            <Notice kind="warn">
              <span data-testid="file-verdict">{t('verifyFileDiffers', { file: fileName })}</span>
            </Notice>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
