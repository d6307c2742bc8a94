// No text is shown with an unfilled placeholder (trial 21 D4: the forum inbox's column read
// "Diajukan {date}"): a message with `{name}` in it is only ever looked up with its parameters.
// The check reads the app's source for lookups by a literal key with no parameters —
// `t('key')` and `translate(lang, 'key')` — and requires both languages' texts of those keys to
// have no placeholder.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appSourceFiles } from './app-source-files.ts';
import { type MessageKey, translate } from './i18n.tsx';

/** Texts that show placeholders on purpose: the fields a response template's author may use. */
const LITERAL_PLACEHOLDERS: ReadonlySet<string> = new Set(['templateBodyHint']);

const BARE_LOOKUP = /\b(?:t\(\s*|translate\(\s*\w+\s*,\s*)'(\w+)'\s*\)/g;

describe('i18n texts', () => {
  it('are never looked up without the parameters their placeholders need', () => {
    const root = join(import.meta.dirname, '.');
    const unfilled: string[] = [];
    for (const file of appSourceFiles(root)) {
      for (const [, key] of readFileSync(file, 'utf8').matchAll(BARE_LOOKUP)) {
        if (key === undefined || LITERAL_PLACEHOLDERS.has(key)) continue;
        for (const lang of ['id', 'en'] as const) {
          const text = translate(lang, key as MessageKey);
          if (/\{\w+\}/.test(text)) unfilled.push(`${relative(root, file)}: ${key} (${lang}) "${text}"`);
        }
      }
    }
    expect(unfilled).toEqual([]);
  });
});
