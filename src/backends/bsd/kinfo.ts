// What the BSD and macOS backends take from one process record (kinfo_proc,
// kinfo_proc2), decoded by each OS's pure decoder.
import { OsError } from '../../os-error.js';
import type { Sigmasks } from '../backend.js';

export interface ProcRecord {
  readonly pid: number;
  readonly pgid: number;
  /** Undefined where the record has no session ID (macOS). */
  readonly sid: number | undefined;
  /** The groups the record holds, in the kernel's order. */
  readonly groups: number[];
  /** True when the credential had more groups than the record's 16 slots. */
  readonly groupsTruncated: boolean;
  /** Undefined where the backend does not offer signal masks (DragonFly). */
  readonly sigmasks: Sigmasks | undefined;
  /** Start time in microseconds since the epoch; undefined when the kernel left it unset (a zombie). */
  readonly startMicros: number | undefined;
  readonly zombie: boolean;
}

/** Microseconds since the epoch from a timeval's two halves (exact below 2**53). */
export function micros(sec: number | bigint, usec: number | bigint): number {
  return Number(sec) * 1e6 + Number(usec);
}

/** A record whose shape is not the one the header fixes: never guessed at. */
export function badRecord(what: string, detail: string): OsError {
  return new OsError('EBADMSG', 'sysctl', { detail: `unexpected ${what}: ${detail}` });
}
