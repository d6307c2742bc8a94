import { describe, expect, it } from 'vitest';
import { expectInvalidInput, fieldCodes } from '../../test/support/invalid-input.js';
import { indonesianCalendar2026 } from '../calendar/working-calendar.js';
import {
  accountabilityPeriod,
  answerOverdueCutoff,
  forumSlugTaken,
  validateForumSession,
  validateNewForum,
  validateSessionMinutes,
} from './forum.js';

const forum = {
  slug: ' Kesehatan-Kota ',
  title: ' Forum kesehatan ',
  description: 'Aspirasi tentang layanan kesehatan kota.',
  unitKnown: true,
};

describe('validateNewForum', () => {
  it('normalises the slug, trims texts and defaults answerDays to 14 working days', () => {
    expect(validateNewForum(forum)).toEqual({
      ok: true,
      value: {
        slug: 'kesehatan-kota',
        title: 'Forum kesehatan',
        description: 'Aspirasi tentang layanan kesehatan kota.',
        answerDays: 14,
      },
    });
    expect(validateNewForum({ ...forum, answerDays: 60 })).toMatchObject({
      ok: true,
      value: { answerDays: 60 },
    });
  });

  it('names every broken field: slug format, answerDays 1–60, texts, unknown unit', () => {
    const r = validateNewForum({
      slug: 'bad slug!',
      title: 'x',
      description: 'ok desc',
      answerDays: 61,
      unitKnown: false,
    });
    const error = expectInvalidInput(r, 'FORUM_INVALID', [
      'title:TOO_SHORT',
      'slug:INVALID_FORMAT',
      'answerDays:OUT_OF_RANGE',
      'unitCode:NOT_ALLOWED',
    ]);
    expect(error.fields[2]?.message.id).toBe('Batas jawab harus 1–60 hari kerja.');
  });

  it('refuses a slug over 60 characters, dashes at the ends, and 0 or fractional answerDays', () => {
    const fieldsOf = (input: Parameters<typeof validateNewForum>[0]) => {
      const r = validateNewForum(input);
      return r.ok ? [] : r.error.fields.map((f) => f.field);
    };
    expect(fieldsOf({ ...forum, slug: 'a'.repeat(61) })).toEqual(['slug']);
    expect(fieldsOf({ ...forum, slug: 'a'.repeat(60) })).toEqual([]);
    expect(fieldsOf({ ...forum, slug: '-kota' })).toEqual(['slug']);
    expect(fieldsOf({ ...forum, answerDays: 0 })).toEqual(['answerDays']);
    expect(fieldsOf({ ...forum, answerDays: 1.5 })).toEqual(['answerDays']);
  });

  it('says which slug is taken', () => {
    expect(forumSlugTaken('kota').message.en).toBe('The forum address "kota" is already taken.');
  });
});

describe('forum sessions', () => {
  const session = {
    title: 'Musrenbang',
    agenda: 'Usulan 2027',
    place: 'Balai kota',
    districtKnown: true,
    representativesActive: true,
  };

  it('accepts a session and trims its texts', () => {
    expect(validateForumSession({ ...session, place: ' Balai kota ' })).toMatchObject({
      ok: true,
      value: { place: 'Balai kota' },
    });
  });

  it('refuses short texts, an unknown district and inactive representatives', () => {
    const r = validateForumSession({
      ...session,
      place: 'ab',
      districtKnown: false,
      representativesActive: false,
    });
    expect(fieldCodes(r)).toEqual([
      'place:TOO_SHORT',
      'districtCode:NOT_ALLOWED',
      'representativeIds:NOT_ALLOWED',
    ]);
  });

  it('minutes: 3–50,000 characters', () => {
    expect(validateSessionMinutes(' Notulen rapat ')).toEqual({ ok: true, value: 'Notulen rapat' });
    const r = validateSessionMinutes('x'.repeat(50_001));
    expect(r.ok ? null : r.error.fields[0]?.code).toBe('TOO_LONG');
  });
});

describe('accountability reports', () => {
  it('takes a period of two days, the end on or after the start', () => {
    expect(accountabilityPeriod('2026-08-01', '2026-08-01')).toEqual({
      ok: true,
      value: { from: '2026-08-01', to: '2026-08-01' },
    });
    expect(accountabilityPeriod('2026-02-30', '2026-08-01')).toMatchObject({
      ok: false,
      error: { field: 'from' },
    });
    expect(accountabilityPeriod('2026-08-01', 'soon')).toMatchObject({ ok: false, error: { field: 'to' } });
    const reversed = accountabilityPeriod('2026-10-31', '2026-08-01');
    expect(reversed).toMatchObject({
      ok: false,
      error: { code: 'FORUM_PERIOD_INVALID', fields: [{ field: 'to', code: 'OUT_OF_RANGE' }] },
    });
  });

  it('judges overdue answers against the last working day on or before today', () => {
    const calendar = indonesianCalendar2026();
    expect(answerOverdueCutoff('2026-03-17', calendar)).toBe('2026-03-17'); // a working Tuesday
    expect(answerOverdueCutoff('2026-03-15', calendar)).toBe('2026-03-13'); // Sunday → Friday
    // Nyepi, Idul Fitri and their cuti bersama (18–24 March 2026) are skipped too.
    expect(answerOverdueCutoff('2026-03-24', calendar)).toBe('2026-03-17');
  });
});
