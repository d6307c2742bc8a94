import { type ReactNode, useEffect, useState } from 'react';
import { useMutation, useQuery, useSubscription } from 'urql';
import { useConfirmation } from '../confirm.tsx';
import { graphql } from '../graphql.ts';
import { type MessageKey, useI18n } from '../i18n.tsx';
import { type AttributeDefinition, actorLabel, attributeEntries, serviceName } from '../labels.ts';
import { Link } from '../router.tsx';
import {
  ErrorNote,
  FailureNote,
  Field,
  FormFailureNote,
  formatDate,
  formatDateTime,
  Loading,
  mutationFailure,
  Notice,
  StateBadge,
  SubmitButton,
  useFailure,
  useSubmit,
  useText,
} from '../ui.tsx';
import {
  AttachmentList,
  FilePicker,
  type SlotFiles,
  SlotPicker,
  sendWithFiles,
  slottedFiles,
} from '../uploads.tsx';
import { ComplaintAnswerPanel } from './complaint-answer.tsx';
import { type ChecklistView, DocumentChecklist } from './document-checklist.tsx';
import { RequestDocuments } from './request-documents.tsx';
import { SurveySection } from './survey.tsx';

export const RequestQuery = graphql(`
  query Request($code: String!) {
    serviceRequest(trackingCode: $code) {
      id
      trackingCode
      state
      stateLabel
      version
      submittedAt
      verifiedAt
      completedAt
      verificationDueOn
      verificationOverdue
      completionDueOn
      completionOverdue
      originalText
      attributeValues
      allowedTransitions
      channel
      standardTime
      timeliness
      timelinessLabel
      reopenCount
      finalClosedAt
      answerWindowEndsOn
      priority
      priorityReason
      escalationLevel
      responseTemplates { id state title text }
      publicDescription
      publicDescriptionAt
      service { code name nameEn kind publicReport }
      serviceVersion { attributes { code datatype description values { key name } } }
      unit { code name }
      assignee { id name }
      applicant { displayName email phone }
      place { latitude longitude address }
      reporterPrivacy
      events { sequence kind fromState toState at publicNote internalNote actorKind actorName actorUnit }
      attachments { id name type size url }
      documentChecklist {
        slot { key name required acceptedTypes maxFiles }
        state redo redoByDefault
        documents { attachment { id name url } decision reason }
        superseded { id name url }
      }
      issuedDocument { number status downloadPath validUntil revocationReason }
    }
  }
`);

/** A state change of a request (staff's actions, the citizen's resubmission), at the version last read. */
export const Transition = graphql(`
  mutation Transition($input: TransitionServiceRequestInput!) {
    transitionServiceRequest(input: $input) {
      __typename
      ... on ServiceRequestPayload { request { id trackingCode state stateLabel version allowedTransitions } }
      ... on ConflictError { message }
      ... on RequestTransitionError { message }
      ... on ValidationError { message fields { field message } }
      ... on NotFoundError { message }
    }
  }
`);

const Correction = graphql(`
  mutation Correction($input: AddServiceRequestCorrectionInput!) {
    addServiceRequestCorrection(input: $input) {
      __typename
      ... on ServiceRequestPayload { request { id version state } }
      ... on ConflictError { message }
      ... on RequestTransitionError { message }
      ... on ValidationError { message fields { field message } }
      ... on NotFoundError { message }
    }
  }
`);

/** addServiceRequestCorrection with files (sent as a multipart request, uploads.tsx). */
const CORRECTION_WITH_FILES = `mutation CorrectionWithFiles($input: AddServiceRequestCorrectionInput!) {
  addServiceRequestCorrection(input: $input) {
    __typename
    ... on ServiceRequestPayload { request { version } }
    ... on Failure { message }
    ... on ValidationError { fields { field message } }
  }
}`;

export const RequestUpdated = graphql(`
  subscription RequestUpdated($code: String!) {
    requestUpdated(trackingCode: $code) { trackingCode state version at }
  }
`);

/** Re-reads the request whenever the gateway reports a change: no reload needed. */
export function useLiveRequest(code: string) {
  const [result, refetch] = useQuery({ query: RequestQuery, variables: { code } });
  const [live] = useSubscription({ query: RequestUpdated, variables: { code } });
  const version = live.data?.requestUpdated.version;
  useEffect(() => {
    if (version !== undefined) refetch({ requestPolicy: 'network-only' });
  }, [version, refetch]);
  return { result, refetch, live: !live.error && !live.stale };
}

