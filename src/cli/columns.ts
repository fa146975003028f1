// Aligned text columns, as ps(1) and prlimit(1) print them. Pure: cells are
// plain text already passed through visible(); colour is applied after
// padding and cutting, so escape sequences never count towards a width.
//
// A column is as wide as its widest cell, up to its `maxWidth`: a longer cell
// (a list of 65,536 groups, a long user name) overflows into its own row and
// pushes only that row's later cells right, so no row is ever padded for
// another row's list. With `width` (a terminal's columns) every line is cut
// to it, as ps does: what does not fit, the end of the last column first, is
// not shown.
import { cutToWidth, displayWidth, pad } from './text.js';

export type Align = 'left' | 'right';

export interface Column {
  readonly header: string;
  readonly align: Align;
  /** The most columns a cell may claim for every row; longer cells overflow their own row. */
  readonly maxWidth?: number;
}

export interface TableOptions {
  /** Print the header line (default true). */
  readonly header?: boolean;
  /** Cut every line to this many terminal columns. */
  readonly width?: number;
  /** Wraps the header line (e.g. bold). */
  readonly styleHeader?: (line: string) => string;
  /** Wraps a body cell after padding and cutting (e.g. for colour). */
  readonly styleCell?: (text: string, row: number, col: number) => string;
}

/**
 * Lines of a table: the header, then one line per row. Columns are separated
 * by one space; the last column is not padded, so no line ends in spaces.
 */
export function formatTable(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  options: TableOptions = {},
): string[] {
  const widths = columns.map((c, i) => {
    let w = displayWidth(c.header);
    const cap = Math.max(w, c.maxWidth ?? Infinity);
    for (const row of rows) {
      const cell = displayWidth(row[i] ?? '');
      if (cell > w) w = Math.min(cell, cap);
      if (w === cap) break;
    }
    return w;
  });
  const line = (cells: readonly string[], row: number): string => {
    let out = '';
    let used = 0;
    for (let i = 0; i < columns.length; i++) {
      const last = i === columns.length - 1;
      const text = cells[i] ?? '';
      let cell = last && columns[i]!.align === 'left' ? text : pad(text, widths[i]!, columns[i]!.align);
      const sep = i === 0 ? '' : ' ';
      if (options.width !== undefined) {
        const room = options.width - used - sep.length;
        if (room <= 0) break;
        cell = cutToWidth(cell, room);
      }
      used += sep.length + displayWidth(cell);
      const styled = row >= 0 && options.styleCell ? options.styleCell(cell, row, i) : cell;
      out += sep + styled;
    }
    return out.trimEnd();
  };
  const body = rows.map((r, i) => line(r, i));
  if (options.header === false) return body;
  const head = line(
    columns.map((c) => c.header),
    -1,
  );
  return [options.styleHeader ? options.styleHeader(head) : head, ...body];
}

/** The table as text ending in a newline; empty when there is no line at all. */
export function tableText(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  options: TableOptions = {},
): string {
  const lines = formatTable(columns, rows, options);
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** The width a table's lines would take uncut (the longest line). */
export function tableWidth(columns: readonly Column[], rows: readonly (readonly string[])[]): number {
  return Math.max(0, ...formatTable(columns, rows).map(displayWidth));
}
