// `psutil-extra` with no PID: one row per process, or with --json every
// process's full report. --pid, --user choose the processes, --sort orders
// them, -o chooses the columns, --no-header drops the header line.
//
// Every process (no --pid): a process that exits during the walk is left
// out; one whose facts may not be read (hidepid=1, a sandbox) is left out
// too, counted in one line on stderr per reason, and the exit status is 1.
// With --pid each PID asked for is a row or one failure line, as a report is.
import { NoSuchProcess, pids as allPids } from '../index.js';
import { type ColumnKey, DEFAULT_COLUMNS, type ListOptions, UsageError } from './args.js';
import type { Style } from './color.js';
import {
  type NprocShare,
  type ProcessFacts,
  REPORT_WANTS,
  type Want,
  WANT_FUNCTION,
  anyAvailable,
  collectFacts,
} from './collect.js';
import { type Align, tableText } from './columns.js';
import { type Outcome, describeError } from './failure.js';
import { reportToJson, stringify } from './json.js';
import { type Names, localNames } from './names.js';
import { type LibraryFunction, available, notAvailable } from './platform.js';
import { fitList, visible } from './text.js';
import { formatLimit, formatUmask, nearLimit } from './values.js';

/** A column of the list: what it reads, and how it shows and sorts a process. */
interface ListColumn {
  readonly header: string;
  readonly align: Align;
  /** The most a cell may widen the column for every row (see columns.ts). */
  readonly maxWidth?: number;
  /** The library functions the column cannot do without. */
  readonly needs: readonly LibraryFunction[];
  /** What it reads (those this platform lacks are skipped). */
  readonly wants: readonly Want[];
  /** The cell, its strings already visible(); `fit` is the terminal's limit for a list cell. */
  readonly cell: (f: ProcessFacts, ctx: CellContext) => string;
  /** The value --sort orders by; undefined sorts last. */
  readonly sortKey: (f: ProcessFacts, ctx: CellContext) => number | string | undefined;
}

interface CellContext {
  readonly names: Names;
  /** On a terminal: lists longer than the column show a count and their first items. */
  readonly terminal: boolean;
}

const DASH = '-';
const GROUPS_WIDTH = 24;

const COLUMNS: Readonly<Record<ColumnKey, ListColumn>> = {
  pid: { header: 'PID', align: 'right', needs: [], wants: [], cell: (f) => String(f.pid), sortKey: (f) => f.pid },
  pgid: numberColumn('PGID', 'pgid', (f) => f.pgid),
  sid: numberColumn('SID', 'sid', (f) => f.sid),
  umask: {
    header: 'UMASK',
    align: 'left',
    needs: ['procGetUmask'],
    wants: ['umask'],
    cell: (f) => (typeof f.umask === 'number' ? formatUmask(f.umask) : DASH),
    sortKey: (f) => f.umask ?? undefined,
  },
  files: {
    header: 'FILES',
    align: 'right',
    needs: ['procNumFds', 'procGetrlimit'],
    wants: ['numFds', 'nofile'],
    cell: (f) => `${f.numFds ?? DASH}/${f.nofile ? formatLimit(f.nofile.soft) : DASH}`,
    sortKey: (f) => f.numFds ?? undefined,
  },
  groups: {
    header: 'GROUPS',
    align: 'left',
    maxWidth: GROUPS_WIDTH,
    needs: ['procGetgroups'],
    wants: ['groups'],
    cell(f, ctx) {
      if (!f.groups) return DASH;
      if (f.groups.length === 0) return '(none)';
      return fitList(f.groups.map(String), ',', ctx.terminal ? GROUPS_WIDTH : Infinity);
    },
    sortKey: (f) => f.groups?.length,
  },
  user: {
    header: 'USER',
    align: 'left',
    maxWidth: 16,
    needs: ['procGetUids'],
    wants: ['uids'],
    cell: (f, ctx) => userName(f, ctx.names) ?? DASH,
    sortKey: (f, ctx) => userName(f, ctx.names),
  },
  uid: numberColumn('UID', 'uids', (f) => f.uids?.real),
  euid: numberColumn('EUID', 'uids', (f) => f.uids?.effective),
  name: {
    header: 'NAME',
    align: 'left',
    maxWidth: 16,
    needs: ['procGetName'],
    wants: ['name'],
    cell: (f) => (typeof f.name === 'string' ? visible(f.name) : DASH),
    sortKey: (f) => f.name ?? undefined,
  },
  command: {
    header: 'COMMAND',
    align: 'left',
    maxWidth: 32,
    needs: ['procGetCmdline'],
    // umask: the read that tells a zombie.
    wants: ['cmdline', 'name', 'umask'],
    cell: (f) => command(f) ?? DASH,
    sortKey: (f) => command(f),
  },
};

