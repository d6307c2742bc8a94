// Where a complaint is about (issue 20): latitude and longitude typed or taken from the device
// with "Pakai lokasi saya", the same fields for a signed-in, a confidential and an anonymous
// complaint. The device's position is read only when the reporter presses the button, and only
// what the fields hold is sent: an anonymous reporter gives no more than they choose.
import { useI18n } from '../i18n.tsx';
import { Field, type useText } from '../ui.tsx';
import { coordinate } from './similar-complaints.tsx';

type TextState = ReturnType<typeof useText>;

/** The place of a filing as the gateway takes it: both coordinates, or nothing when both are empty. */
export function placeOf(
  latitude: string,
  longitude: string,
): { latitude: number | null; longitude: number | null } | Record<string, never> {
  return latitude.trim() || longitude.trim()
    ? { latitude: coordinate(latitude), longitude: coordinate(longitude) }
    : {};
}

export function PlaceFields({
  latitude,
  longitude,
  errors,
  anonymous,
}: {
  latitude: TextState;
  longitude: TextState;
  errors: Record<string, string | undefined>;
  anonymous: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      {anonymous ? <p className="hint">{t('placeAnonymousHint')}</p> : null}
      <div className="columns">
        <Field label={t('latitude')} error={errors.latitude}>
          {(p) => <input {...p} inputMode="decimal" {...latitude.bind} placeholder="-0.6825" />}
        </Field>
        <Field label={t('longitude')} error={errors.longitude}>
          {(p) => <input {...p} inputMode="decimal" {...longitude.bind} placeholder="100.7786" />}
        </Field>
      </div>
      {'geolocation' in navigator ? (
        <button
          type="button"
          className="secondary"
          onClick={() =>
            navigator.geolocation.getCurrentPosition((at) => {
              latitude.set(at.coords.latitude.toFixed(6));
              longitude.set(at.coords.longitude.toFixed(6));
            })
          }
        >
          {t('useMyLocation')}
        </button>
      ) : null}
    </>
  );
}
