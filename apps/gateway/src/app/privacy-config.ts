// Privacy (issue 23 item 3–4, UU 27/2022) configuration: the privacy notice's version that
// registration records consent to, the city's data-protection officer (art. 53), and the
// retention schedule of the personal data of closed requests (art. 16(2)).
import { DEFAULT_RETENTION_YEARS } from '@layanan/domain/accounts';

/** The privacy notice version in force unless LAYANAN_PRIVACY_NOTICE_VERSION names another. */
export const DEFAULT_PRIVACY_NOTICE_VERSION = '2026-12';

export type PrivacyConfig = {
  /** The version of the privacy notice in force (`LAYANAN_PRIVACY_NOTICE_VERSION`). */
  noticeVersion: string;
  /** The data-protection officer (pejabat pelindungan data pribadi) people write to. */
  dpo: { name: string; email: string; phone: string; address: string; placeholder: boolean };
  /** Years after a request's closure its personal data is erased (`LAYANAN_RETENTION_YEARS`). */
  retentionYears: number;
  /** Requests the retention job erases per transaction (`LAYANAN_RETENTION_BATCH`). */
  retentionBatch: number;
};

type IntReader = (env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number) => number;

/** Placeholders until the city names its officer: an address at the city's domain. */
const DPO_DEFAULTS = {
  name: 'Pejabat Pelindungan Data Pribadi, Dinas Komunikasi dan Informatika Kota Sawahlunto',
  email: 'ppdp@sawahluntokota.go.id',
  phone: '(0754) 61000',
  address: 'Jl. Soekarno-Hatta No. 1, Sawahlunto 27416',
};

/**
 * `LAYANAN_PRIVACY_NOTICE_VERSION` (default `2026-12`), `LAYANAN_DPO_NAME`, `LAYANAN_DPO_EMAIL`,
 * `LAYANAN_DPO_PHONE`, `LAYANAN_DPO_ADDRESS` (defaults: placeholders for Sawahlunto, marked as
 * such), `LAYANAN_RETENTION_YEARS` (1–100, default 5), `LAYANAN_RETENTION_BATCH` (1–10000,
 * default 200). Throws ConfigError (through `int`) on a bad number.
 */
export function privacyConfig(env: NodeJS.ProcessEnv, int: IntReader): PrivacyConfig {
  const given = {
    name: env.LAYANAN_DPO_NAME?.trim(),
    email: env.LAYANAN_DPO_EMAIL?.trim(),
    phone: env.LAYANAN_DPO_PHONE?.trim(),
    address: env.LAYANAN_DPO_ADDRESS?.trim(),
  };
  return {
    noticeVersion: env.LAYANAN_PRIVACY_NOTICE_VERSION?.trim() || DEFAULT_PRIVACY_NOTICE_VERSION,
    dpo: {
      name: given.name || DPO_DEFAULTS.name,
      email: given.email || DPO_DEFAULTS.email,
      phone: given.phone || DPO_DEFAULTS.phone,
      address: given.address || DPO_DEFAULTS.address,
      placeholder: !given.name && !given.email,
    },
    retentionYears: int(env, 'LAYANAN_RETENTION_YEARS', DEFAULT_RETENTION_YEARS, 1, 100),
    retentionBatch: int(env, 'LAYANAN_RETENTION_BATCH', 200, 1, 10_000),
  };
}
