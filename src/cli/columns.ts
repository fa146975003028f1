// Aligned text columns, widths taken from the data, as ps(1) and prlimit(1)
// print them. Pure: cells are plain text; colour is applied after padding so
// escape sequences never count towards a width.

export type Align = 'left' | 'right';

export interface Column {
  readonly header: string;
  readonly align: Align;
}

/**
 * Lines of a table: the header, then one line per row. Columns are separated by
 * one space; the last column is not padded, so no line ends in spaces.
 * `styleCell` may wrap a padded body cell (for colour).
 */
export function formatTable(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  styleCell?: (text: string, row: number, col: number) => string,
): string[] {
  const widths = columns.map((c, i) => Math.max(c.header.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[], row: number): string => {
    const parts = columns.map((c, i) => {
      const text = cells[i] ?? '';
      const last = i === columns.length - 1;
      const padded = c.align === 'right' ? text.padStart(widths[i]!) : last ? text : text.padEnd(widths[i]!);
      return styleCell && row >= 0 ? styleCell(padded, row, i) : padded;
    });
    return parts.join(' ').trimEnd();
  };
  return [
    line(
      columns.map((c) => c.header),
      -1,
    ),
    ...rows.map((r, i) => line(r, i)),
  ];
}

/** The table as text ending in a newline, the header line passed through `header` (e.g. bold). */
export function tableText(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  header: (line: string) => string,
  styleCell?: (text: string, row: number, col: number) => string,
): string {
  const [head, ...body] = formatTable(columns, rows, styleCell);
  return `${[header(head ?? ''), ...body].join('\n')}\n`;
}
