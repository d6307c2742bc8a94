import { useEffect, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { useConfirmation } from '../confirm.tsx';
import { type MessageKey, useI18n } from '../i18n.tsx';
import { channelLabel, serviceName } from '../labels.ts';
import { DocumentChecklist } from '../pages/document-checklist.tsx';
import {
  AttributeValues,
  DeadlineFacts,
  RequestHeading,
  TrailEntry,
  Transition,
  useLiveRequest,
} from '../pages/request.tsx';
import { RequestDocuments } from '../pages/request-documents.tsx';
import type { Role } from '../session.ts';
import { ErrorNote, Field, FormFailureNote, Loading, mutationFailure, Notice, useFailure } from '../ui.tsx';
import { PublicDescriptionForm } from './public-description.tsx';
import { chosenRedo, RedoSlotsPicker, redoFieldNames } from './redo-slots.tsx';
import { RequestDesk } from './request-desk.tsx';
import { PriorityForm, TemplatePicker } from './triage.tsx';

// The actions staff take, by the state they lead to.
const ACTIONS: Record<string, MessageKey> = {
  VERIFIED: 'actionVerify',
  RETURNED_TO_CITIZEN: 'actionReturn',
  SUBMITTED: 'actionResubmit',
  IN_PROGRESS: 'actionProgress',
  COMPLETED: 'actionComplete',
  REJECTED: 'actionReject',
};

// A transition's two notes: the public one the citizen reads, the internal one for staff only.
const NOTES = ['publicNote', 'internalNote'] as const;
type Note = (typeof NOTES)[number];
const NO_NOTES: Record<Note, string> = { publicNote: '', internalNote: '' };

// Actions that cannot be undone: they ask for confirmation, naming the request and its state.
const IRREVERSIBLE = new Set(['REJECTED', 'COMPLETED']);

export function StaffRequestPage({ code, role }: { code: string; role: Role }) {
  const { t, lang } = useI18n();
  const { result, refetch } = useLiveRequest(code);
  const { data, fetching, error } = result;
  const [{ fetching: acting }, transition] = useMutation(Transition);
  const [notes, setNotes] = useState<Record<Note, string>>(NO_NOTES);
  // The slots to redo on a return; null: the gateway's default, until staff change a box.
  const [redo, setRedo] = useState<Set<string> | null>(null);
  const { failure, setFailure, errors } = useFailure();
  const [conflict, setConflict] = useState(false);
  const confirmation = useConfirmation();
  // A change that arrives live (another officer, the citizen) while an action is being prepared
  // resets it: typed notes and an open confirmation were meant for the state that was shown.
  const request0 = data?.serviceRequest;
  const shownVersion = useRef<number | null>(null);
  const ownVersion = useRef<number | null>(null);
  const [changedTo, setChangedTo] = useState<string | null>(null);
  const { cancel: cancelConfirmation } = confirmation;
  useEffect(() => {
    if (!request0) return;
    const before = shownVersion.current;
    shownVersion.current = request0.version;
    if (before === null || before === request0.version || ownVersion.current === request0.version) return;
    setNotes(NO_NOTES);
    setRedo(null);
    cancelConfirmation();
    setFailure(null);
    setChangedTo(request0.stateLabel);
  }, [request0, cancelConfirmation, setFailure]);
  if (error) return <ErrorNote error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (fetching && !data) return <Loading />;
  const request = data?.serviceRequest;
  if (!request) return <Notice kind="warn">{t('requestNotFound')}</Notice>;
  const actions = request.allowedTransitions.filter((s) => s in ACTIONS);

  const act = async (to: (typeof request.allowedTransitions)[number]) => {
    setConflict(false);
    setChangedTo(null);
    const r = await transition({
      input: {
        trackingCode: request.trackingCode,
        to,
        expectedVersion: request.version,
        // Only the notes written: blank ones are left out.
        ...Object.fromEntries(Object.entries(notes).filter(([, note]) => note.trim())),
        // A return names the slots ticked (an empty list: none).
        ...(to === 'RETURNED_TO_CITIZEN' && request.documentChecklist.length > 0
          ? { redoSlots: chosenRedo(request.documentChecklist, redo) }
          : {}),
      },
    });
    const payload = r.data?.transitionServiceRequest;
    if (payload?.__typename === 'ConflictError') {
      // Someone else acted first: show it and load the current state instead of overwriting it.
      setConflict(true);
      setFailure(null);
      refetch({ requestPolicy: 'network-only' });
      return;
    }
    const f = mutationFailure(payload, r.error);
    setFailure(f);
    if (payload?.__typename === 'ServiceRequestPayload') ownVersion.current = payload.request.version;
    if (!f) {
      setNotes(NO_NOTES);
      setRedo(null);
      refetch({ requestPolicy: 'network-only' });
    }
  };

  return (
    <article>
      <RequestHeading back={{ to: '/staf', label: t('navQueue') }} request={request}>
        <span className="muted">
          {t('channel')}: {channelLabel(request.channel, lang)} · v{request.version}
          {request.escalationLevel ? (
            <>
              {' '}
              · {t('escalationLevel')}:{' '}
              <span data-testid="escalation-level">{t(`escalation_${request.escalationLevel}`)}</span>
            </>
          ) : null}
        </span>
        {request.priority === 'URGENT' ? (
          <strong className="late" data-testid="priority-badge">
            {' '}
            {t('priority_URGENT')}
          </strong>
        ) : null}
      </RequestHeading>
      <DeadlineFacts request={request} />
      {changedTo ? (
        <Notice kind="warn">
          <span data-testid="changed-under-you">{t('changedUnderYou', { state: changedTo })}</span>
        </Notice>
      ) : null}
      {conflict ? (
        <Notice kind="warn">
          <span data-testid="conflict">{t('someoneActedFirst')}</span>
        </Notice>
      ) : null}
      <div className="columns">
        <section className="panel" aria-labelledby="act-title">
          <h2 id="act-title">{t('actOnRequest')}</h2>
          {actions.length === 0 ? <p>{t('noActions')}</p> : null}
          {actions.length > 0 ? (
            <form noValidate onSubmit={(e) => e.preventDefault()}>
              <TemplatePicker
                templates={request.responseTemplates}
                states={[request.state, ...actions]}
                onPick={(text) => setNotes((n) => ({ ...n, publicNote: text }))}
              />
              {NOTES.map((note) => (
                <Field key={note} label={t(note)} hint={t(`${note}Hint`)} error={errors[note]}>
                  {(p) => (
                    <textarea
                      {...p}
                      rows={2}
                      value={notes[note]}
                      onChange={(e) => setNotes((n) => ({ ...n, [note]: e.target.value }))}
                    />
                  )}
                </Field>
              ))}
              {actions.includes('RETURNED_TO_CITIZEN') && request.documentChecklist.length > 0 ? (
                <RedoSlotsPicker
                  entries={request.documentChecklist}
                  choice={redo}
                  onChange={setRedo}
                  errors={errors}
                />
              ) : null}
              <FormFailureNote
                failure={failure}
                shown={[...NOTES, ...redoFieldNames(request.documentChecklist)]}
              />
              <div className="actions">
                {actions.map((to) => (
                  <button
                    key={to}
                    type="button"
                    className={to === 'REJECTED' || to === 'RETURNED_TO_CITIZEN' ? 'secondary' : undefined}
                    disabled={acting}
                    onClick={() =>
                      IRREVERSIBLE.has(to)
                        ? confirmation.ask({
                            title: t('confirmTransition', { action: t(ACTIONS[to]!) }),
                            subject: t('confirmSubject', {
                              code: request.trackingCode,
                              service: serviceName(request.service, lang),
                              state: request.stateLabel,
                            }),
                            confirmLabel: t(ACTIONS[to]!),
                            onConfirm: () => void act(to),
                          })
                        : act(to)
                    }
                  >
                    {t(ACTIONS[to]!)}
                  </button>
                ))}
              </div>
            </form>
          ) : null}
        </section>
        <section className="panel" aria-labelledby="trail-title">
          <h2 id="trail-title">{t('statusTrail')}</h2>
          <ol className="trail" data-testid="trail-staff">
            {request.events.map((e) => (
              <TrailEntry key={e.sequence} event={e}>
                {e.internalNote ? (
                  <p className="note-text internal">
                    {t('internal')}: {e.internalNote}
                  </p>
                ) : null}
              </TrailEntry>
            ))}
          </ol>
          <h3>{t('citizenText')}</h3>
          <p className="note-text">{request.originalText}</p>
          <AttributeValues values={request.attributeValues} attributes={request.serviceVersion.attributes} />
        </section>
      </div>
      <DocumentChecklist
        entries={request.documentChecklist}
        onReviewed={() => refetch({ requestPolicy: 'network-only' })}
      />
      <RequestDocuments
        trackingCode={request.trackingCode}
        document={request.issuedDocument}
        mayRevoke={role === 'SUPERVISOR' || role === 'ADMIN'}
        onChanged={() => refetch({ requestPolicy: 'network-only' })}
      />
      {/* Handling staff of the unit and admins (they are the ones who may act on it). */}
      {request.allowedTransitions.length > 0 || role === 'ADMIN' ? (
        <section className="panel">
          <PriorityForm
            key={`${request.trackingCode}:${request.priority}`}
            request={request}
            onChanged={(version) => {
              if (version !== undefined) ownVersion.current = version;
              refetch({ requestPolicy: 'network-only' });
            }}
          />
        </section>
      ) : null}
      {/* A public report: the same staff redact and publish what everyone may read. */}
      {request.service.publicReport && (request.allowedTransitions.length > 0 || role === 'ADMIN') ? (
        <section className="panel">
          <PublicDescriptionForm
            key={`${request.trackingCode}:${request.publicDescriptionAt ?? ''}`}
            request={request}
            onChanged={(version) => {
              if (version !== undefined) ownVersion.current = version;
              refetch({ requestPolicy: 'network-only' });
            }}
          />
        </section>
      ) : null}
      <RequestDesk
        request={request}
        role={role}
        onChanged={(version) => {
          if (version !== undefined) ownVersion.current = version;
          refetch({ requestPolicy: 'network-only' });
        }}
      />
      {confirmation.dialog}
    </article>
  );
}
