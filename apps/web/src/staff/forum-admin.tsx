// Forums on the "Kelola" page (issue 21 item 7): admins open a standing forum (createForum); staff
// of a forum's unit and admins schedule its sessions with the staff attending for the government
// (scheduleForumSession) and publish each session's minutes (publishSessionMinutes, which may be
// corrected by publishing again). Forums the caller may not manage offer no action.
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import { ForumSessionsQuery } from '../pages/forums.tsx';
import { PAGE_SIZE, PagerNav, pageData, usePager } from '../paging.tsx';
import { useEveryStaffMember } from '../reference-lists.ts';
import { Link } from '../router.tsx';
import {
  Checkbox,
  ErrorNote,
  Field,
  FormFailureNote,
  formatDateTime,
  Loading,
  mutationFailure,
  Notice,
  toggled,
  useSubmit,
  useText,
} from '../ui.tsx';
import { FormButtons, useCreation } from './form-buttons.tsx';
import { UnitSelect } from './staff-form.tsx';

const ForumsQuery = graphql(`
  query ManagedForums($first: Int!, $after: String) {
    forums(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id slug title answerDays unit { code shortName } } }
    }
  }
`);

const SessionChoicesQuery = graphql(`
  query SessionChoices {
    districts { code name }
  }
`);

const CreateForum = graphql(`
  mutation CreateForum($input: CreateForumInput!) {
    createForum(input: $input) {
      __typename
      ... on CreateForumPayload { forum { id slug title } }
      ... on ValidationError { message fields { field message } }
      ... on Failure { message }
    }
  }
`);

const ScheduleSession = graphql(`
  mutation ScheduleForumSession($input: ScheduleForumSessionInput!) {
    scheduleForumSession(input: $input) {
      __typename
      ... on ForumSessionPayload { session { id title } }
      ... on ValidationError { message fields { field message } }
      ... on Failure { message }
    }
  }
`);

const PublishMinutes = graphql(`
  mutation PublishSessionMinutes($sessionId: ID!, $minutes: String!) {
    publishSessionMinutes(sessionId: $sessionId, minutes: $minutes) {
      __typename
      ... on ForumSessionPayload { session { id minutes minutesPublishedAt } }
      ... on ValidationError { message fields { field message } }
      ... on Failure { message }
    }
  }
`);

/** A `datetime-local` value (WIB wall-clock time) as an ISO instant; '' stays '' for the gateway to refuse. */
export function wibInstant(local: string): string {
  return local ? `${local}:00+07:00` : '';
}

/** The forums; admins (`admin`) create them, and manage every forum, a unit's staff their unit's. */
export function ForumAdmin({ ownUnit, admin }: { ownUnit: string | null; admin: boolean }) {
  const { t } = useI18n();
  const pager = usePager('forums');
  const variables = { first: PAGE_SIZE, after: pager.after };
  const [page, refetch] = useQuery({ query: ForumsQuery, variables });
  const data = pageData(page, variables);
  const forums = data?.forums.edges.map((e) => e.node) ?? [];
  const creation = useCreation<string>();
  const [open, setOpen] = useState<string | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <>
      <h2>{t('manage_forums')}</h2>
      {admin ? (
        creation.creating ? (
          <CreateForumForm
            onClose={creation.close}
            onCreated={(title) => {
              creation.done(title);
              reload();
            }}
          />
        ) : (
          <button type="button" onClick={creation.open}>
            {t('newForum')}
          </button>
        )
      ) : null}
      {creation.created ? (
        <Notice kind="success">{t('forumCreated', { title: creation.created })}</Notice>
      ) : null}
      {page.error ? <ErrorNote error={page.error} retry={reload} /> : null}
      {page.fetching && !data ? <Loading /> : null}
      <ul className="list" data-testid="managed-forums">
        {forums.map((f) => {
          const mayManage = admin || f.unit.code === ownUnit;
          return (
            <li key={f.id}>
              <strong>
                <Link to={`/forum/${f.slug}`}>{f.title}</Link>
              </strong>{' '}
              <span className="muted">
                ({f.unit.shortName} · {t('answerWithin', { days: f.answerDays })})
              </span>{' '}
              {mayManage ? (
                <button
                  type="button"
                  className="link"
                  aria-expanded={open === f.slug}
                  onClick={() => setOpen(open === f.slug ? null : f.slug)}
                >
                  {t('forumSessionsManage')}
                </button>
              ) : null}
              {mayManage && open === f.slug ? (
                <ForumSessions slug={f.slug} forumId={f.id} title={f.title} unitCode={f.unit.code} />
              ) : null}
            </li>
          );
        })}
      </ul>
      <PagerNav pager={pager} connection={data?.forums} shown={forums.length} />
    </>
  );
}

