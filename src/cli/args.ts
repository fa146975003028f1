// Command-line parsing: argv → what to do. Pure; nothing here reads the system,
// so `--help` and every usage error cost no more than this file.
import { type LimitSpec, parseLimitSpec } from './limit-spec.js';

/** A mistake in how the command was called: exit status 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** One `--set RESOURCE=LIMIT`, its resource as typed (validated against the platform later). */
export interface SetRequest {
  readonly resource: string;
  readonly spec: LimitSpec;
  readonly text: string;
}

/** The list's columns, by the names -o and --sort take, in the order --help lists them. */
export const COLUMN_KEYS = [
  'pid',
  'pgid',
  'sid',
  'umask',
  'files',
  'groups',
  'user',
  'uid',
  'euid',
  'name',
  'command',
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

/** Other names people type for a column (ps's). */
const COLUMN_ALIASES: Readonly<Record<string, ColumnKey>> = {
  comm: 'name',
  args: 'command',
  cmd: 'command',
  ruid: 'uid',
  ruser: 'user',
  nofile: 'files',
};

/** The columns shown when -o is not given. */
export const DEFAULT_COLUMNS: readonly ColumnKey[] = [
  'pid',
  'pgid',
  'sid',
  'umask',
  'files',
  'groups',
  'user',
  'command',
];

export interface SortKey {
  readonly column: ColumnKey;
  readonly descending: boolean;
}

/** How the list is chosen and shown. */
export interface ListOptions {
  /** -o/--columns, in order; undefined for the default columns. */
  readonly columns: readonly ColumnKey[] | undefined;
  /** --user: names or uids, to match the real uid. */
  readonly users: readonly string[];
  /** --pid: only these processes; undefined for every process. */
  readonly pids: readonly number[] | undefined;
  readonly header: boolean;
  readonly sort: SortKey | undefined;
}

export type Command =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | {
      readonly kind: 'list';
      readonly json: boolean;
      readonly list: ListOptions;
      /** --watch: seconds between screens. */
      readonly watch: number | undefined;
    }
  | {
      readonly kind: 'report';
      readonly pids: readonly number[];
      readonly json: boolean;
      readonly watch: number | undefined;
    }
  | { readonly kind: 'set'; readonly pid: number; readonly sets: readonly SetRequest[]; readonly json: boolean };

// Options that take a value, by every spelling; the value is the next
// argument, or follows '=' (long) or the letter itself (short: -opid,user).
const VALUED: Readonly<Record<string, string>> = {
  '-s': '--set',
  '--set': '--set',
  '-o': '--columns',
  '--columns': '--columns',
  '--user': '--user',
  '-p': '--pid',
  '--pid': '--pid',
  '--sort': '--sort',
  '--watch': '--watch',
};

const FLAGS: Readonly<Record<string, string>> = {
  '-h': '--help',
  '--help': '--help',
  '-V': '--version',
  '--version': '--version',
  '-j': '--json',
  '--json': '--json',
  '--no-header': '--no-header',
  '--no-headers': '--no-header',
};

/** The shortest interval --watch takes, as watch(1). */
export const MIN_WATCH_SECONDS = 0.1;
const MAX_WATCH_SECONDS = 86_400;

/** Parses argv (without node and the script); throws UsageError. */
export function parseArgs(argv: readonly string[]): Command {
  const seen = new Set<string>();
  const pids: number[] = [];
  const sets: SetRequest[] = [];
  const columns: ColumnKey[] = [];
  const users: string[] = [];
  let listPids: number[] | undefined;
  let sort: SortKey | undefined;
  let watch: number | undefined;
  let options = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (options && arg === '--') {
      options = false;
      continue;
    }
    if (!options || !arg.startsWith('-') || arg === '-') {
      pids.push(parsePid(arg, 'PID'));
      continue;
    }
    const [option, attached] = splitOption(arg);
    const flag = FLAGS[option];
    if (flag !== undefined) {
      if (attached !== undefined) throw new UsageError(`option '${option}' takes no value`);
      seen.add(flag);
      continue;
    }
    const name = VALUED[option];
    if (name === undefined) throw new UsageError(`unknown option '${option}'`);
    const value = attached ?? argv[++i];
    if (value === undefined) throw new UsageError(`option '${option}' needs ${VALUE_NAMES[name]}`);
    seen.add(name);
    switch (name) {
      case '--set':
        sets.push(parseSet(value));
        break;
      case '--columns':
        columns.push(...parseColumns(value));
        break;
      case '--user':
        users.push(...parseUsers(value));
        break;
      case '--pid':
        listPids = [...(listPids ?? []), ...parseList(value, '--pid').map((p) => parsePid(p, '--pid'))];
        break;
      case '--sort':
        sort = parseSort(value);
        break;
      case '--watch':
        watch = parseWatch(value);
        break;
    }
  }
  if (seen.has('--help')) return { kind: 'help' };
  if (seen.has('--version')) return { kind: 'version' };
  const json = seen.has('--json');
  const listOnly = ['--columns', '--user', '--pid', '--sort', '--no-header'].filter((o) => seen.has(o));
  if (sets.length > 0) {
    const extra = [...listOnly, ...(seen.has('--watch') ? ['--watch'] : [])];
    if (extra.length > 0) throw new UsageError(`${extra[0]} cannot be used with --set`);
    if (pids.length !== 1) throw new UsageError(`--set needs exactly one PID (got ${pids.length})`);
    return { kind: 'set', pid: pids[0]!, sets, json };
  }
  if (pids.length > 0) {
    if (listOnly.length > 0) {
      throw new UsageError(`${listOnly[0]} applies to the process list, not to reports of PIDs given alone`);
    }
    return { kind: 'report', pids, json, watch };
  }
  return {
    kind: 'list',
    json,
    list: {
      columns: columns.length > 0 ? columns : undefined,
      users,
      pids: listPids,
      header: !seen.has('--no-header'),
      sort,
    },
    watch,
  };
}

