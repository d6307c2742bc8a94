// The service catalogue to edit (name, description, standard time, cost, published, open data); a
// new service (admins) and a new version of one (service-version-form.tsx).
import { useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import { serviceName } from '../labels.ts';
import { PAGE_SIZE, PagerNav, pageData, usePager } from '../paging.tsx';
import {
  Checkbox,
  ErrorNote,
  Field,
  FormFailureNote,
  formatIdr,
  Loading,
  mutationFailure,
  Notice,
  SubmitButton,
  useSubmit,
  useText,
} from '../ui.tsx';
import { useCreation } from './form-buttons.tsx';
import { ResponseTemplatesEditor } from './response-templates.tsx';
import { CreateServiceForm, NewVersionForm } from './service-version-form.tsx';

const CatalogueQuery = graphql(`
  query Catalogue($unitCode: String, $first: Int!, $after: String) {
    services(unitCode: $unitCode, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id code name nameEn description completionDays costIdr published openData publicReport unit { shortName } } }
    }
  }
`);

const UpdateService = graphql(`
  mutation UpdateService($input: UpdateServiceInput!) {
    updateService(input: $input) {
      __typename
      ... on UpdateServicePayload {
        service { id code name description completionDays costIdr published openData publicReport }
        pendingChange { id proposedCompletionDays proposedCostIdr }
      }
      ... on ValidationError { message fields { field message } }
      ... on Failure { message }
    }
  }
`);

/**
 * The catalogue to edit: all services for admins, the supervisor's unit's (`ownUnit`) for
 * supervisors; only admins (`admin`) add services.
 */
export function CatalogueEditor({ ownUnit, admin }: { ownUnit: string | null; admin: boolean }) {
  const { t, lang } = useI18n();
  const pager = usePager('services');
  const pageVariables = { unitCode: ownUnit, first: PAGE_SIZE, after: pager.after };
  const [page, refetch] = useQuery({
    query: CatalogueQuery,
    variables: pageVariables,
  });
  const { fetching, error } = page;
  const data = pageData(page, pageVariables);
  const [editing, setEditing] = useState<string | null>(null);
  const [templates, setTemplates] = useState<string | null>(null);
  // The service whose completion time or cost now waits for a second person (four eyes).
  const [awaiting, setAwaiting] = useState<string | null>(null);
  const [versionOf, setVersionOf] = useState<string | null>(null);
  // The service whose proposed new version now waits for a second person.
  const [proposed, setProposed] = useState<string | null>(null);
  const creation = useCreation<string>();
  if (error) return <ErrorNote error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (fetching && !data) return <Loading />;
  const services = data?.services.edges.map((e) => e.node) ?? [];
  return (
    <>
      {admin && !creation.creating ? (
        <button type="button" onClick={creation.open}>
          {t('newService')}
        </button>
      ) : null}
      {creation.creating ? (
        <CreateServiceForm
          onClose={creation.close}
          onCreated={(code) => {
            creation.done(code);
            refetch({ requestPolicy: 'network-only' });
          }}
        />
      ) : null}
      {creation.created ? (
        <Notice kind="success">{t('serviceCreated', { code: creation.created })}</Notice>
      ) : null}
      <ul className="list">
        {services.map((s) => (
          <li key={s.id}>
            <strong>{serviceName(s, lang)}</strong>{' '}
            <span className="muted">
              ({s.code}, {s.unit.shortName})
            </span>{' '}
            · {t('workingDays', { count: s.completionDays })} ·{' '}
            {s.costIdr === 0 ? t('free') : formatIdr(s.costIdr, lang)}
            {!s.published ? <span className="badge"> {t('unpublished')}</span> : null}{' '}
            <button
              type="button"
              className="link"
              onClick={() => setEditing(editing === s.code ? null : s.code)}
            >
              {t('edit')}
            </button>{' '}
            <button
              type="button"
              className="link"
              aria-expanded={versionOf === s.code}
              onClick={() => setVersionOf(versionOf === s.code ? null : s.code)}
            >
              {t('newServiceVersion')}
            </button>{' '}
            <button
              type="button"
              className="link"
              aria-expanded={templates === s.code}
              onClick={() => setTemplates(templates === s.code ? null : s.code)}
            >
              {t('templatesManage')}
            </button>
            {templates === s.code ? <ResponseTemplatesEditor serviceCode={s.code} /> : null}
            {awaiting === s.code ? <Notice kind="warn">{t('serviceChangeAwaitsApproval')}</Notice> : null}
            {proposed === s.code ? <Notice kind="success">{t('versionAwaitsApproval')}</Notice> : null}
            {versionOf === s.code ? (
              <NewVersionForm
                code={s.code}
                onClose={() => setVersionOf(null)}
                onProposed={() => {
                  setVersionOf(null);
                  setProposed(s.code);
                }}
              />
            ) : null}
            {editing === s.code ? (
              <ServiceForm
                service={s}
                onDone={(pending) => {
                  setEditing(null);
                  setAwaiting(pending ? s.code : null);
                }}
              />
            ) : null}
          </li>
        ))}
      </ul>
      <PagerNav pager={pager} connection={data?.services} shown={services.length} />
    </>
  );
}

function ServiceForm({
  service,
  onDone,
}: {
  service: {
    code: string;
    name: string;
    description: string;
    completionDays: number;
    costIdr: number;
    published: boolean;
    openData: boolean;
    publicReport: boolean;
  };
  /** Called after saving; `pending` when the completion time or cost waits for approval. */
  onDone: (pending: boolean) => void;
}) {
  const { t } = useI18n();
  const name = useText(service.name);
  const description = useText(service.description);
  const days = useText(String(service.completionDays));
  const cost = useText(String(service.costIdr));
  const [published, setPublished] = useState(service.published);
  const [openData, setOpenData] = useState(service.openData);
  const [publicReport, setPublicReport] = useState(service.publicReport);
  const [{ fetching }, update] = useMutation(UpdateService);
  const pending = useRef(false);
  const { failure, errors, onSubmit } = useSubmit(
    async () => {
      const [completionDays, costIdr] = [Number(days.value), Number(cost.value)];
      const r = await update({
        input: {
          code: service.code,
          name: name.value,
          description: description.value,
          completionDays,
          costIdr,
          published,
          openData,
          publicReport,
        },
      });
      const result = r.data?.updateService;
      pending.current = result?.__typename === 'UpdateServicePayload' && result.pendingChange !== null;
      return mutationFailure(result, r.error);
    },
    () => onDone(pending.current),
  );
  return (
    <form className="subform" noValidate onSubmit={onSubmit}>
      <Field label={t('serviceName')} error={errors.name}>
        {(p) => <input {...p} {...name.bind} />}
      </Field>
      <Field label={t('description')} error={errors.description}>
        {(p) => <textarea {...p} rows={2} {...description.bind} />}
      </Field>
      <Field label={t('completionTimeDays')} error={errors.completionDays}>
        {(p) => <input {...p} type="number" min={1} {...days.bind} />}
      </Field>
      <Field label={t('costIdr')} error={errors.costIdr}>
        {(p) => <input {...p} type="number" min={0} {...cost.bind} />}
      </Field>
      <p className="muted">{t('serviceStandardFourEyes')}</p>
      <Checkbox checked={published} onChange={setPublished}>
        {t('published')}
      </Checkbox>
      <Checkbox checked={openData} onChange={setOpenData}>
        {t('serviceOpenData')}
      </Checkbox>
      <Checkbox checked={publicReport} onChange={setPublicReport}>
        {t('servicePublicReport')}
      </Checkbox>
      <FormFailureNote failure={failure} shown={['name', 'description', 'completionDays', 'costIdr']} />
      <SubmitButton busy={fetching}>{t('save')}</SubmitButton>
    </form>
  );
}