export function DeadlineFacts({
  request,
}: {
  request: {
    completionDueOn: string | null;
    verificationDueOn: string;
    /** The standard time of the version the request was filed under, in words (both parts). */
    standardTime: string;
    /** The gateway's (the domain's) verdict: both deadlines, WIB days, as the statistics count. */
    timeliness: string;
    timelinessLabel: string;
  };
}) {
  const { t, lang } = useI18n();
  const onTime = request.timeliness === 'ON_TIME' || request.timeliness === 'COMPLETED_ON_TIME';
  return (
    <dl className="facts">
      <div>
        <dt>{t('standardTime')}</dt>
        <dd data-testid="standard-time">{request.standardTime}</dd>
      </div>
      <div>
        <dt>{t('verificationDue')}</dt>
        <dd>{formatDate(request.verificationDueOn, lang)}</dd>
      </div>
      <div>
        <dt>{t('completionDue')}</dt>
        <dd>
          {request.completionDueOn ? formatDate(request.completionDueOn, lang) : t('afterVerification')}
        </dd>
      </div>
      <div>
        <dt>{t('timeliness')}</dt>
        <dd data-testid="on-time" className={onTime ? 'ok' : 'late'}>
          {request.timelinessLabel}
        </dd>
      </div>
    </dl>
  );
}

/** Breadcrumb back to the list, the service as title, the tracking code and state, and `children`. */
export function RequestHeading({
  back,
  request,
  children,
}: {
  back: { to: string; label: string };
  request: {
    trackingCode: string;
    state: string;
    stateLabel: string;
    service: { name: string; nameEn: string | null };
  };
  children: ReactNode;
}) {
  const { lang } = useI18n();
  return (
    <>
      <p className="crumbs">
        <Link to={back.to}>{back.label}</Link> / {request.trackingCode}
      </p>
      <h1>{serviceName(request.service, lang)}</h1>
      <p>
        <code>{request.trackingCode}</code>{' '}
        <span data-testid="request-state">
          <StateBadge state={request.state} label={request.stateLabel} />
        </span>{' '}
        {children}
      </p>
    </>
  );
}

export function RequestPage({ code }: { code: string }) {
  const { t } = useI18n();
  const { result, refetch, live } = useLiveRequest(code);
  const { data, fetching, error } = result;
  if (error) return <ErrorNote error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (fetching && !data) return <Loading />;
  const request = data?.serviceRequest;
  if (!request) return <Notice kind="warn">{t('requestNotFound')}</Notice>;
  return (
    <article>
      <RequestHeading back={{ to: '/permohonan', label: t('navMyRequests') }} request={request}>
        <span className="live" aria-live="polite">
          {live ? t('liveUpdates') : ''}
        </span>
      </RequestHeading>
      <DeadlineFacts request={request} />
      <DocumentChecklist entries={request.documentChecklist} />
      <AttachmentList attachments={request.attachments} />
      {request.state === 'RETURNED_TO_CITIZEN' ? (
        <CorrectionPanel request={request} onDone={() => refetch({ requestPolicy: 'network-only' })} />
      ) : null}
      <div className="columns">
        <section className="panel" aria-labelledby="trail-title">
          <h2 id="trail-title">{t('statusTrail')}</h2>
          <ol className="trail" data-testid="trail">
            {request.events.map((e) => (
              <TrailEntry key={e.sequence} event={e} />
            ))}
          </ol>
        </section>
        <section className="panel" aria-labelledby="content-title">
          <h2 id="content-title">{t('yourRequest')}</h2>
          <p className="note-text">{request.originalText}</p>
          <AttributeValues values={request.attributeValues} attributes={request.serviceVersion.attributes} />
        </section>
      </div>
      <RequestDocuments trackingCode={request.trackingCode} document={request.issuedDocument} />
      {request.state === 'COMPLETED' ? <SurveySection trackingCode={request.trackingCode} /> : null}
      {request.answerWindowEndsOn ? (
        <ComplaintAnswerPanel request={request} onDone={() => refetch({ requestPolicy: 'network-only' })} />
      ) : null}
      {request.allowedTransitions.includes('WITHDRAWN') ? (
        <WithdrawPanel request={request} onDone={() => refetch({ requestPolicy: 'network-only' })} />
      ) : null}
    </article>
  );
}

