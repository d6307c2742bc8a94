import { describe, expect, it } from 'vitest';
import { formatCount, formatDecimalText, formatNumber, formatPercent } from './format.ts';
import { translate } from './i18n.tsx';

describe('numbers in the active language (issue 21, kind 10)', () => {
  it('writes a decimal comma in Indonesian, a point in English, rounded not truncated', () => {
    expect(formatNumber(3.26667 * 25, 'id', 2)).toBe('81,67');
    expect(formatNumber(3.26667 * 25, 'en', 2)).toBe('81.67');
    expect(formatNumber(1234.5, 'id')).toBe('1.234,5');
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(formatNumber(3.5, 'id', 2, { fixed: true })).toBe('3,50');
    expect(formatNumber(null, 'id')).toBe('—');
  });

  it('writes shares as percentages with one decimal', () => {
    expect(formatPercent(0.8125, 'id')).toBe('81,3 %');
    expect(formatPercent(0.8125, 'en')).toBe('81.3 %');
    expect(formatPercent(null, 'en')).toBe('—');
  });

  it('keeps the digits of a score the gateway fixed, with the language’s decimal mark', () => {
    expect(formatDecimalText('81.66', 'id')).toBe('81,66');
    expect(formatDecimalText('88.30', 'id')).toBe('88,30');
    expect(formatDecimalText('88.30', 'en')).toBe('88.30');
    expect(formatDecimalText(null, 'id')).toBe('—');
  });

  it('groups counts in sentences from five digits, so years stay whole', () => {
    expect(formatCount(2026, 'id')).toBe('2026');
    expect(formatCount(12500, 'id')).toBe('12.500');
    expect(formatCount(12500, 'en')).toBe('12,500');
    expect(formatCount(2.5, 'id')).toBe('2,5');
  });
});

describe('the app’s own texts (issue 21, kind 12)', () => {
  it('says "1 working day" in English, and days in Indonesian whatever the count', () => {
    expect(translate('en', 'workingDays', { count: 1 })).toBe('1 working day');
    expect(translate('en', 'workingDays', { count: 5 })).toBe('5 working days');
    expect(translate('id', 'workingDays', { count: 1 })).toBe('1 hari kerja');
    expect(translate('en', 'queueTotal', { count: 1 })).toBe('1 request');
    expect(translate('en', 'answerWithin', { days: 1 })).toBe('Answered within 1 working day');
  });

  it('fills numbers into texts in the language’s format', () => {
    expect(translate('id', 'queueTotal', { count: 12500 })).toBe('12.500 permohonan');
    expect(translate('en', 'ikmTrendTitle', { year: 2026 })).toBe('IKM by month 2026');
  });
});
