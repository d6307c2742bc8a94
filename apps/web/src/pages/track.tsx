import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import { serviceName } from '../labels.ts';
import { ErrorNote, formatDate, formatDateTime, Loading, Notice, StateBadge, useText } from '../ui.tsx';
import { FollowButton } from './follow-button.tsx';

const StatusQuery = graphql(`
  query RequestStatus($code: String!) {
    requestStatus(trackingCode: $code) {
      trackingCode
      state
      stateLabel
      submittedAt
      verificationDueOn
      completionDueOn
      standardTime
      timeliness
      timelinessLabel
      service { name nameEn kind }
      trail { at toState }
      duplicateOfCode
      followedByMe
    }
  }
`);

export function TrackPage() {
  const { t, lang } = useI18n();
  const initial = new URLSearchParams(location.search).get('kode') ?? '';
  const input = useText(initial);
  const [code, setCode] = useState(initial);
  const [{ data, fetching, error }] = useQuery({
    query: StatusQuery,
    variables: { code },
    pause: code === '',
  });
  const status = data?.requestStatus;
  return (
    <section>
      <h1>{t('navTrack')}</h1>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          setCode(input.value.trim());
        }}
      >
        <label htmlFor="track-code">{t('trackLabel')}</label>
        <input id="track-code" {...input.bind} autoComplete="off" />
        <button type="submit">{t('trackButton')}</button>
      </form>
      {error ? <ErrorNote error={error} /> : null}
      {fetching ? <Loading /> : null}
      {code && data && !status ? <Notice kind="warn">{t('trackingNotFound')}</Notice> : null}
      {status ? (
        <div className="panel">
          <h2>{serviceName(status.service, lang)}</h2>
          <p>
            <code>{status.trackingCode}</code> <StateBadge state={status.state} label={status.stateLabel} />
          </p>
          <p>
            {status.completionDueOn
              ? t('dueOn', { date: formatDate(status.completionDueOn, lang) })
              : t('verificationDueOn', { date: formatDate(status.verificationDueOn, lang) })}
            {status.timeliness === 'LATE' || status.timeliness === 'COMPLETED_LATE' ? (
              <strong className="late"> · {status.timelinessLabel}</strong>
            ) : null}
          </p>
          {status.duplicateOfCode ? (
            <p data-testid="duplicate-of">
              <a href={`/lacak?kode=${encodeURIComponent(status.duplicateOfCode)}`}>
                {t('duplicateOf', { code: status.duplicateOfCode })}
              </a>
            </p>
          ) : null}
          {status.service.kind === 'COMPLAINT' &&
          !['COMPLETED', 'REJECTED', 'WITHDRAWN', 'DUPLICATE'].includes(status.state) ? (
            <FollowButton
              key={status.trackingCode}
              trackingCode={status.trackingCode}
              following={status.followedByMe}
            />
          ) : null}
          <p className="muted" data-testid="standard-time">
            {status.standardTime}
          </p>
          <ol className="trail">
            {status.trail.map((e) => (
              <li key={`${e.at}-${e.toState}`}>
                <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time> — {t(`state_${e.toState}`)}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </section>
  );
}