// Trail entries that keep the state, by kind; any other entry is titled by the state it led to.
const TRAIL_EVENT_TITLES: Readonly<Record<string, MessageKey>> = {
  CORRECTION: 'eventCorrection',
  NOTE: 'eventNote',
  REASSIGNED: 'eventReassigned',
  TRANSFERRED: 'eventTransferred',
  REOPENED: 'eventReopened',
  ESCALATION_CLIMBED: 'eventEscalationClimbed',
  PRIORITY_SET: 'eventPrioritySet',
  DESCRIPTION_PUBLISHED: 'eventDescriptionPublished',
  OUTCOME_ACCEPTED: 'eventOutcomeAccepted',
  FINALLY_CLOSED: 'eventFinallyClosed',
};

/** A trail entry's title: the state it led to, or what happened when the state stayed. */
export function TrailEventTitle({ event }: { event: { kind: string; toState: string } }) {
  const { t } = useI18n();
  return (
    <strong>
      {event.kind in TRAIL_EVENT_TITLES
        ? t(TRAIL_EVENT_TITLES[event.kind]!)
        : t(`state_${event.toState}` as MessageKey)}
    </strong>
  );
}

/**
 * One entry of a request's status trail: when (WIB), what happened, who acted and the public note;
 * `children` follow (the staff page adds the internal note).
 */
export function TrailEntry({
  event,
  children,
}: {
  event: Parameters<typeof actorLabel>[0] & {
    at: string;
    kind: string;
    toState: string;
    publicNote?: string | null;
  };
  children?: ReactNode;
}) {
  const { lang } = useI18n();
  return (
    <li>
      <time dateTime={event.at}>{formatDateTime(event.at, lang)}</time> — <TrailEventTitle event={event} />{' '}
      <span className="muted" data-testid="trail-actor">
        ({actorLabel(event, lang)})
      </span>
      {event.publicNote ? <p className="note-text">{event.publicNote}</p> : null}
      {children}
    </li>
  );
}

/**
 * A request returned to the citizen: what the officer asked to fix (the return's public note) and
 * the citizen's answer, sent as a correction (the original text stays) and followed by the
 * resubmission (RETURNED_TO_CITIZEN → SUBMITTED) so the clock runs again.
 */
function CorrectionPanel({
  request,
  onDone,
}: {
  request: {
    trackingCode: string;
    version: number;
    allowedTransitions: readonly string[];
    events: readonly { kind: string; toState: string; publicNote: string | null }[];
    documentChecklist: readonly ChecklistView[];
  };
  onDone: () => void;
}) {
  const { t, lang } = useI18n();
  const text = useText();
  const [sent, setSent] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [slotFiles, setSlotFiles] = useState<SlotFiles>({});
  // The slots the return named, and those a return would name by default (refused, or required
  // and still missing: redoByDefault, the gateway's rule): a new upload goes into each.
  const named = request.documentChecklist.filter((e) => e.redo);
  const marked = new Set(
    request.documentChecklist.filter((e) => e.redo || e.redoByDefault).map((e) => e.slot.key),
  );
  const [progress, setProgress] = useState<number | null>(null);
  const [{ fetching: correcting }, correct] = useMutation(Correction);
  const [{ fetching: resubmitting }, transition] = useMutation(Transition);
  const reason = request.events.findLast(
    (e) => e.kind !== 'CORRECTION' && e.toState === 'RETURNED_TO_CITIZEN',
  );
  const { failure, errors, onSubmit } = useSubmit(
    async () => {
      // The gateway refuses to take the request back without a new file in each slot the return
      // named (REDO_DOCUMENTS_MISSING); say so before the correction is sent.
      const missing = named.filter((e) => !slotFiles[e.slot.key]?.length);
      if (request.allowedTransitions.includes('SUBMITTED') && missing.length > 0) {
        return {
          __typename: 'RequestTransitionError',
          message: t('redoStillMissing', { names: missing.map((e) => e.slot.name).join('; ') }),
        };
      }
      const input = {
        trackingCode: request.trackingCode,
        expectedVersion: request.version,
        text: text.value,
      };
      let version: number;
      const upload = slottedFiles(slotFiles, files);
      if (upload.files.length > 0) {
        // With files: the GraphQL multipart request, with upload progress; each file's slot by position.
        setProgress(0);
        const answer = await sendWithFiles(
          lang,
          CORRECTION_WITH_FILES,
          { ...input, attachmentSlots: upload.attachmentSlots },
          upload.files,
          setProgress,
        )
          .catch(() => null)
          .finally(() => setProgress(null));
        const payload = answer?.data?.addServiceRequestCorrection;
        if (payload?.__typename !== 'ServiceRequestPayload')
          return {
            __typename: payload?.__typename ?? 'NetworkError',
            message: payload?.message ?? answer?.errors?.[0]?.message ?? t('networkError'),
            ...(payload?.fields ? { fields: payload.fields } : {}),
          };
        version = payload.request?.version ?? request.version;
      } else {
        const r = await correct({ input });
        const payload = r.data?.addServiceRequestCorrection;
        if (payload?.__typename !== 'ServiceRequestPayload') return mutationFailure(payload, r.error);
        version = payload.request.version;
      }
      if (!request.allowedTransitions.includes('SUBMITTED')) return null;
      const resubmitted = await transition({
        input: {
          trackingCode: request.trackingCode,
          to: 'SUBMITTED',
          expectedVersion: version,
        },
      });
      return mutationFailure(resubmitted.data?.transitionServiceRequest, resubmitted.error);
    },
    () => {
      text.set('');
      setFiles([]);
      setSlotFiles({});
      setSent(true);
      onDone();
    },
  );
  return (
    <section className="panel" aria-labelledby="correction-title" data-testid="correction">
      <h2 id="correction-title">{t('returnedTitle')}</h2>
      {reason?.publicNote ? (
        <>
          <p>{t('returnedReason')}</p>
          <p className="note-text" data-testid="return-reason">
            {reason.publicNote}
          </p>
        </>
      ) : null}
      {named.length > 0 ? (
        <>
          <p>{t('redoListTitle')}</p>
          <ul data-testid="redo-slots">
            {named.map((e) => (
              <li key={e.slot.key}>{e.slot.name}</li>
            ))}
          </ul>
        </>
      ) : null}
      {sent ? <Notice kind="success">{t('correctionSent')}</Notice> : null}
      <form noValidate onSubmit={onSubmit}>
        <Field label={t('correctionText')} hint={t('correctionHint')} error={errors.text} required>
          {(p) => <textarea {...p} rows={3} {...text.bind} />}
        </Field>
        {request.documentChecklist.length > 0 ? (
          <>
            <p className="hint">{t('reuploadHint')}</p>
            <SlotPicker
              slots={request.documentChecklist.map((e) => e.slot)}
              files={slotFiles}
              onChange={setSlotFiles}
              disabled={progress !== null}
              marked={marked}
            />
          </>
        ) : null}
        <FilePicker files={files} onChange={setFiles} progress={progress} />
        <FormFailureNote failure={failure} shown={['text']} />
        <SubmitButton busy={correcting || resubmitting}>{t('sendCorrection')}</SubmitButton>
      </form>
    </section>
  );
}

