import { describe, expect, it } from 'vitest';
import { isFormulaLike, spreadsheetSafeCell } from './spreadsheet-cell.js';

describe('spreadsheetSafeCell', () => {
  it('puts a single quote before text that a spreadsheet would run as a formula', () => {
    expect(spreadsheetSafeCell('=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`);
    expect(spreadsheetSafeCell('+1')).toBe("'+1");
    expect(spreadsheetSafeCell("-2+3+cmd|' /C calc'!A0")).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(spreadsheetSafeCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(spreadsheetSafeCell('\tcmd')).toBe("'\tcmd");
    expect(spreadsheetSafeCell('\rcmd')).toBe("'\rcmd");
  });

  it('keeps numbers, negative ones included, and harmless text as they are', () => {
    expect(spreadsheetSafeCell(-3)).toBe(-3);
    expect(spreadsheetSafeCell('-3')).toBe('-3');
    expect(spreadsheetSafeCell('-0.25')).toBe('-0.25');
    expect(spreadsheetSafeCell(2.5)).toBe(2.5);
    expect(spreadsheetSafeCell('SMA')).toBe('SMA');
    expect(spreadsheetSafeCell('20-29')).toBe('20-29');
    expect(spreadsheetSafeCell(' =1')).toBe(' =1');
    expect(spreadsheetSafeCell('')).toBe('');
  });
});

describe('isFormulaLike', () => {
  it('looks at the first character only', () => {
    expect(['=', '+', '-', '@', '\t', '\r'].every((c) => isFormulaLike(`${c}x`))).toBe(true);
    expect(isFormulaLike('a=b')).toBe(false);
    expect(isFormulaLike('\nx')).toBe(false);
    expect(isFormulaLike('-')).toBe(true);
    expect(isFormulaLike('-3-1')).toBe(true);
  });
});
