// Nothing a person types is cut off without a word (issue 16 kinds 8 and 9): a form field's
// `maxLength` makes the browser drop what is typed or pasted beyond it, silently, and counts
// UTF-16 units (an emoji is 2) where the server's rules count characters as people do. Length
// rules live in the domain; a text over them is refused by the server with a field error that the
// form shows (FailureNote). So no field of the web app carries `maxLength`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appSourceFiles } from './app-source-files.ts';

describe('form fields', () => {
  it('never truncate input with maxLength', () => {
    const offenders = appSourceFiles(join(import.meta.dirname, '.')).filter((file) =>
      /\bmaxLength\s*=|maxlength\s*=/i.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
