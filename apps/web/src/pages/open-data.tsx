// The open-data dictionary (issue 23 item 2): every dataset under /open-data/ with its stable CSV
// and JSON addresses, its rule and each column's meaning (from the domain's OPEN_DATA_DATASETS,
// the same list the gateway writes the files from), the licence and the suppression threshold
// (from /open-data/index.json, so they follow the gateway's configuration) and the legal basis.
import { OPEN_DATA_DATASETS, OPEN_DATA_LEGAL_BASIS } from '@layanan/domain';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n.tsx';
import { Link } from '../router.tsx';
import { Table } from '../ui.tsx';

type OpenDataIndex = { licence: { name: string; url: string }; minCount: number };

function useOpenDataIndex(): OpenDataIndex | null {
  const [index, setIndex] = useState<OpenDataIndex | null>(null);
  useEffect(() => {
    let live = true;
    fetch('/open-data/index.json')
      .then((r) => (r.ok ? (r.json() as Promise<OpenDataIndex>) : null))
      .then((body) => {
        if (live && body) setIndex(body);
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, []);
  return index;
}

export function OpenDataPage() {
  const { t, lang } = useI18n();
  const index = useOpenDataIndex();
  return (
    <section>
      <h1>{t('openDataTitle')}</h1>
      <p>{t('openDataIntro')}</p>
      <p data-testid="open-data-licence">
        {t('openDataLicenceLabel')}{' '}
        {index ? (
          index.licence.url ? (
            <a href={index.licence.url} rel="license">
              {index.licence.name}
            </a>
          ) : (
            index.licence.name
          )
        ) : (
          '…'
        )}
        . {t('openDataAttribution')}
      </p>
      <p>{t('openDataNoPersonal')}</p>
      <p data-testid="open-data-suppression">
        {t('openDataSuppression', { count: index ? String(index.minCount) : '…' })}
      </p>
      <p>
        <Link to="/hasil">{t('resultsTitle')}</Link> · <a href="/open-data/index.json">index.json</a>
      </p>
      <h2>{t('legalBasisTitle')}</h2>
      <ul>
        {OPEN_DATA_LEGAL_BASIS.map((l) => (
          <li key={l.code}>
            {l.title}: {l.about[lang]}
          </li>
        ))}
      </ul>
      {OPEN_DATA_DATASETS.map((d) => (
        <section key={d.name} className="panel" aria-labelledby={`dataset-${d.name}`}>
          <h2 id={`dataset-${d.name}`}>{d.title[lang]}</h2>
          <p>{d.description[lang]}</p>
          <p className="hint">
            {t('ruleLabel')}: {d.rule[lang]}
          </p>
          <p>
            <a href={`/open-data/${d.name}.csv`} download>
              /open-data/{d.name}.csv
            </a>{' '}
            ·{' '}
            <a href={`/open-data/${d.name}.json`} download>
              /open-data/{d.name}.json
            </a>
          </p>
          <Table columns={[t('columnName'), t('columnType'), t('columnMeaning')]} caption={d.title[lang]}>
            {d.columns.map((c) => (
              <tr key={c.name}>
                <td>
                  <code>{c.name}</code>
                </td>
                <td>{c.type}</td>
                <td>{c.description[lang]}</td>
              </tr>
            ))}
          </Table>
        </section>
      ))}
    </section>
  );
}
