import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { writeCsv } from './csv.js';

describe('writeCsv', () => {
  it('neutralises formula-like text cells and keeps numbers numeric', () => {
    const csv = writeCsv([
      ['=HYPERLINK("http://x","y")', '+1', '@SUM(A1)', '\tcmd', '\rcmd', '-2+3'],
      [-3, 2.5, 'SMA', '20-29'],
    ]);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')[1]).toBe('-3,2.5,SMA,20-29');
    expect(parse(csv, { relax_column_count: true })).toEqual([
      [`'=HYPERLINK("http://x","y")`, "'+1", "'@SUM(A1)", "'\tcmd", "'\rcmd", "'-2+3"],
      ['-3', '2.5', 'SMA', '20-29'],
    ]);
  });

  it('quotes a cell holding a lone line feed or carriage return, so the record stays one line', () => {
    const csv = writeCsv([['a\nb', 'c\rd', 'e'], ['f']]);
    expect(csv).toBe('"a\nb","c\rd",e\r\nf\r\n');
    expect(parse(csv, { relax_column_count: true })).toEqual([['a\nb', 'c\rd', 'e'], ['f']]);
  });
});
