// A download from a gateway route (/reports/*.csv, /documents/*.pdf): fetched with the session's
// token (a plain link would carry none), saved under the file name the gateway gives.
import { useState } from 'react';
import { authedFetch } from './client.ts';
import { useI18n } from './i18n.tsx';
import { localMessage } from './ui.tsx';

/** A button that downloads `path` (a gateway route with its query) and says why it failed. */
export function FileDownload({
  path,
  label,
  fallbackName = 'export.csv',
  testId,
}: {
  path: string;
  label: string;
  /** The file name when the gateway gives none. */
  fallbackName?: string;
  testId?: string;
}) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const download = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const response = await authedFetch(lang)(path);
      if (!response.ok) {
        const body = (await response.json().catch(() => ({}))) as {
          code?: string;
          messageId?: string;
          messageEn?: string;
        };
        setProblem(
          localMessage(lang === 'id' ? body.messageId : body.messageEn, body.code, lang, t) ||
            t('networkError'),
        );
        return;
      }
      const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
      const url = URL.createObjectURL(await response.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = name ?? fallbackName;
      a.click();
      URL.revokeObjectURL(url);
    } catch {
      setProblem(t('networkError'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="secondary" disabled={busy} onClick={download} data-testid={testId}>
        {label}
      </button>
      {problem ? (
        <span className="field-error" role="alert">
          {problem}
        </span>
      ) : null}
    </>
  );
}