/**
 * Withdrawing one's own request, offered only while the gateway allows it (before work starts:
 * submitted, verified or returned); it asks first, naming the request, since it cannot be undone.
 */
function WithdrawPanel({
  request,
  onDone,
}: {
  request: { trackingCode: string; version: number; stateLabel: string; service: { name: string } };
  onDone: () => void;
}) {
  const { t } = useI18n();
  const confirmation = useConfirmation();
  const [{ fetching }, transition] = useMutation(Transition);
  const { failure, setFailure } = useFailure();
  const withdraw = async () => {
    const r = await transition({
      input: { trackingCode: request.trackingCode, to: 'WITHDRAWN', expectedVersion: request.version },
    });
    const f = mutationFailure(r.data?.transitionServiceRequest, r.error);
    setFailure(f);
    if (!f) onDone();
  };
  return (
    <section className="panel" aria-labelledby="withdraw-title" data-testid="withdraw">
      <h2 id="withdraw-title">{t('withdrawTitle')}</h2>
      <p className="muted">{t('withdrawHint')}</p>
      <FailureNote failure={failure} />
      <button
        type="button"
        className="secondary"
        disabled={fetching}
        onClick={() =>
          confirmation.ask({
            title: t('confirmTransition', { action: t('withdrawAction') }),
            subject: t('confirmSubject', {
              code: request.trackingCode,
              service: request.service.name,
              state: request.stateLabel,
            }),
            confirmLabel: t('withdrawAction'),
            onConfirm: () => void withdraw(),
          })
        }
      >
        {t('withdrawAction')}
      </button>
      {confirmation.dialog}
    </section>
  );
}

/** The values a citizen filled into a service's form fields, by field key. */
/** A request's attribute values by their labels, list values by their names (never codes). */
export function AttributeValues({
  values,
  attributes,
}: {
  values: unknown;
  attributes: readonly AttributeDefinition[];
}) {
  const { lang } = useI18n();
  return (
    <dl className="values">
      {attributeEntries(values, attributes, lang).map((e) => (
        <div key={e.code}>
          <dt>{e.label}</dt>
          <dd>{e.text}</dd>
        </div>
      ))}
    </dl>
  );
}
