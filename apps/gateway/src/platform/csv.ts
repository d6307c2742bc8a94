// The one CSV writer of the gateway: every CSV the product serves (the SKM report, as the GraphQL
// `csv` field and as GET /reports/skm.csv) is written here, so no export can carry a formula.
import { type SpreadsheetCell, spreadsheetSafeCell } from '@layanan/domain';
import { stringify } from 'csv-stringify/sync';

/**
 * A table as CSV text: RFC 4180 quoting by csv-stringify (any cell with a line break quoted),
 * Windows line ends so spreadsheet programs open it as is, no byte-order mark (a download adds
 * one). Each text cell beginning with `=`, `+`, `-`, `@`, tab or carriage return gets a leading
 * `'` (the domain's spreadsheetSafeCell, OWASP CSV Injection); numbers are written as numbers,
 * negative ones unchanged.
 */
export function writeCsv(rows: readonly (readonly SpreadsheetCell[])[]): string {
  return stringify(
    rows.map((row) => row.map(spreadsheetSafeCell)),
    // Quote every cell holding a line feed or a carriage return, not only `\r\n`: a lone one
    // would end the record in spreadsheet programs.
    { record_delimiter: 'windows', quote_record_delimiter: true },
  );
}
