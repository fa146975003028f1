// NetBSD and DragonFly answer groups, pgid, sid and start time from either of
// two sources: the kinfo_proc2 / kinfo_proc record that sysctl(3) returns when
// koffi reaches libc, or the one-line /proc/PID/status their procfs prints.
// This module picks the source per call and keeps the two paths' semantics
// (held-process check, gone/zombie diagnosis) the same.
import { existsSync } from 'node:fs';
import { FfiUnavailable } from '../../ffi/koffi.js';
import { cached } from '../../oneshot.js';
import type { ProcessState, Target } from '../backend.js';
import { confirmHeld, pidExists } from '../process-state.js';
import { chooseRoute, tryLibc } from './access.js';
import type { BsdLibc, LibcSpec } from './libc.js';
import { isDefaultProcfs } from '../../procfs-path.js';
import { procPath, readProcText } from './procfs-text.js';
import { diagnoseByRecord, heldRecord } from './record.js';
import type { ProcRecord, WithSession } from './kinfo.js';

/** The facts both sources carry: the record's fields and the status line's columns. */
export interface RecordOrStatusFacts {
  readonly pgid: number;
  readonly sid: number;
  readonly groups: number[];
  readonly startMicros: number | undefined;
}

/** How one OS reads each source. */
export interface FactSources<R extends ProcRecord & WithSession = ProcRecord & WithSession> {
  readonly spec: LibcSpec;
  readRecord(libc: BsdLibc, pid: number): R;
  parseStatus(text: string, file: string): RecordOrStatusFacts;
}

function readStatusFacts(src: FactSources, pid: number): RecordOrStatusFacts {
  return src.parseStatus(readProcText(pid, 'status'), procPath(pid, 'status'));
}

/** The held target's facts from whichever source this machine offers. */
export function factsOfHeld(src: FactSources, t: Target, fn: string): RecordOrStatusFacts {
  const route = chooseRoute(src.spec, fn);
  if (route.kind === 'ffi') return heldRecord(t, (pid) => src.readRecord(route.libc, pid));
  const facts = cached(t.pid, 'status', () => readStatusFacts(src, t.pid));
  confirmHeld(t, 'read');
  return facts;
}

/** The start time for a hold; throws like any read when the process is gone. */
export function startMicrosOf(src: FactSources, pid: number): number | undefined {
  const route = chooseRoute(src.spec, 'Process');
  return route.kind === 'ffi' ? src.readRecord(route.libc, pid).startMicros : readStatusFacts(src, pid).startMicros;
}

/**
 * diagnose() over either source. Without koffi: procfs lists only processes
 * its lookup finds, and both kernels' lookups skip zombies (NetBSD proc_find
 * accepts only SACTIVE and SSTOP, DragonFly pfind skips SZOMB: each OS's
 * sys/kern/kern_proc.c), so a PID that exists for kill(2) (ours or another
 * user's) but has no directory is taken for a zombie.
 */
export function diagnoseFromEitherSource(src: FactSources, pid: number, cause: unknown): ProcessState {
  const libc = isDefaultProcfs() ? tryLibc(src.spec) : undefined;
  if (libc !== undefined && !(libc instanceof FfiUnavailable)) {
    return diagnoseByRecord(pid, cause, (p) => src.readRecord(libc, p));
  }
  if (pidExists(pid) === 'no') return 'gone';
  return existsSync(procPath(pid)) ? 'alive' : 'zombie';
}
