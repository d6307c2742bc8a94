// Open data (issue 23) configuration: the smallest group an aggregate is published for, the
// licence stated with every file, and the page size of the streamed downloads.
import { OPEN_DATA_MIN_COUNT_DEFAULT } from '@layanan/domain';

export type OpenDataConfig = {
  /** Aggregates over fewer people than this (and more than none) are withheld (domain isSuppressed). */
  minCount: number;
  /** The licence of the open data: its name (e.g. `CC BY 4.0`) and where its text is. */
  licence: { name: string; url: string };
  /** Rows read from the database per query while a download streams. */
  pageSize: number;
};

type IntReader = (env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number) => number;

/**
 * `LAYANAN_OPEN_DATA_MIN_COUNT` (1–1000, default 5), `LAYANAN_OPEN_DATA_LICENCE` and
 * `LAYANAN_OPEN_DATA_LICENCE_URL` (default CC BY 4.0), `LAYANAN_OPEN_DATA_PAGE_SIZE` (1–10000,
 * default 1000). Throws ConfigError (through `int`) on a bad number.
 */
export function openDataConfig(env: NodeJS.ProcessEnv, int: IntReader): OpenDataConfig {
  const name = env.LAYANAN_OPEN_DATA_LICENCE?.trim() || 'CC BY 4.0';
  return {
    minCount: int(env, 'LAYANAN_OPEN_DATA_MIN_COUNT', OPEN_DATA_MIN_COUNT_DEFAULT, 1, 1000),
    licence: {
      name,
      url:
        env.LAYANAN_OPEN_DATA_LICENCE_URL?.trim() ||
        (name === 'CC BY 4.0' ? 'https://creativecommons.org/licenses/by/4.0/' : ''),
    },
    pageSize: int(env, 'LAYANAN_OPEN_DATA_PAGE_SIZE', 1000, 1, 10_000),
  };
}