function CreateForumForm({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (title: string) => void;
}) {
  const { t } = useI18n();
  const title = useText();
  const slug = useText();
  const description = useText();
  const answerDays = useText('14');
  const [unitCode, setUnitCode] = useState('');
  const [{ fetching }, create] = useMutation(CreateForum);
  const { failure, errors, onSubmit } = useSubmit(
    async () => {
      const r = await create({
        input: {
          title: title.value,
          slug: slug.value.trim(),
          description: description.value,
          unitCode,
          answerDays: Number(answerDays.value),
        },
      });
      return mutationFailure(r.data?.createForum, r.error);
    },
    () => onCreated(title.value.trim()),
  );
  const shown = ['title', 'slug', 'description', 'unitCode', 'answerDays'];
  return (
    <form className="subform" noValidate onSubmit={onSubmit} aria-label={t('newForum')}>
      <h3>{t('newForum')}</h3>
      <Field label={t('forumTitle')} error={errors.title} required>
        {(p) => <input {...p} {...title.bind} />}
      </Field>
      <Field label={t('forumSlug')} hint={t('forumSlugHint')} error={errors.slug} required>
        {(p) => <input {...p} {...slug.bind} />}
      </Field>
      <Field label={t('description')} error={errors.description} required>
        {(p) => <textarea {...p} rows={3} {...description.bind} />}
      </Field>
      <Field label={t('forumAnsweringUnit')} error={errors.unitCode} required>
        {(p) => <UnitSelect {...p} ownUnit={null} value={unitCode} onChange={setUnitCode} />}
      </Field>
      <Field label={t('forumAnswerDays')} error={errors.answerDays} required>
        {(p) => <input {...p} type="number" min={1} max={60} {...answerDays.bind} />}
      </Field>
      <FormFailureNote failure={failure} shown={shown} />
      <FormButtons busy={fetching} submit={t('createForum')} onClose={onClose} />
    </form>
  );
}

function ForumSessions({
  slug,
  forumId,
  title,
  unitCode,
}: {
  slug: string;
  forumId: string;
  title: string;
  unitCode: string;
}) {
  const { t, lang } = useI18n();
  const pager = usePager(`sessions-${slug}`);
  const variables = { slug, first: PAGE_SIZE, after: pager.after };
  const [page, refetch] = useQuery({ query: ForumSessionsQuery, variables });
  const data = pageData(page, variables);
  const sessions = data?.forum?.sessions.edges.map((e) => e.node) ?? [];
  const [scheduling, setScheduling] = useState(false);
  const [minutesOf, setMinutesOf] = useState<string | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <div className="subform" data-testid="forum-sessions">
      <h3>{t('forumSessionsOf', { title })}</h3>
      {page.error ? <ErrorNote error={page.error} retry={reload} /> : null}
      {page.fetching && !data ? <Loading /> : null}
      {data && sessions.length === 0 ? <p>{t('noSessions')}</p> : null}
      <ul className="list">
        {sessions.map((s) => (
          <li key={s.id} data-testid="managed-session">
            <strong>{s.title}</strong>{' '}
            <span className="muted">
              {formatDateTime(s.startsAt, lang)} · {s.place}
              {s.district ? ` · ${s.district.name}` : ` · ${t('cityWide')}`}
            </span>
            <p>{s.agenda}</p>
            {s.representatives.length > 0 ? (
              <p className="muted">
                {t('sessionRepresentatives')}: {s.representatives.map((r) => r.staff.name).join(', ')}
              </p>
            ) : null}
            {s.minutes ? (
              <div data-testid="session-minutes">
                <p>
                  <strong>{t('sessionMinutes')}</strong>{' '}
                  <span className="muted">
                    ({t('minutesPublishedOn', { date: formatDateTime(s.minutesPublishedAt, lang) })})
                  </span>
                </p>
                <p className="note-text">{s.minutes}</p>
              </div>
            ) : null}
            <button
              type="button"
              className="link"
              aria-expanded={minutesOf === s.id}
              onClick={() => setMinutesOf(minutesOf === s.id ? null : s.id)}
            >
              {s.minutes ? t('correctMinutes') : t('publishMinutes')}
            </button>
            {minutesOf === s.id ? (
              <MinutesForm
                sessionId={s.id}
                sessionTitle={s.title}
                initial={s.minutes ?? ''}
                onClose={() => setMinutesOf(null)}
                onDone={() => {
                  setMinutesOf(null);
                  reload();
                }}
              />
            ) : null}
          </li>
        ))}
      </ul>
      <PagerNav pager={pager} connection={data?.forum?.sessions} shown={sessions.length} />
      {scheduling ? (
        <ScheduleSessionForm
          forumId={forumId}
          unitCode={unitCode}
          onClose={() => setScheduling(false)}
          onDone={() => {
            setScheduling(false);
            reload();
          }}
        />
      ) : (
        <button type="button" className="secondary" onClick={() => setScheduling(true)}>
          {t('scheduleSession')}
        </button>
      )}
    </div>
  );
}

