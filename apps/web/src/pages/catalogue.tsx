import { useQuery } from 'urql';
import { graphql } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import { serviceName } from '../labels.ts';
import { PAGE_SIZE, PagerNav, pageData, usePager, useSettled } from '../paging.tsx';
import { Link, navigate } from '../router.tsx';
import { ErrorNote, formatIdr, Loading, useText } from '../ui.tsx';

/** What the catalogue and a service's page both show of a service. */
export const ServiceFacts = graphql(`
  fragment ServiceFacts on Service @_unmask {
    code
    name
    nameEn
    description
    kind
    completionDays
    standardTime
    costIdr
  }
`);

const ServicesQuery = graphql(
  `
  query Services($search: String, $first: Int!, $after: String) {
    services(search: $search, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ...ServiceFacts unit { code shortName } } }
    }
  }
`,
  [ServiceFacts],
);

export function CataloguePage() {
  const { t, lang } = useI18n();
  const search = useText();
  const tracking = useText();
  // The gateway searches (every word, in name, description, code or unit), a moment after typing.
  const words = useSettled(search.value.trim());
  const pager = usePager(words);
  const pageVariables = { search: words || null, first: PAGE_SIZE, after: pager.after };
  const [page, refetch] = useQuery({ query: ServicesQuery, variables: pageVariables });
  const { fetching, error } = page;
  const data = pageData(page, pageVariables);
  const services = data?.services.edges.map((e) => e.node) ?? [];

  return (
    <section>
      <div className="hero">
        <h1>{t('catalogueTitle')}</h1>
        <p>{t('catalogueIntro')}</p>
        <p>
          <Link to="/hasil" data-testid="results-link">
            {t('resultsHomeLink')}
          </Link>
        </p>
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (tracking.value.trim()) navigate(`/lacak?kode=${encodeURIComponent(tracking.value.trim())}`);
          }}
        >
          <label htmlFor="hero-track">{t('trackLabel')}</label>
          <input id="hero-track" {...tracking.bind} placeholder="SWL-2026-000123" autoComplete="off" />
          <button type="submit">{t('trackButton')}</button>
        </form>
      </div>
      <div className="toolbar">
        <label htmlFor="service-search">{t('searchServices')}</label>
        <input id="service-search" type="search" {...search.bind} />
      </div>
      {error ? <ErrorNote error={error} retry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
      {fetching && !data ? <Loading /> : null}
      <ul className="cards" aria-busy={fetching}>
        {services.map((s) => (
          <li key={s.code} className="card">
            <h2>
              <Link to={`/layanan/${encodeURIComponent(s.code)}`}>{serviceName(s, lang)}</Link>
            </h2>
            <p className="muted">
              {s.unit.shortName} · {t(`kind_${s.kind}`)}
            </p>
            <p>{s.description}</p>
            <dl className="facts">
              <div>
                <dt>{t('completionTime')}</dt>
                <dd data-testid="standard-time">{s.standardTime}</dd>
              </div>
              <div>
                <dt>{t('cost')}</dt>
                <dd>{s.costIdr === 0 ? t('free') : formatIdr(s.costIdr, lang)}</dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
      {data && services.length === 0 ? <p>{t('noServicesFound')}</p> : null}
      <PagerNav pager={pager} connection={data?.services} shown={services.length} />
    </section>
  );
}
