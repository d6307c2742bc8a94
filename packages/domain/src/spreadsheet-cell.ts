// Cells of the files a spreadsheet opens (CSV exports): one rule for every export, so text a user
// typed (a survey profile, a name, a title) is never run as a formula (OWASP, CSV Injection).

/**
 * A cell of an exported table: text, or a number written as a number (never neutralised, so
 * −3 stays the number −3 in the sheet).
 */
export type SpreadsheetCell = string | number;

/**
 * The first characters with which a spreadsheet program (Excel, LibreOffice Calc, Google Sheets)
 * starts reading a cell as a formula or a command: `=`, `+`, `-`, `@`, tab and carriage return
 * (OWASP, CSV Injection).
 */
export const FORMULA_TRIGGERS = ['=', '+', '-', '@', '\t', '\r'] as const;

/** A negative decimal written plainly (`-3`, `-0.25`): a number to a spreadsheet, never a formula. */
const NEGATIVE_NUMBER = /^-\d+(\.\d+)?$/;

/**
 * Whether a text cell would be read as a formula: it begins with one of FORMULA_TRIGGERS and is
 * not a plain negative number (`-3`). `+1` counts as formula-like (Excel turns it into `=+1`).
 */
export function isFormulaLike(text: string): boolean {
  return (FORMULA_TRIGGERS as readonly string[]).includes(text.charAt(0)) && !NEGATIVE_NUMBER.test(text);
}

/**
 * The cell as an export writes it: a formula-like text cell gets a leading single quote
 * (`=HYPERLINK(…)` → `'=HYPERLINK(…)`), which spreadsheet programs take as text; any other text
 * and every number, negative ones included, are unchanged. The writer does the CSV quoting.
 */
export function spreadsheetSafeCell(cell: SpreadsheetCell): SpreadsheetCell {
  if (typeof cell === 'number') return cell;
  return isFormulaLike(cell) ? `'${cell}` : cell;
}