function ScheduleSessionForm({
  forumId,
  unitCode,
  onClose,
  onDone,
}: {
  forumId: string;
  unitCode: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [{ data: choices }] = useQuery({ query: SessionChoicesQuery });
  const title = useText();
  const agenda = useText();
  const place = useText();
  const startsAt = useText();
  const district = useText();
  const [representatives, setRepresentatives] = useState<readonly string[]>([]);
  const [{ fetching }, schedule] = useMutation(ScheduleSession);
  const { failure, errors, onSubmit } = useSubmit(async () => {
    const r = await schedule({
      input: {
        forumId,
        title: title.value,
        agenda: agenda.value,
        place: place.value,
        startsAt: wibInstant(startsAt.value),
        districtCode: district.value || null,
        representativeIds: [...representatives],
      },
    });
    return mutationFailure(r.data?.scheduleForumSession, r.error);
  }, onDone);
  const staff = useEveryStaffMember(unitCode).nodes ?? [];
  const shown = ['title', 'agenda', 'place', 'startsAt', 'districtCode', 'representativeIds'];
  return (
    <form className="subform" noValidate onSubmit={onSubmit} aria-label={t('scheduleSession')}>
      <h4>{t('scheduleSession')}</h4>
      <Field label={t('sessionTitle')} error={errors.title} required>
        {(p) => <input {...p} {...title.bind} />}
      </Field>
      <Field label={t('sessionAgenda')} error={errors.agenda} required>
        {(p) => <textarea {...p} rows={2} {...agenda.bind} />}
      </Field>
      <Field label={t('sessionPlace')} error={errors.place} required>
        {(p) => <input {...p} {...place.bind} />}
      </Field>
      <Field label={t('sessionStartsAt')} hint={t('sessionStartsAtHint')} error={errors.startsAt} required>
        {(p) => <input {...p} type="datetime-local" {...startsAt.bind} />}
      </Field>
      <Field label={t('sessionDistrict')} error={errors.districtCode}>
        {(p) => (
          <select {...p} {...district.bind}>
            <option value="">{t('cityWide')}</option>
            {(choices?.districts ?? []).map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className={errors.representativeIds ? 'field invalid' : 'field'}>
        <legend>{t('sessionRepresentatives')}</legend>
        {staff.map((s) => (
          <Checkbox
            key={s.id}
            checked={representatives.includes(s.id)}
            onChange={(on) => setRepresentatives((list) => toggled(list, s.id, on))}
          >
            {s.name}
          </Checkbox>
        ))}
        {errors.representativeIds ? <p className="field-error">{errors.representativeIds}</p> : null}
      </fieldset>
      <FormFailureNote failure={failure} shown={shown} />
      <FormButtons busy={fetching} submit={t('scheduleSession')} onClose={onClose} />
    </form>
  );
}

function MinutesForm({
  sessionId,
  sessionTitle,
  initial,
  onClose,
  onDone,
}: {
  sessionId: string;
  sessionTitle: string;
  initial: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const minutes = useText(initial);
  const [{ fetching }, publish] = useMutation(PublishMinutes);
  const { failure, errors, onSubmit } = useSubmit(async () => {
    const r = await publish({ sessionId, minutes: minutes.value });
    return mutationFailure(r.data?.publishSessionMinutes, r.error);
  }, onDone);
  return (
    <form
      className="subform"
      noValidate
      onSubmit={onSubmit}
      aria-label={t('publishMinutesOf', { title: sessionTitle })}
    >
      <Field label={t('sessionMinutes')} hint={t('minutesHint')} error={errors.minutes} required>
        {(p) => <textarea {...p} rows={5} {...minutes.bind} />}
      </Field>
      <FormFailureNote failure={failure} shown={['minutes']} />
      <FormButtons busy={fetching} submit={t('publishMinutes')} onClose={onClose} />
    </form>
  );
}
