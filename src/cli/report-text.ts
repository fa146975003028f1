// The human report for one process: who it is, its group and session, umask,
// groups, signal masks, then prlimit(1)'s limits table with an IN USE column.
// Pure: every string from the process or the system goes through visible().
import type { Sigmasks } from '../index.js';
import type { Style } from './color.js';
import type { LimitRow, ProcessFacts } from './collect.js';
import { type Column, tableText, tableWidth } from './columns.js';
import type { Names } from './names.js';
import { RESOURCE_INFO } from './resources.js';
import { signalNames } from './signals.js';
import { cutToWidth, displayWidth, fitList, visible } from './text.js';
import { formatLimit, formatUmask, formatUsage, nearLimit } from './values.js';

/** How the report is shown. */
export interface View {
  readonly style: Style;
  /** A terminal's width: lines are cut to it and long lists summarised. */
  readonly width?: number;
  /** What an unavailable fact says: 'not available on macOS'. */
  readonly notAvailable: string;
}

const UNREADABLE = '-';
const NONE = '(none)';

const RESOURCE: Column = { header: 'RESOURCE', align: 'left' };
const DESCRIPTION: Column = { header: 'DESCRIPTION', align: 'left' };
const LIMITS: readonly Column[] = [
  { header: 'SOFT', align: 'right' },
  { header: 'HARD', align: 'right' },
  { header: 'UNITS', align: 'left' },
];
const USAGE: readonly Column[] = [
  { header: 'IN USE', align: 'right' },
  { header: '', align: 'left' },
];

/** The report's lines, ending in a newline. */
export function renderReport(facts: ProcessFacts, names: Names, view: View): string {
  // A fact as shown: the platform has no such fact, the kernel keeps none
  // for this process ('-'), or its value.
  const value = <T>(
    fact: T | null | undefined,
    show: (v: T) => readonly string[] | string,
  ): readonly string[] | string => (fact === undefined ? view.notAvailable : fact === null ? UNREADABLE : show(fact));
  const masks = facts.sigmasks;
  const signals = (pick: (m: Sigmasks) => ReadonlySet<number>): readonly string[] | string =>
    value(masks, (m) => listOr(signalNames(pick(m))));
  const rows: [string, readonly string[] | string][] = [
    ['user', value(facts.uids, (ids) => user(ids, names))],
    ['pgid', value(facts.pgid, String)],
    ['sid', value(facts.sid, String)],
    ['umask', value(facts.umask, formatUmask)],
    ['groups', value(facts.groups, (list) => listOr(list.map((gid) => group(gid, names))))],
    ['signals pending', signals((m) => m.pending)],
    ['signals blocked', signals((m) => m.blocked)],
    ['signals ignored', signals((m) => m.ignored)],
    ['signals caught', signals((m) => m.caught)],
    ['process pending', signals((m) => m.processPending)],
  ];
  if (!facts.rlimits) rows.push(['limits', value(facts.rlimits, () => [])]);
  const labelWidth = Math.max(...rows.map(([label]) => label.length));
  const indent = 2 + labelWidth + 2;
  let title = `PID ${facts.pid}`;
  if (facts.name !== undefined) title += ` ${facts.name === null ? UNREADABLE : visible(facts.name)}`;
  if (facts.zombie) title += ' (zombie)';
  const lines = [view.style.bold(fit(title, view.width))];
  const room = view.width === undefined ? Infinity : Math.max(1, view.width - indent);
  for (const [label, shown] of rows) {
    const head = `  ${label.padEnd(labelWidth)}  `;
    if (typeof shown === 'string') {
      lines.push(fit(head + shown, view.width));
    } else if (label === 'groups') {
      // Up to 65,536 groups: on a terminal, a count and the first few.
      lines.push(fit(head + fitList(shown, ' ', room), view.width));
    } else {
      // At most 64 signals: on a terminal, wrapped under the first.
      wrap(shown, room).forEach((text, i) => lines.push(fit((i === 0 ? head : ' '.repeat(indent)) + text, view.width)));
    }
  }
  const table = facts.rlimits ? `\n${limitsTable(facts.rlimits, view)}` : '';
  return `${lines.join('\n')}\n${table}`;
}

function limitsTable(limits: readonly LimitRow[], view: View): string {
  const marked = new Set<number>();
  // IN USE only where the platform shows some figure (Linux); elsewhere no column.
  const usage = limits.some((row) => row.usage !== undefined);
  const rows = limits.map((row, i) => {
    const info = RESOURCE_INFO[row.resource];
    const share = nearLimit(row.usage, row.soft);
    if (share !== undefined) marked.add(i);
    const cells = [
      row.resource.toUpperCase(),
      info?.description ?? '',
      formatLimit(row.soft),
      formatLimit(row.hard),
      info?.units ?? '',
    ];
    if (usage) {
      cells.push(
        row.usage === undefined ? '' : row.usage === null ? UNREADABLE : formatUsage(row.resource, row.usage),
        share === undefined ? '' : `! ${share}% of soft limit`,
      );
    }
    return cells;
  });
  let columns = [RESOURCE, DESCRIPTION, ...LIMITS, ...(usage ? USAGE : [])];
  let cells = rows;
  // On a terminal too narrow for the whole table, the descriptions go first.
  if (view.width !== undefined && tableWidth(columns, rows) > view.width) {
    columns = columns.filter((c) => c !== DESCRIPTION);
    cells = rows.map((r) => [r[0]!, ...r.slice(2)]);
  }
  const inUse = columns.length - USAGE.length;
  return tableText(columns, cells, {
    width: view.width,
    styleHeader: view.style.bold,
    styleCell: (text, row, col) => (usage && marked.has(row) && col >= inUse ? view.style.warn(text) : text),
  });
}

function user(ids: { real: number; effective: number }, names: Names): string {
  const name = names.user(ids.real);
  let text = `${name === undefined ? ids.real : visible(name)} (uid ${ids.real}`;
  if (ids.effective !== ids.real) text += `, euid ${ids.effective}`;
  return `${text})`;
}

function group(gid: number, names: Names): string {
  const name = names.group(gid);
  return name === undefined ? `${gid}` : `${gid}(${visible(name)})`;
}

function listOr(items: readonly string[]): readonly string[] | string {
  return items.length === 0 ? NONE : items;
}

// Words joined by spaces into lines of at most `width` columns (a longer word alone).
function wrap(words: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line !== '' && displayWidth(line) + 1 + displayWidth(word) > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  lines.push(line);
  return lines;
}

function fit(line: string, width: number | undefined): string {
  return width === undefined ? line : cutToWidth(line, width);
}
