// Public notices (pengumuman) of the city's units, for anyone, without signing in (issue 21): the
// gateway pages them newest first (publicNoticeBoard) and filters them by unit, with the total.
import { useQuery } from 'urql';
import { graphql } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import { PAGE_SIZE, PagerNav, pageData, usePager } from '../paging.tsx';
import { useEveryUnit } from '../reference-lists.ts';
import { ErrorNote, formatDateTime, Loading, useText } from '../ui.tsx';

const NoticeBoardQuery = graphql(`
  query NoticeBoard($unitCode: String, $first: Int!, $after: String) {
    publicNoticeBoard(unitCode: $unitCode, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id title body publishedAt unitCode unit { name } } }
    }
  }
`);

export function NoticesPage() {
  const { t, lang } = useI18n();
  const unit = useText();
  const units = useEveryUnit().nodes ?? [];
  const pager = usePager(unit.value);
  const variables = { unitCode: unit.value || null, first: PAGE_SIZE, after: pager.after };
  const [result, refetch] = useQuery({ query: NoticeBoardQuery, variables });
  const page = pageData(result, variables);
  const notices = page?.publicNoticeBoard.edges.map((e) => e.node) ?? [];
  return (
    <section>
      <h1>{t('noticesTitle')}</h1>
      <p>{t('noticesIntro')}</p>
      <div className="toolbar">
        <label htmlFor="notice-unit">{t('unit')}</label>
        <select id="notice-unit" {...unit.bind}>
          <option value="">{t('allUnits')}</option>
          {units.map((u) => (
            <option key={u.code} value={u.code}>
              {u.name}
            </option>
          ))}
        </select>
      </div>
      {result.error ? (
        <ErrorNote error={result.error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : null}
      {!page && !result.error ? <Loading /> : null}
      {page && notices.length === 0 ? <p>{t('noNotices')}</p> : null}
      <ul className="cards" data-testid="notice-board">
        {notices.map((n) => (
          <li key={n.id} className="card">
            <article aria-labelledby={`notice-${n.id}`}>
              <h2 id={`notice-${n.id}`}>{n.title}</h2>
              <p className="muted">
                {n.unit?.name ?? n.unitCode} ·{' '}
                <time dateTime={n.publishedAt}>
                  {t('atWib', { time: formatDateTime(n.publishedAt, lang) })}
                </time>
              </p>
              <p className="note-text">{n.body}</p>
            </article>
          </li>
        ))}
      </ul>
      <PagerNav pager={pager} connection={page?.publicNoticeBoard} shown={notices.length} />
    </section>
  );
}
