// "Laporan serupa di sekitar" (issue 20): while a citizen writes a complaint, the open complaints
// of the same service near the place or with a similar description, each with "Ikuti" so the
// citizen can follow it instead of filing the same report again. Public facts only.
import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import { formatDate } from '../ui.tsx';
import { FollowButton } from './follow-button.tsx';

const Similar = graphql(`
  query SimilarComplaints($serviceCode: String!, $description: String, $latitude: Float, $longitude: Float) {
    similarComplaints(serviceCode: $serviceCode, description: $description, latitude: $latitude, longitude: $longitude) {
      trackingCode
      state
      submittedAt
      distanceMetres
      similarity
      match
    }
  }
`);

/** The value after it stayed the same for `ms` (no query per keystroke). */
function useSettled<T>(value: T, ms = 600): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** A coordinate typed in the form, or null while empty or not a number. */
export const coordinate = (text: string): number | null => {
  const n = Number(text.replace(',', '.'));
  return text.trim() === '' || !Number.isFinite(n) ? null : n;
};

export function SimilarComplaints({
  serviceCode,
  description,
  latitude,
  longitude,
}: {
  serviceCode: string;
  description: string;
  latitude: number | null;
  longitude: number | null;
}) {
  const { t, lang } = useI18n();
  const text = useSettled(description.trim());
  const place = useSettled(latitude !== null && longitude !== null ? { latitude, longitude } : null);
  const asked = text.length >= 10 || place !== null;
  const [{ data }] = useQuery({
    query: Similar,
    variables: {
      serviceCode,
      description: text.length >= 10 ? text : null,
      latitude: place?.latitude ?? null,
      longitude: place?.longitude ?? null,
    },
    pause: !asked,
  });
  const found = asked ? (data?.similarComplaints ?? []) : [];
  if (found.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="similar-title" data-testid="similar-complaints">
      <h3 id="similar-title">{t('similarTitle')}</h3>
      <p className="muted">{t('similarHint')}</p>
      <ul>
        {found.map((c) => (
          <li key={c.trackingCode}>
            <a href={`/lacak?kode=${encodeURIComponent(c.trackingCode)}`}>
              <code>{c.trackingCode}</code>
            </a>{' '}
            — {t(`state_${c.state}`)}, {formatDate(c.submittedAt, lang)}
            {c.distanceMetres !== null ? (
              <> · {t('similarNear', { metres: String(c.distanceMetres) })}</>
            ) : null}
            {c.match !== 'NEARBY' ? <> · {t('similarAlike')}</> : null}{' '}
            <FollowButton trackingCode={c.trackingCode} following={false} />
          </li>
        ))}
      </ul>
    </section>
  );
}