function numberColumn(header: string, want: Want, read: (f: ProcessFacts) => number | null | undefined): ListColumn {
  return {
    header,
    align: 'right',
    needs: [WANT_FUNCTION[want]],
    wants: [want],
    cell: (f) => String(read(f) ?? DASH),
    sortKey: (f) => read(f) ?? undefined,
  };
}

function userName(f: ProcessFacts, names: Names): string | undefined {
  if (!f.uids) return undefined;
  const name = names.user(f.uids.real);
  return name === undefined ? String(f.uids.real) : visible(name);
}

// The arguments as ps(1) shows them, each made visible (a newline in an
// argument would break the row); a kernel thread or a zombie (no arguments)
// as [name], a zombie followed by <defunct>.
function command(f: ProcessFacts): string | undefined {
  if (f.cmdline && f.cmdline.length > 0) return f.cmdline.map(visible).join(' ');
  if (typeof f.name !== 'string') return undefined;
  return `[${visible(f.name)}]${f.zombie ? ' <defunct>' : ''}`;
}

/** How the list is written. */
export type ListFormat =
  | { readonly kind: 'text'; readonly style: Style; readonly width: number | undefined }
  | { readonly kind: 'json'; readonly compact: boolean };

/** The list as text or JSON, and its failures. */
export function runList(options: ListOptions, format: ListFormat): Outcome & { readonly warnings: readonly string[] } {
  const names = localNames();
  const warnings: string[] = [];
  const asked = options.columns ?? DEFAULT_COLUMNS;
  // A column this platform cannot fill is left out; asked for by name, it is said so.
  const keys = asked.filter((key) => available(...COLUMNS[key].needs));
  if (options.columns !== undefined) {
    for (const key of asked) if (!keys.includes(key)) warnings.push(`column ${key} is ${notAvailable()}`);
  }
  const uids = options.users.length === 0 ? undefined : resolveUsers(options.users, names);
  const sort = options.sort;
  if (sort !== undefined && !available(...COLUMNS[sort.column].needs)) {
    throw new Error(`--sort ${sort.column}: the column is ${notAvailable()}`);
  }

  const wants = new Set<Want>(format.kind === 'json' ? REPORT_WANTS : keys.flatMap((k) => COLUMNS[k].wants));
  if (sort !== undefined) for (const want of COLUMNS[sort.column].wants) wants.add(want);
  if (uids !== undefined) wants.add('uids');

  const { processes, failures, failedPids } = gather(options.pids, wants);
  let shown = uids === undefined ? processes : processes.filter((f) => f.uids && uids.has(f.uids.real));
  const ctx: CellContext = { names, terminal: format.kind === 'text' && format.width !== undefined };
  if (sort !== undefined) shown = sorted(shown, COLUMNS[sort.column], sort.descending, ctx);

  if (format.kind === 'json') {
    return {
      output: stringify(
        shown.map((f) => reportToJson(f, names)),
        format.compact,
      ),
      failures,
      failedPids,
      warnings,
    };
  }
  const columns = keys.map((key) => COLUMNS[key]);
  const rows = shown.map((f) => columns.map((c) => c.cell(f, ctx)));
  const filesAt = keys.indexOf('files');
  const near = new Set<number>();
  shown.forEach((f, i) => nearLimit(f.numFds, f.nofile?.soft) !== undefined && near.add(i));
  const output = tableText(columns, rows, {
    header: options.header,
    width: format.width,
    styleHeader: format.style.bold,
    styleCell: (text, row, col) => (col === filesAt && near.has(row) ? format.style.warn(text) : text),
  });
  return { output, failures, failedPids, warnings };
}

