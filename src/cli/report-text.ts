// The human report for one process: who it is, its group and session, umask,
// groups, signal masks, then prlimit(1)'s limits table with an IN USE column.
import type { Style } from './color.js';
import type { ProcessReport } from './collect.js';
import { type Column, tableText } from './columns.js';
import type { Names } from './names.js';
import { RESOURCE_INFO } from './resources.js';
import { signalNames } from './signals.js';
import { formatLimit, formatUmask, formatUsage, nearLimit } from './values.js';

const UNREADABLE = '-';
const NONE = '(none)';

const LIMIT_COLUMNS: readonly Column[] = [
  { header: 'RESOURCE', align: 'left' },
  { header: 'DESCRIPTION', align: 'left' },
  { header: 'SOFT', align: 'right' },
  { header: 'HARD', align: 'right' },
  { header: 'UNITS', align: 'left' },
  { header: 'IN USE', align: 'right' },
  { header: '', align: 'left' },
];
// IN USE and the marker after it turn red on a terminal when the limit is near.
const IN_USE_COLUMN = 5;

/** The report's lines, ending in a newline. */
export function renderReport(report: ProcessReport, names: Names, style: Style): string {
  const facts: [string, string][] = [
    ['user', user(report)],
    ['pgid', numberOr(report.pgid)],
    ['sid', numberOr(report.sid)],
    ['umask', report.umask === null ? UNREADABLE : formatUmask(report.umask)],
    ['groups', groups(report.groups, names)],
  ];
  const masks = report.sigmasks;
  const signalRows: [string, ReadonlySet<number> | undefined][] = [
    ['signals pending', masks?.pending],
    ['signals blocked', masks?.blocked],
    ['signals ignored', masks?.ignored],
    ['signals caught', masks?.caught],
    ['process pending', masks?.processPending],
  ];
  for (const [label, set] of signalRows) facts.push([label, set === undefined ? UNREADABLE : listOr(signalNames(set))]);
  const width = Math.max(...facts.map(([label]) => label.length));
  const lines = [style.bold(`PID ${report.pid} ${report.name ?? UNREADABLE}`)];
  for (const [label, value] of facts) lines.push(`  ${label.padEnd(width)}  ${value}`);
  return `${lines.join('\n')}\n\n${limitsTable(report, style)}`;
}

function limitsTable(report: ProcessReport, style: Style): string {
  const marked = new Set<number>();
  const rows = report.rlimits.map((row, i) => {
    const info = RESOURCE_INFO[row.resource];
    const share = nearLimit(row.usage, row.soft);
    if (share !== undefined) marked.add(i);
    return [
      row.resource.toUpperCase(),
      info?.description ?? '',
      row.soft === null ? UNREADABLE : formatLimit(row.soft),
      row.hard === null ? UNREADABLE : formatLimit(row.hard),
      info?.units ?? '',
      row.usage === null ? '' : formatUsage(row.usage),
      share === undefined ? '' : `! ${share}% of soft limit`,
    ];
  });
  return tableText(LIMIT_COLUMNS, rows, style.bold, (text, row, col) =>
    marked.has(row) && col >= IN_USE_COLUMN ? style.warn(text) : text,
  );
}

function user(report: ProcessReport): string {
  if (report.uid === null) return UNREADABLE;
  let text = `${report.user ?? report.uid} (uid ${report.uid}`;
  if (report.euid !== null && report.euid !== report.uid) text += `, euid ${report.euid}`;
  return `${text})`;
}

function groups(list: readonly number[] | null, names: Names): string {
  if (list === null) return UNREADABLE;
  return listOr(list.map((gid) => (names.group(gid) === undefined ? `${gid}` : `${gid}(${names.group(gid)})`)));
}

function numberOr(value: number | null): string {
  return value === null ? UNREADABLE : String(value);
}

function listOr(items: readonly string[]): string {
  return items.length === 0 ? NONE : items.join(' ');
}
