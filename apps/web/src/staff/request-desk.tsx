// The staff desk beside a request: the applicant's contact details, who handles it (take it on;
// supervisors hand it to a colleague of the unit, or transfer it to the responsible service and
// unit) and a note without a change of state.
import { useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { formatNumber } from '../format.ts';
import { graphql } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import { useEveryStaffMember } from '../reference-lists.ts';
import type { Role } from '../session.ts';
import {
  Field,
  FormFailureNote,
  mutationFailure,
  Notice,
  Select,
  SubmitButton,
  useFailure,
  useSubmit,
  useText,
} from '../ui.tsx';
import { DuplicateForm } from './duplicate-form.tsx';
import { useRequestChange } from './request-change.ts';
import { TransferForm } from './transfer-form.tsx';

const Claim = graphql(`
  mutation Claim($input: ClaimServiceRequestInput!) {
    claimServiceRequest(input: $input) {
      __typename
      ... on ServiceRequestPayload { request { id version assignee { id name } } }
      ... on Failure { code message }
    }
  }
`);

const Reassign = graphql(`
  mutation Reassign($input: ReassignServiceRequestInput!) {
    reassignServiceRequest(input: $input) {
      __typename
      ... on ServiceRequestPayload { request { id version assignee { id name } } }
      ... on ValidationError { message fields { field message } }
      ... on Failure { code message }
    }
  }
`);

const AddNote = graphql(`
  mutation AddNote($input: AddServiceRequestNoteInput!) {
    addServiceRequestNote(input: $input) {
      __typename
      ... on ServiceRequestPayload { request { id version } }
      ... on ValidationError { message fields { field message } }
      ... on Failure { code message }
    }
  }
`);

const MyStaffId = graphql(`
  query MyStaffId { me { account { id staff { id } } } }
`);

export type DeskRequest = {
  trackingCode: string;
  version: number;
  state: string;
  unit: { code: string };
  service: { code: string; kind: string };
  assignee: { id: string; name: string } | null;
  applicant: { displayName: string; email: string | null; phone: string | null };
  /** Where the request is about, as its reporter gave it. */
  place?: { latitude: number | null; longitude: number | null; address: string | null } | null;
  /** CONFIDENTIAL: handling staff get a pseudonym; ANONYMOUS: no identity (issue 20). */
  reporterPrivacy?: 'IDENTIFIED' | 'CONFIDENTIAL' | 'ANONYMOUS';
};

/**
 * The desk panels; `onChanged` runs after any of them changed the request, with the version the
 * change produced (the page's own, so it does not report it as someone else's).
 */
export function RequestDesk({
  request,
  role,
  onChanged,
}: {
  request: DeskRequest;
  role: Role;
  onChanged: (version?: number) => void;
}) {
  const { t, lang } = useI18n();
  const [{ data: me }] = useQuery({ query: MyStaffId });
  const staffId = me?.me.account?.staff?.id ?? null;
  // A confidential or anonymous reporter's contacts are withheld, not missing.
  const absent = t(
    request.reporterPrivacy === 'CONFIDENTIAL' || request.reporterPrivacy === 'ANONYMOUS'
      ? 'withheldForPrivacy'
      : 'notGiven',
  );
  const { place } = request;
  return (
    <div className="columns">
      <section className="panel" aria-labelledby="applicant-title" data-testid="applicant">
        <h2 id="applicant-title">{t('applicant')}</h2>
        {request.reporterPrivacy === 'CONFIDENTIAL' || request.reporterPrivacy === 'ANONYMOUS' ? (
          <p className="muted" data-testid="reporter-privacy">
            {t(`reporterPrivacyBadge${request.reporterPrivacy}`)}
          </p>
        ) : null}
        <dl className="facts">
          <div>
            <dt>{t('displayName')}</dt>
            <dd>{request.applicant.displayName}</dd>
          </div>
          <div>
            <dt>{t('email')}</dt>
            <dd>
              {request.applicant.email ? (
                <a href={`mailto:${request.applicant.email}`}>{request.applicant.email}</a>
              ) : (
                absent
              )}
            </dd>
          </div>
          <div>
            <dt>{t('phone')}</dt>
            <dd>
              {request.applicant.phone ? (
                <a href={`tel:${request.applicant.phone}`}>{request.applicant.phone}</a>
              ) : (
                absent
              )}
            </dd>
          </div>
          {place ? (
            <div data-testid="request-place">
              <dt>{t('requestPlace')}</dt>
              <dd>
                {place.address ? <span>{place.address} </span> : null}
                {place.latitude !== null && place.longitude !== null ? (
                  <a
                    href={`https://www.openstreetmap.org/?mlat=${place.latitude}&mlon=${place.longitude}#map=18/${place.latitude}/${place.longitude}`}
                    target="_blank"
                    rel="noopener noreferrer"
                  >
                    {formatNumber(place.latitude, lang, 5)} / {formatNumber(place.longitude, lang, 5)} (
                    {t('openMap')})
                  </a>
                ) : null}
              </dd>
            </div>
          ) : null}
        </dl>
        <AssignmentPanel request={request} role={role} staffId={staffId} onChanged={onChanged} />
      </section>
      <NotePanel request={request} onChanged={onChanged} />
    </div>
  );
}

const CLOSED = ['COMPLETED', 'REJECTED', 'WITHDRAWN', 'DUPLICATE'];

function AssignmentPanel({
  request,
  role,
  staffId,
  onChanged,
}: {
  request: DeskRequest;
  role: Role;
  staffId: string | null;
  onChanged: (version?: number) => void;
}) {
  const { t } = useI18n();
  const [{ fetching: claiming }, claim] = useMutation(Claim);
  const { failure, setFailure } = useFailure();
  const open = !CLOSED.includes(request.state);
  const mine = staffId !== null && request.assignee?.id === staffId;
  const mayClaim = open && !mine && staffId !== null && role !== 'ADMIN';
  const mayReassign = open && (role === 'SUPERVISOR' || role === 'ADMIN');
  return (
    <>
      <h3>{t('handledBy')}</h3>
      <p data-testid="assignee">{request.assignee ? request.assignee.name : t('nobodyAssigned')}</p>
      {mayClaim ? (
        <button
          type="button"
          className="secondary"
          disabled={claiming}
          onClick={async () => {
            const r = await claim({
              input: { trackingCode: request.trackingCode, expectedVersion: request.version },
            });
            const payload = r.data?.claimServiceRequest;
            const f = mutationFailure(payload, r.error);
            setFailure(f);
            if (!f)
              onChanged(
                payload?.__typename === 'ServiceRequestPayload' ? payload.request.version : undefined,
              );
          }}
        >
          {t('claimRequest')}
        </button>
      ) : null}
      {failure ? <FormFailureNote failure={failure} shown={[]} /> : null}
      {mayReassign ? <ReassignForm request={request} onChanged={onChanged} /> : null}
      {mayReassign ? <TransferForm request={request} onChanged={onChanged} /> : null}
      {open ? <DuplicateForm request={request} onChanged={onChanged} /> : null}
    </>
  );
}

function ReassignForm({
  request,
  onChanged,
}: {
  request: DeskRequest;
  onChanged: (version?: number) => void;
}) {
  const { t } = useI18n();
  const [{ fetching }, reassign] = useMutation(Reassign);
  const [staffId, setStaffId] = useState('');
  const why = useText();
  const staff = useEveryStaffMember(request.unit.code).nodes ?? [];
  const names = new Map(staff.map((s) => [s.id, s.name]));
  const { failure, errors, onSubmit } = useRequestChange(
    async () => {
      const r = await reassign({
        input: {
          trackingCode: request.trackingCode,
          expectedVersion: request.version,
          staffId,
          ...(why.value.trim() ? { internalNote: why.value } : {}),
        },
      });
      return { payload: r.data?.reassignServiceRequest, error: r.error };
    },
    onChanged,
    () => {
      why.set('');
      setStaffId('');
    },
  );
  return (
    <form noValidate onSubmit={onSubmit} data-testid="reassign">
      <Field label={t('reassignTo')} error={errors.staffId} required>
        {(p) => (
          <Select
            {...p}
            options={staff.map((s) => s.id).filter((id) => id !== request.assignee?.id)}
            value={staffId}
            onChange={setStaffId}
            label={(id) => names.get(id) ?? id}
          >
            <option value="">{t('chooseStaff')}</option>
          </Select>
        )}
      </Field>
      <Field label={t('reassignReason')} hint={t('internalNoteHint')} error={errors.internalNote}>
        {(p) => <input {...p} {...why.bind} />}
      </Field>
      <FormFailureNote failure={failure} shown={['staffId', 'internalNote']} />
      <SubmitButton busy={fetching}>{t('reassign')}</SubmitButton>
    </form>
  );
}

function NotePanel({ request, onChanged }: { request: DeskRequest; onChanged: (version?: number) => void }) {
  const { t } = useI18n();
  const publicNote = useText();
  const internalNote = useText();
  const [saved, setSaved] = useState(false);
  const savedVersion = useRef<number | undefined>(undefined);
  const [{ fetching }, addNote] = useMutation(AddNote);
  const { failure, errors, onSubmit } = useSubmit(
    async () => {
      setSaved(false);
      const r = await addNote({
        input: {
          trackingCode: request.trackingCode,
          expectedVersion: request.version,
          publicNote: publicNote.value,
          internalNote: internalNote.value,
        },
      });
      const payload = r.data?.addServiceRequestNote;
      if (payload?.__typename === 'ServiceRequestPayload') savedVersion.current = payload.request.version;
      return mutationFailure(payload, r.error);
    },
    () => {
      publicNote.set('');
      internalNote.set('');
      setSaved(true);
      onChanged(savedVersion.current);
    },
  );
  return (
    <section className="panel" aria-labelledby="note-title" data-testid="add-note">
      <h2 id="note-title">{t('addNoteTitle')}</h2>
      <p className="muted">{t('addNoteHint')}</p>
      {saved ? <Notice kind="success">{t('noteSaved')}</Notice> : null}
      <form noValidate onSubmit={onSubmit}>
        <Field label={t('notePublic')} hint={t('publicNoteHint')} error={errors.publicNote}>
          {(p) => <textarea {...p} rows={2} {...publicNote.bind} />}
        </Field>
        <Field label={t('noteInternal')} hint={t('internalNoteHint')} error={errors.internalNote}>
          {(p) => <textarea {...p} rows={2} {...internalNote.bind} />}
        </Field>
        <FormFailureNote failure={failure} shown={['publicNote', 'internalNote']} />
        <SubmitButton busy={fetching}>{t('addNote')}</SubmitButton>
      </form>
    </section>
  );
}
