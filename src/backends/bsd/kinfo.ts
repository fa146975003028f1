// What the BSD and macOS backends take from one process record (kinfo_proc,
// kinfo_proc2), decoded by each OS's pure decoder.
import type { Sigmasks, Uids } from '../backend.js';
import type { RecordUsage } from './usage.js';

/** What every record holds. */
export interface ProcRecord {
  readonly pid: number;
  readonly pgid: number;
  /** The groups the record holds, in the kernel's order. */
  readonly groups: number[];
  /** True when the credential had more groups than the record's 16 slots. */
  readonly groupsTruncated: boolean;
  /** Start time in microseconds since the epoch; undefined when the kernel left it unset (a zombie). */
  readonly startMicros: number | undefined;
  readonly zombie: boolean;
}

/** A record with the session ID (every one but macOS's, which getsid(2) answers instead). */
export interface WithSession {
  readonly sid: number;
}

/** A record with signal masks (every one but DragonFly's). */
export interface WithSignals {
  readonly sigmasks: Sigmasks;
}

/** A record with the command name and the three user IDs. */
export interface WithIdentity {
  /** The command name (p_comm), decoded as UTF-8. */
  readonly name: string;
  readonly uids: Uids;
}

/** A record with usage figures (see RecordUsage: only those the kernel fills). */
export interface WithUsage {
  readonly usage: RecordUsage;
}

/** A record with every part: what FreeBSD's kinfo_proc, OpenBSD's kinfo_proc and NetBSD's kinfo_proc2 carry. */
export type FullRecord = ProcRecord & WithSession & WithSignals & WithIdentity & WithUsage;

/** Microseconds since the epoch from a timeval's two halves (exact below 2**53). */
export function timevalMicros(sec: number | bigint, usec: number | bigint): number {
  return Number(sec) * 1e6 + Number(usec);
}
