// Gathers what the command shows about one process, through the library's
// public API only, inside one oneshotProc so that each file and system call
// is asked once.
//
// A fact (name, user ids, umask, groups, masks, group and session, limits)
// is its value, or null when the kernel keeps none for this process (a
// zombie's umask), or absent when it was not asked for or this platform does
// not offer it (`availability`). Any other failure to read a fact throws:
// NoSuchProcess when the process is gone, AccessDenied when it may not be
// read, and the library's other errors as they are. The caller decides what
// that means for the PID (see failure.ts). Usage figures are different: a
// figure the kernel has but does not show this caller (another user's open
// files) is null, as the library's procGetAllRlimits gives it.
import {
  type Sigmasks,
  type Uids,
  NoSuchProcess,
  PsutilError,
  ZombieProcess,
  constants,
  oneshotProc,
  procGetAllRlimits,
  procGetCmdline,
  procGetName,
  procGetSigmasks,
  procGetUids,
  procGetUmask,
  procGetgroups,
  procGetpgid,
  procGetrlimit,
  procGetrlimitUsage,
  procGetsid,
  procNumFds,
} from '../index.js';
import { type LibraryFunction, available } from './platform.js';
import { resourceNames } from './resources.js';

/** A limit as printed: an exact rlim_t value or unlimited. */
export type LimitValue = bigint | 'unlimited';

export interface LimitRow {
  readonly resource: string;
  readonly soft: LimitValue;
  readonly hard: LimitValue;
  /** In use now; undefined when the kernel shows no figure, null when it does but not to this caller. */
  readonly usage: number | null | undefined;
}

/** What the command can ask about a process. */
export type Want =
  'name' | 'uids' | 'cmdline' | 'umask' | 'groups' | 'sigmasks' | 'pgid' | 'sid' | 'numFds' | 'nofile' | 'rlimits';

/** The library function behind each fact, whose `availability` says whether this platform has it. */
export const WANT_FUNCTION: Readonly<Record<Want, LibraryFunction>> = {
  name: 'procGetName',
  uids: 'procGetUids',
  cmdline: 'procGetCmdline',
  umask: 'procGetUmask',
  groups: 'procGetgroups',
  sigmasks: 'procGetSigmasks',
  pgid: 'procGetpgid',
  sid: 'procGetsid',
  numFds: 'procNumFds',
  nofile: 'procGetrlimit',
  rlimits: 'procGetAllRlimits',
};

export interface ProcessFacts {
  readonly pid: number;
  /** Some read said the process is a zombie. */
  zombie: boolean;
  name?: string | null;
  uids?: Uids | null;
  cmdline?: readonly string[] | null;
  umask?: number | null;
  groups?: readonly number[] | null;
  sigmasks?: Sigmasks | null;
  pgid?: number | null;
  sid?: number | null;
  /** Open descriptors: a usage figure, null when the kernel does not show it to this caller. */
  numFds?: number | null;
  /** The nofile limits alone (the list's FILES column). */
  nofile?: { readonly soft: LimitValue; readonly hard: LimitValue } | null;
  /** Every limit with its usage, in prlimit's order. */
  rlimits?: readonly LimitRow[] | null;
}

/** Whether this platform can answer any of `wants`. */
export function anyAvailable(wants: Iterable<Want>): boolean {
  for (const want of wants) if (available(WANT_FUNCTION[want])) return true;
  return false;
}

/**
 * The NPROC figure of each real uid, shared by the processes of one pass:
 * the kernel counts it per user, so every process of a uid has the same
 * figure, and reading it means reading every process's status. Without
 * sharing, a pass over N processes would read N × N statuses.
 */
export type NprocShare = Map<number, number>;

/** Reads the facts in `wants` that this platform offers; throws as described at the top. */
export function collectFacts(pid: number, wants: ReadonlySet<Want>, share: NprocShare = new Map()): ProcessFacts {
  return oneshotProc(pid, () => {
    const facts: ProcessFacts = { pid, zombie: false };
    const want = (w: Want): boolean => wants.has(w) && available(WANT_FUNCTION[w]);
    // A fact a zombie no longer has is null; every other failure is the caller's.
    const fact = <T>(read: () => T): T | null => {
      try {
        return read();
      } catch (err) {
        if (err instanceof ZombieProcess) {
          facts.zombie = true;
          return null;
        }
        throw err;
      }
    };
    if (want('name')) facts.name = fact(() => procGetName(pid));
    if (want('uids')) facts.uids = fact(() => procGetUids(pid));
    if (want('pgid')) facts.pgid = fact(() => procGetpgid(pid));
    if (want('sid')) facts.sid = fact(() => procGetsid(pid));
    if (want('umask')) facts.umask = fact(() => procGetUmask(pid));
    if (want('groups')) facts.groups = fact(() => procGetgroups(pid));
    if (want('sigmasks')) facts.sigmasks = fact(() => procGetSigmasks(pid));
    if (want('cmdline')) facts.cmdline = fact(() => procGetCmdline(pid));
    if (want('nofile')) {
      facts.nofile = fact(() => {
        const [soft, hard] = procGetrlimit(pid, 'nofile', { bigint: true });
        return { soft: toLimitValue(soft), hard: toLimitValue(hard) };
      });
    }
    if (want('numFds')) facts.numFds = figure(() => procNumFds(pid)) ?? null;
    if (want('rlimits')) facts.rlimits = fact(() => readRlimits(pid, facts.uids?.real, share));
    return facts;
  });
}

// Every limit and its usage. The first process of each real uid in a pass
// is read with procGetAllRlimits; the others of that uid limit by limit,
// with the uid's NPROC figure (see NprocShare).
function readRlimits(pid: number, uid: number | undefined, share: NprocShare): LimitRow[] {
  const shared = uid === undefined ? undefined : share.get(uid);
  if (shared === undefined) {
    const all = procGetAllRlimits(pid, { bigint: true });
    const nproc = all['nproc']?.usage;
    if (uid !== undefined && typeof nproc === 'number') share.set(uid, nproc);
    return Object.keys(all)
      .sort()
      .map((resource) => {
        const { soft, hard, usage } = all[resource]!;
        return { resource, soft: toLimitValue(soft), hard: toLimitValue(hard), usage };
      });
  }
  return resourceNames(Object.keys(constants)).map((resource) => {
    const [soft, hard] = procGetrlimit(pid, resource, { bigint: true });
    const usage =
      resource === 'nproc'
        ? shared
        : available('procGetrlimitUsage')
          ? figure(() => procGetrlimitUsage(pid, resource))
          : undefined;
    return { resource, soft: toLimitValue(soft), hard: toLimitValue(hard), usage };
  });
}

// A usage figure as procGetAllRlimits gives it: a denied or unreadable one is
// null; only a process that is gone fails.
function figure(read: () => number | undefined): number | null | undefined {
  try {
    return read();
  } catch (err) {
    if (err instanceof NoSuchProcess && !(err instanceof ZombieProcess)) throw err;
    if (err instanceof PsutilError || isSystemError(err)) return null;
    throw err;
  }
}

function isSystemError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && typeof (err as { syscall?: unknown }).syscall === 'string';
}

export function toLimitValue(value: bigint): LimitValue {
  return value === constants.RLIM_INFINITY_BIGINT ? 'unlimited' : value;
}

/** The facts a report shows. */
export const REPORT_WANTS: ReadonlySet<Want> = new Set<Want>([
  'name',
  'uids',
  'pgid',
  'sid',
  'umask',
  'groups',
  'sigmasks',
  'rlimits',
]);