// The processes' facts: the PIDs asked for, each a row or a failure; or
// every process, leaving out those that exit meanwhile and counting those
// that cannot be read.
function gather(
  asked: readonly number[] | undefined,
  wants: ReadonlySet<Want>,
): { processes: ProcessFacts[]; failures: string[]; failedPids: number[] } {
  const share: NprocShare = new Map();
  const processes: ProcessFacts[] = [];
  const failures: string[] = [];
  const failedPids: number[] = [];
  if (asked !== undefined) {
    // A PID asked for is shown only once something has been read of it (a
    // process that does not exist is a failure, even with -o pid alone).
    const probe = new Set(wants);
    if (!anyAvailable(probe)) {
      const fact = PROBES.find((want) => available(WANT_FUNCTION[want]));
      if (fact === undefined) throw new Error(`reading a process is ${notAvailable()}`);
      probe.add(fact);
    }
    for (const pid of [...new Set(asked)].sort((a, b) => a - b)) {
      try {
        processes.push(collectFacts(pid, probe, share));
      } catch (err) {
        failures.push(`pid ${pid}: ${describeError(err)}`);
        failedPids.push(pid);
      }
    }
    return { processes, failures, failedPids };
  }
  if (!available('pids')) {
    throw new Error(`listing every process is ${notAvailable()}; name processes with --pid PID,... or as arguments`);
  }
  let every: number[];
  try {
    every = allPids();
  } catch (err) {
    throw new Error(`cannot list the processes: ${describeError(err)}`);
  }
  const unreadable = new Map<string, number>();
  for (const pid of every) {
    try {
      processes.push(collectFacts(pid, wants, share));
    } catch (err) {
      if (err instanceof NoSuchProcess) continue;
      const reason = describeError(err);
      unreadable.set(reason, (unreadable.get(reason) ?? 0) + 1);
    }
  }
  for (const [reason, n] of unreadable) failures.push(`${n} ${n === 1 ? 'process' : 'processes'} not shown: ${reason}`);
  return { processes, failures, failedPids };
}

// The cheapest facts that prove a process is there: one system call, or one status read.
const PROBES: readonly Want[] = ['pgid', 'name', 'uids', 'groups', 'sid'];

// --user NAME|UID → real uids. A name must be in /etc/passwd; a number is taken as a uid.
function resolveUsers(users: readonly string[], names: Names): Set<number> {
  if (!available('procGetUids')) throw new Error(`--user is ${notAvailable()} (no user ids)`);
  const out = new Set<number>();
  for (const user of users) {
    const uid = /^[0-9]+$/.test(user) ? Number(user) : names.uidOf(user);
    if (uid === undefined) throw new UsageError(`unknown user '${user}' in --user`);
    out.add(uid);
  }
  return out;
}

// Stable order by the column's key, missing keys last either way, ties by PID.
function sorted(
  facts: readonly ProcessFacts[],
  column: ListColumn,
  descending: boolean,
  ctx: CellContext,
): ProcessFacts[] {
  const keyed = facts.map((f) => ({ f, key: column.sortKey(f, ctx) }));
  keyed.sort((a, b) => {
    if (a.key === undefined || b.key === undefined) {
      return a.key === b.key ? a.f.pid - b.f.pid : a.key === undefined ? 1 : -1;
    }
    const order = a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    return (descending ? -order : order) || a.f.pid - b.f.pid;
  });
  return keyed.map((k) => k.f);
}
