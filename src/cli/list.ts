// `psutil-extra` with no PID: one row per process. A process that exits during
// the walk is skipped; a field that cannot be read prints '-'.
import { NoSuchProcess, oneshotProc } from '../index.js';
import type { Style } from './color.js';
import { collectReport, limitRow, readFacts } from './collect.js';
import { type Column, tableText } from './columns.js';
import { reportToJson, stringify } from './json.js';
import { localNames, type Names } from './names.js';
import { parseStatusFields } from './proc-text.js';
import { countFds, listPids, readProcText } from './system.js';
import { usageContext } from './usage.js';
import { formatLimit, formatUmask, nearLimit } from './values.js';

const COLUMNS: readonly Column[] = [
  { header: 'PID', align: 'right' },
  { header: 'PGID', align: 'right' },
  { header: 'SID', align: 'right' },
  { header: 'UMASK', align: 'left' },
  { header: 'FILES', align: 'right' },
  { header: 'GROUPS', align: 'left' },
  { header: 'USER', align: 'left' },
  { header: 'COMMAND', align: 'left' },
];
const FILES_COLUMN = 4;

/** The table (or with json, every process's full report) as text. */
export function renderList(json: boolean, style: Style, locks: string | undefined): string {
  const names = localNames();
  if (json) {
    const ctx = usageContext(locks);
    const reports = skipGone(listPids(), (pid) => collectReport(pid, names, ctx));
    return stringify(reports.map(reportToJson));
  }
  const rows = skipGone(listPids(), (pid) => listRow(pid, names));
  const full = new Set<number>();
  rows.forEach((row, i) => row.near && full.add(i));
  return tableText(
    COLUMNS,
    rows.map((r) => r.cells),
    style.bold,
    (text, row, col) => (col === FILES_COLUMN && full.has(row) ? style.warn(text) : text),
  );
}

interface ListRow {
  readonly cells: string[];
  /** Open files at or above 90% of the soft limit. */
  readonly near: boolean;
}

function listRow(pid: number, names: Names): ListRow {
  return oneshotProc(pid, () => {
    const facts = readFacts(pid, ['umask', 'groups', 'pgid', 'sid']);
    // The library just read this process, so an unreadable status is a blank, not a gone process.
    const statusText = readProcText(pid, 'status');
    const status = statusText === undefined ? {} : parseStatusFields(statusText);
    const fds = countFds(pid);
    const nofile = limitRow(pid, 'nofile', fds === undefined ? undefined : BigInt(fds));
    const files = `${fds ?? '-'}/${nofile.soft === null ? '-' : formatLimit(nofile.soft)}`;
    const uid = status.realUid;
    const cells = [
      String(pid),
      dash(facts.pgid),
      dash(facts.sid),
      facts.umask === null ? '-' : formatUmask(facts.umask),
      files,
      facts.groups === null ? '-' : facts.groups.length === 0 ? '(none)' : facts.groups.join(','),
      uid === undefined ? '-' : (names.user(uid) ?? String(uid)),
      command(pid, status.name),
    ];
    return { cells, near: nearLimit(nofile.usage, nofile.soft) !== undefined };
  });
}

// The arguments as ps(1) shows them, control characters (a newline in an
// argument would break the row) as '?'; a kernel thread (no arguments) as [name].
function command(pid: number, name: string | undefined): string {
  const cmdline = readProcText(pid, 'cmdline');
  if (cmdline !== undefined && cmdline !== '') {
    const args = cmdline.replace(/\0+$/, '').replace(/\0/g, ' ');
    // eslint-disable-next-line no-control-regex -- control characters are the point
    return args.replace(/[\x00-\x1f\x7f]/g, '?');
  }
  return name === undefined ? '-' : `[${name}]`;
}

function dash(value: number | null): string {
  return value === null ? '-' : String(value);
}

/** Runs fn for each PID, leaving out the processes that exit meanwhile. */
function skipGone<T>(pids: readonly number[], fn: (pid: number) => T): T[] {
  const out: T[] = [];
  for (const pid of pids) {
    try {
      out.push(fn(pid));
    } catch (err) {
      if (!(err instanceof NoSuchProcess)) throw err;
    }
  }
  return out;
}
