// Words for the codes the API returns, so a page never shows `JALAN_BERLUBANG`, `ONLINE` or
// `PERMENPANRB_14_2017` (issue 21, kind 9). Each helper falls back to the code itself only for a
// value it cannot know (an attribute removed from the service since the request was filed).
import { formatDate, formatNumber } from './format.ts';
import type { Lang } from './i18n.tsx';

const WORDS = {
  id: {
    ONLINE: 'Daring',
    COUNTER: 'Loket',
    yes: 'Ya',
    no: 'Tidak',
    PERMENPANRB_14_2017: 'PermenPANRB 14/2017',
    KEPMENPAN_25_2004: 'KEP/25/M.PAN/2/2004',
    CITIZEN: 'Pemohon',
    STAFF: 'Petugas',
    SUPERVISOR: 'Atasan',
    ADMIN: 'Admin',
    SYSTEM: 'Sistem (eskalasi otomatis)',
    ANONYMOUS: 'Tamu',
  },
  en: {
    ONLINE: 'Online',
    COUNTER: 'Counter',
    yes: 'Yes',
    no: 'No',
    PERMENPANRB_14_2017: 'PermenPANRB 14/2017',
    KEPMENPAN_25_2004: 'KEP/25/M.PAN/2/2004',
    CITIZEN: 'Applicant',
    STAFF: 'Officer',
    SUPERVISOR: 'Supervisor',
    ADMIN: 'Admin',
    SYSTEM: 'System (automatic escalation)',
    ANONYMOUS: 'Guest',
  },
} as const satisfies Record<Lang, Record<string, string>>;

type Word = keyof (typeof WORDS)['id'];
const word = (lang: Lang, key: string): string | undefined => WORDS[lang][key as Word];

/** A request channel (ONLINE, COUNTER) in words: "Daring", "Loket". */
export const channelLabel = (channel: string, lang: Lang): string => word(lang, channel) ?? channel;

/** The IKM grading rule by its regulation: `PERMENPANRB_14_2017` → "PermenPANRB 14/2017". */
export const ikmRuleLabel = (rule: string, lang: Lang): string => word(lang, rule) ?? rule;

/**
 * Who acted on a trail entry: the officer's name (and unit) when the trail names them, else the
 * kind of actor in words ("Pemohon", "Sistem (eskalasi otomatis)"), never `STAFF`.
 */
export function actorLabel(
  actor: { actorKind: string; actorName?: string | null; actorUnit?: string | null },
  lang: Lang,
): string {
  if (actor.actorName) return actor.actorUnit ? `${actor.actorName}, ${actor.actorUnit}` : actor.actorName;
  return word(lang, actor.actorKind) ?? actor.actorKind;
}

/** What a service version asks for, as the API describes an attribute (labels already in the caller's language). */
export type AttributeDefinition = {
  readonly code: string;
  readonly datatype: string;
  readonly description?: string | null;
  readonly values?: readonly { readonly key: string; readonly name?: string | null }[];
};

/**
 * A request's attribute values as label and text, in the version's order: the attribute's
 * description for its code, each list value by its name (`JALAN_BERLUBANG` → "Jalan berlubang"),
 * dates and numbers in the language's format, booleans as yes/no. Values of attributes the
 * definitions do not know keep their code.
 */
export function attributeEntries(
  values: unknown,
  definitions: readonly AttributeDefinition[],
  lang: Lang,
): { code: string; label: string; text: string }[] {
  const given = (values && typeof values === 'object' ? values : {}) as Record<string, unknown>;
  const known = definitions.filter((d) => d.code in given).map((d) => d.code);
  const codes = [...known, ...Object.keys(given).filter((c) => !known.includes(c))];
  return codes.map((code) => {
    const def = definitions.find((d) => d.code === code);
    const one = (v: unknown): string => {
      if (typeof v === 'boolean') return WORDS[lang][v ? 'yes' : 'no'];
      if (typeof v === 'number') return formatNumber(v, lang, 6);
      const text = String(v);
      const option = def?.values?.find((o) => o.key === text);
      if (option) return option.name ?? option.key;
      if (def?.datatype === 'datetime' && /^\d{4}-\d{2}-\d{2}/.test(text)) return formatDate(text, lang);
      if (def?.datatype === 'number' && text.trim() !== '' && Number.isFinite(Number(text)))
        return formatNumber(Number(text), lang, 6);
      return text;
    };
    const value = given[code];
    return {
      code,
      label: def?.description || code,
      text: Array.isArray(value) ? value.map(one).join(', ') : one(value),
    };
  });
}

/** A service's name in the active language: its English name in English mode where it has one. */
export const serviceName = (service: { name: string; nameEn?: string | null }, lang: Lang): string =>
  lang === 'en' && service.nameEn ? service.nameEn : service.name;
