// A chart's data table as a CSV file made in the browser (the public results page offers one under
// every chart). Cells go through the domain's spreadsheetSafeCell, as the gateway's CSV writer's do.
import { type SpreadsheetCell, spreadsheetSafeCell } from '@layanan/domain';
import { useI18n } from '../i18n.tsx';

/** RFC 4180 text of a table: every cell quoted, Windows line ends, formula-like text neutralised. */
export function tableCsv(
  head: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<SpreadsheetCell>>,
): string {
  const line = (cells: ReadonlyArray<SpreadsheetCell>) =>
    cells.map((c) => `"${String(spreadsheetSafeCell(c)).replaceAll('"', '""')}"`).join(',');
  return [line(head), ...rows.map(line)].map((l) => `${l}\r\n`).join('');
}

export function TableDownload({
  fileName,
  head,
  rows,
}: {
  fileName: string;
  head: readonly string[];
  rows: ReadonlyArray<ReadonlyArray<SpreadsheetCell>>;
}) {
  const { t } = useI18n();
  const save = () => {
    // The byte-order mark makes spreadsheet programs read the file as UTF-8.
    const blob = new Blob([`\uFEFF${tableCsv(head, rows)}`], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <button type="button" className="secondary" onClick={save}>
      {t('downloadTable')}
    </button>
  );
}
