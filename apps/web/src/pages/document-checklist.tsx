// The requirements checklist of a request (issue 19 item 4), on the citizen's and the staff's
// request pages: each slot of the service version, its state, its current documents with their
// review (a refusal's reason), earlier uploads kept in the trail. Staff of the handling unit
// accept or refuse each current document (reviewRequestDocument).
import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../graphql.ts';
import { type MessageKey, useI18n } from '../i18n.tsx';
import { FailureNote, mutationFailure, useFailure } from '../ui.tsx';

export type ChecklistView = {
  slot: { key: string; name: string; required: boolean; acceptedTypes: readonly string[]; maxFiles: number };
  state: 'EMPTY' | 'UNREVIEWED' | 'ACCEPTED' | 'REFUSED';
  redo: boolean;
  /** Whether a return naming no slots would name it (the gateway's rule): the return form preselects it. */
  redoByDefault: boolean;
  documents: readonly {
    attachment: { id: string; name: string; url: string };
    decision: 'ACCEPTED' | 'REFUSED' | null;
    reason: string | null;
  }[];
  superseded: readonly { id: string; name: string; url: string }[];
};

const ReviewDocument = graphql(`
  mutation ReviewDocument($input: ReviewRequestDocumentInput!) {
    reviewRequestDocument(input: $input) {
      __typename
      ... on ServiceRequestPayload { request { id } }
      ... on ValidationError { message fields { field message } }
      ... on ConflictError { message }
      ... on NotFoundError { message }
    }
  }
`);

/** The checklist; with `onReviewed`, staff review buttons beside each current document. */
export function DocumentChecklist({
  entries,
  onReviewed,
}: {
  entries: readonly ChecklistView[];
  onReviewed?: () => void;
}) {
  const { t } = useI18n();
  if (entries.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="checklist-title" data-testid="checklist">
      <h2 id="checklist-title">{t('checklistTitle')}</h2>
      <ol className="checklist">
        {entries.map((e) => (
          <li key={e.slot.key} data-testid={`checklist-${e.slot.key}`} data-state={e.state}>
            <strong>{e.slot.name}</strong> ({e.slot.required ? t('slotRequired') : t('slotOptional')}) —{' '}
            <span className={`slot-state ${e.state.toLowerCase()}`}>
              {t(`slotState_${e.state}` as MessageKey)}
            </span>
            {e.redo ? <strong> · {t('slotRedo')}</strong> : null}
            {e.documents.length > 0 ? (
              <ul className="file-list">
                {e.documents.map((d) => (
                  <li key={d.attachment.id}>
                    <a
                      href={d.attachment.url}
                      target="_blank"
                      rel="noopener noreferrer"
                      download={d.attachment.name}
                    >
                      {d.attachment.name}
                    </a>
                    {d.decision ? ` — ${t(`slotState_${d.decision}` as MessageKey)}` : null}
                    {d.decision === 'REFUSED' && d.reason ? (
                      <p className="note-text" data-testid="refusal-reason">
                        {t('refusedBecause', { reason: d.reason })}
                      </p>
                    ) : null}
                    {onReviewed ? <ReviewButtons attachmentId={d.attachment.id} onDone={onReviewed} /> : null}
                  </li>
                ))}
              </ul>
            ) : null}
            {e.superseded.length > 0 ? (
              <details>
                <summary>{t('earlierUploads')}</summary>
                <ul className="file-list">
                  {e.superseded.map((a) => (
                    <li key={a.id}>
                      <a href={a.url} target="_blank" rel="noopener noreferrer" download={a.name}>
                        {a.name}
                      </a>
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Accept, or refuse with a reason the citizen reads. */
function ReviewButtons({ attachmentId, onDone }: { attachmentId: string; onDone: () => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [{ fetching }, review] = useMutation(ReviewDocument);
  const { failure, setFailure } = useFailure();
  const send = async (decision: 'ACCEPTED' | 'REFUSED') => {
    const r = await review({ input: { attachmentId, decision, ...(reason.trim() ? { reason } : {}) } });
    const f = mutationFailure(r.data?.reviewRequestDocument, r.error);
    setFailure(f);
    if (!f) {
      setReason('');
      onDone();
    }
  };
  return (
    <div className="review" data-testid={`review-${attachmentId}`}>
      <label>
        {t('refuseReason')}{' '}
        <input type="text" value={reason} onChange={(e) => setReason(e.target.value)} disabled={fetching} />
      </label>{' '}
      <button type="button" disabled={fetching} onClick={() => void send('ACCEPTED')}>
        {t('acceptDocument')}
      </button>{' '}
      <button type="button" className="secondary" disabled={fetching} onClick={() => void send('REFUSED')}>
        {t('refuseDocument')}
      </button>
      <FailureNote failure={failure} also={failure?.fields?.map((f) => f.message) ?? []} />
    </div>
  );
}
