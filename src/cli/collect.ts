// Gathers what the command shows about one process: credentials, groups and
// signal masks through the library's public API, usage figures from the
// command's own reads. A fact that cannot be read is null; a process that is
// gone throws NoSuchProcess.
import {
  AS_DICT_ATTRS,
  type AsDictAttr,
  type ProcInfo,
  type Sigmasks,
  NoSuchProcess,
  ZombieProcess,
  constants,
  oneshotProc,
  procAsDict,
  procGetrlimit,
} from '../index.js';
import { type Names } from './names.js';
import { type StatusFields, parseStatusFields } from './proc-text.js';
import { resourceNames } from './resources.js';
import { readProcText } from './system.js';
import { type Usage, type UsageContext, measureUsage } from './usage.js';

/** A limit as printed: an exact rlim_t value or unlimited. */
export type LimitValue = bigint | 'unlimited';

export interface LimitRow {
  readonly resource: string;
  readonly soft: LimitValue | null;
  readonly hard: LimitValue | null;
  readonly usage: Usage | null;
}

export interface ProcessReport {
  readonly pid: number;
  readonly name: string | null;
  /** Real and effective uid, and the real uid's name (the owner that RLIMIT_NPROC counts). */
  readonly uid: number | null;
  readonly euid: number | null;
  readonly user: string | null;
  readonly pgid: number | null;
  readonly sid: number | null;
  readonly umask: number | null;
  readonly groups: readonly number[] | null;
  readonly sigmasks: Sigmasks | null;
  readonly rlimits: readonly LimitRow[];
}

/** Everything about one process; `resources` limits the table (all of them by default). */
export function collectReport(
  pid: number,
  names: Names,
  ctx: UsageContext,
  resources: readonly string[] = resourceNames(Object.keys(constants)),
): ProcessReport {
  return oneshotProc(pid, () => {
    const facts = readFacts(pid, AS_DICT_ATTRS);
    const status = readStatus(pid);
    const usage = measureUsage(pid, status, ctx);
    const rlimits = resources.map((resource) => limitRow(pid, resource, usage.get(resource)));
    const uid = status?.realUid ?? null;
    return {
      pid,
      name: status?.name ?? null,
      uid,
      euid: status?.effectiveUid ?? null,
      user: uid === null ? null : (names.user(uid) ?? null),
      pgid: facts.pgid,
      sid: facts.sid,
      umask: facts.umask,
      groups: facts.groups,
      sigmasks: facts.sigmasks,
      rlimits,
    };
  });
}

/** A limit and its usage; the limits are null when the library cannot read them. */
export function limitRow(pid: number, resource: string, usage: Usage | undefined): LimitRow {
  let soft: LimitValue | null = null;
  let hard: LimitValue | null = null;
  try {
    const [s, h] = procGetrlimit(pid, resource, { bigint: true });
    soft = toLimitValue(s);
    hard = toLimitValue(h);
  } catch (err) {
    // Gone is the whole report's answer; anything else (a zombie included) is this row's blank.
    if (err instanceof NoSuchProcess && !(err instanceof ZombieProcess)) throw err;
  }
  return { resource, soft, hard, usage: usage ?? null };
}

type Facts<K extends AsDictAttr> = { [P in K]: ProcInfo[P] | null };

/**
 * The library's facts about a process; each one it cannot read is null. Only
 * NoSuchProcess escapes: any other failure blanks the facts rather than the
 * whole report.
 */
export function readFacts<K extends AsDictAttr>(pid: number, attrs: readonly K[]): Facts<K> {
  try {
    return procAsDict(pid, { attrs });
  } catch (err) {
    if (err instanceof NoSuchProcess) throw err;
    const out = {} as Record<K, null>;
    for (const attr of attrs) out[attr] = null;
    return out;
  }
}

export function toLimitValue(value: bigint): LimitValue {
  return value === constants.RLIM_INFINITY_BIGINT ? 'unlimited' : value;
}

function readStatus(pid: number): StatusFields | undefined {
  const text = readProcText(pid, 'status');
  return text === undefined ? undefined : parseStatusFields(text);
}