const VALUE_NAMES: Readonly<Record<string, string>> = {
  '--set': 'a RESOURCE=LIMIT argument',
  '--columns': 'a list of columns',
  '--user': 'a user name or uid',
  '--pid': 'a list of PIDs',
  '--sort': 'a column',
  '--watch': 'a number of seconds',
};

// '--opt=value' → ['--opt', 'value']; '-oLIST' → ['-o', 'LIST'] for a short
// option that takes a value; anything else is the option alone.
function splitOption(arg: string): [string, string | undefined] {
  if (arg.startsWith('--')) {
    const eq = arg.indexOf('=');
    return eq < 0 ? [arg, undefined] : [arg.slice(0, eq), arg.slice(eq + 1)];
  }
  const short = arg.slice(0, 2);
  if (arg.length > 2 && VALUED[short] !== undefined) return [short, arg.slice(2)];
  return [arg, undefined];
}

// A PID as the kernel hands them out: a positive decimal integer.
function parsePid(arg: string, what: string): number {
  const pid = /^[0-9]+$/.test(arg) ? Number(arg) : NaN;
  if (!(pid > 0) || !Number.isSafeInteger(pid)) {
    throw new UsageError(`invalid ${what === 'PID' ? 'PID' : `${what} value`} '${arg}': not a positive integer`);
  }
  return pid;
}

// 'a,b c' → ['a', 'b', 'c']: commas or spaces, as ps takes lists.
function parseList(value: string, option: string): string[] {
  const items = value.split(/[\s,]+/).filter((item) => item !== '');
  if (items.length === 0) throw new UsageError(`option '${option}' needs a non-empty list`);
  return items;
}

function columnKey(name: string, option: string): ColumnKey {
  const lower = name.toLowerCase();
  const key = (COLUMN_KEYS as readonly string[]).includes(lower) ? (lower as ColumnKey) : COLUMN_ALIASES[lower];
  if (key === undefined)
    throw new UsageError(`unknown column '${name}' in ${option}; one of: ${COLUMN_KEYS.join(' ')}`);
  return key;
}

function parseColumns(value: string): ColumnKey[] {
  return parseList(value, '--columns').map((name) => columnKey(name, '--columns'));
}

function parseUsers(value: string): string[] {
  return parseList(value, '--user');
}

// [+|-]COLUMN: '-' sorts descending, as ps --sort.
function parseSort(value: string): SortKey {
  const descending = value.startsWith('-');
  const name = value.startsWith('-') || value.startsWith('+') ? value.slice(1) : value;
  return { column: columnKey(name, '--sort'), descending };
}

function parseWatch(value: string): number {
  const seconds = /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$/.test(value) ? Number(value) : NaN;
  if (!(seconds >= MIN_WATCH_SECONDS && seconds <= MAX_WATCH_SECONDS)) {
    throw new UsageError(
      `invalid --watch '${value}': a number of seconds from ${MIN_WATCH_SECONDS} to ${MAX_WATCH_SECONDS}`,
    );
  }
  return seconds;
}

function parseSet(text: string): SetRequest {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new UsageError(`invalid --set '${text}': expected RESOURCE=LIMIT, e.g. nofile=1024:4096`);
  const resource = text.slice(0, eq);
  if (!/^[A-Za-z_]+$/.test(resource)) throw new UsageError(`invalid --set '${text}': bad resource name '${resource}'`);
  try {
    return { resource, spec: parseLimitSpec(text.slice(eq + 1)), text };
  } catch (err) {
    throw new UsageError(`invalid --set '${text}': ${(err as Error).message}`);
  }
}
