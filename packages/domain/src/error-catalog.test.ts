import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGS, ERROR_MESSAGES, errorMessage } from './error-catalog.js';
import * as root from './index.js';

describe('error catalog', () => {
  it('declares every code once across all areas', () => {
    const all = Object.values(ERROR_CATALOGS).flatMap((c) => Object.keys(c));
    const dupes = all.filter((code, i) => all.indexOf(code) !== i);
    expect(dupes).toEqual([]);
    expect(Object.keys(ERROR_MESSAGES)).toHaveLength(all.length);
    expect(all.length).toBeGreaterThan(40);
  });

  it('every code is SCREAMING_SNAKE with a distinct Indonesian and English message', () => {
    for (const [code, m] of Object.entries(ERROR_MESSAGES)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
      expect(m.id.trim().length, code).toBeGreaterThan(5);
      expect(m.en.trim().length, code).toBeGreaterThan(5);
      expect(m.id, code).not.toBe(m.en);
    }
    expect(errorMessage('NIP_INVALID_LENGTH').en).toMatch(/18 digits/);
  });

  it('area code objects have keys equal to values and every value in the catalog', () => {
    const codeObjects = [
      root.calendar.DayErrorCode,
      root.calendar.CalendarErrorCode,
      root.calendar.HijriErrorCode,
      root.calendar.HolidayRegisterErrorCode,
      root.staff.NipErrorCode,
      root.staff.RankErrorCode,
      root.staff.CompetencyErrorCode,
      root.staff.TrainingErrorCode,
      root.staff.PerformanceErrorCode,
      root.staff.StaffErrorCode,
      root.services.ServiceStandardErrorCode,
      root.services.LaporErrorCode,
      root.services.RequestErrorCode,
      root.services.AttributeErrorCode,
      root.services.TrackingCodeErrorCode,
      root.services.RoutingErrorCode,
      root.forums.SubmissionErrorCode,
      root.forums.AnswerErrorCode,
      root.forums.CommitmentErrorCode,
      root.forums.ForumErrorCode,
      root.feedback.IkmErrorCode,
      root.feedback.SkmPeriodErrorCode,
      root.feedback.SurveyErrorCode,
      root.ValidationErrorCode,
      root.AccountErrorCode,
      root.AccountTokenErrorCode,
      root.ApiKeyErrorCode,
      root.PersonalDataErrorCode,
      root.services.CatalogueEntryErrorCode,
      root.services.RequestSubmissionErrorCode,
      root.services.ServiceVersionErrorCode,
      root.services.IdentityNumberErrorCode,
      root.services.ServiceChangeErrorCode,
      root.services.ComplaintErrorCode,
      root.services.ReporterClaimErrorCode,
      root.services.AttachmentErrorCode,
      root.services.IssuedDocumentErrorCode,
      root.services.DocumentSlotErrorCode,
    ];
    const declared = codeObjects.flatMap((o) => Object.entries(o));
    for (const [k, v] of declared) {
      expect(k).toBe(v);
      expect(ERROR_MESSAGES).toHaveProperty(v);
    }
    expect(declared).toHaveLength(Object.keys(ERROR_MESSAGES).length);
  });
});

describe('root entry', () => {
  it('exposes the shared helpers and each area as a namespace', () => {
    expect(root.ok(1)).toEqual({ ok: true, value: 1 });
    expect(typeof root.calendar.addWorkingDays).toBe('function');
    expect(typeof root.staff.parseNip).toBe('function');
    expect(typeof root.services.requestTransition).toBe('function');
    expect(typeof root.forums.answerTransition).toBe('function');
    expect(typeof root.feedback.computeIkm).toBe('function');
  });
});
