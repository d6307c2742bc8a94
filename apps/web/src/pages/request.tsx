import { type ReactNode, useEffect } from 'react';
import { useQuery, useSubscription } from 'urql';
import { graphql } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import { Link } from '../router.tsx';
import { ErrorNote, formatDate, formatDateTime, Loading, Notice, StateBadge } from '../ui.tsx';
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
      service { code name completionDays }
      unit { name }
      events { sequence kind fromState toState at publicNote internalNote actorKind }
    }
  }
`);

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
    state: string;
    completionDueOn: string | null;
    completionOverdue: boolean;
    verificationDueOn: string;
    verificationOverdue: boolean;
    completedAt: string | null;
    service: { completionDays: number };
  };
}) {
  const { t, lang } = useI18n();
  const completed = request.state === 'COMPLETED';
  const onTime = completed
    ? request.completedAt !== null &&
      request.completionDueOn !== null &&
      request.completedAt.slice(0, 10) <= request.completionDueOn
    : !(request.completionOverdue || request.verificationOverdue);
  return (
    <dl className="facts">
      <div>
        <dt>{t('standardTime')}</dt>
        <dd>{t('workingDays', { count: request.service.completionDays })}</dd>
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
          {completed
            ? onTime
              ? t('completedOnTime')
              : t('completedLate')
            : onTime
              ? t('onTime')
              : t('late')}
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
  request: { trackingCode: string; state: string; stateLabel: string; service: { name: string } };
  children: ReactNode;
}) {
  return (
    <>
      <p className="crumbs">
        <Link to={back.to}>{back.label}</Link> / {request.trackingCode}
      </p>
      <h1>{request.service.name}</h1>
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
  const { t, lang } = useI18n();
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
      <div className="columns">
        <section className="panel" aria-labelledby="trail-title">
          <h2 id="trail-title">{t('statusTrail')}</h2>
          <ol className="trail" data-testid="trail">
            {request.events.map((e) => (
              <li key={e.sequence}>
                <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time> —{' '}
                <strong>{t(`state_${e.toState}`)}</strong>
                {e.publicNote ? <p className="note-text">{e.publicNote}</p> : null}
              </li>
            ))}
          </ol>
        </section>
        <section className="panel" aria-labelledby="content-title">
          <h2 id="content-title">{t('yourRequest')}</h2>
          <p className="note-text">{request.originalText}</p>
          <AttributeValues values={request.attributeValues} />
        </section>
      </div>
      {request.state === 'COMPLETED' ? <SurveySection trackingCode={request.trackingCode} /> : null}
    </article>
  );
}

/** The values a citizen filled into a service's form fields, by field key. */
export function AttributeValues({ values }: { values: unknown }) {
  return (
    <dl className="values">
      {Object.entries((values ?? {}) as Record<string, unknown>).map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{Array.isArray(v) ? v.join(', ') : String(v)}</dd>
        </div>
      ))}
    </dl>
  );
}
