// What the BSD and macOS backends share to answer names, command lines, PID
// lists and usage against limits: pure helpers over the bytes their kernels
// return, and the one table shape that says where each resource's figure
// comes from. The facts behind each OS's table are in docs/platform-facts.md.
import { malformedRecord } from '../../failures.js';
import type { Target, Uids } from '../backend.js';
import { confirmHeld } from '../process-state.js';
import type { FieldSpec } from '../../ffi/structs/layout.js';

/**
 * A NUL-terminated name inside a fixed char array (p_comm, ki_comm, kp_comm,
 * pr_fname), decoded as UTF-8: invalid bytes become U+FFFD, as Buffer#toString
 * makes them. A name that fills the array without a NUL is taken whole.
 */
export function decodeName(buf: Buffer, field: FieldSpec): string {
  const bytes = buf.subarray(field.offset, field.offset + field.size);
  const end = bytes.indexOf(0);
  return bytes.subarray(0, end < 0 ? bytes.length : end).toString('utf8');
}

/**
 * Strings the kernel copied out NUL-terminated one after the other (an
 * argument area): each decoded as UTF-8. A last string without its NUL (a
 * title a process wrote over its arguments) is kept; an empty answer is [].
 */
export function nulSeparated(buf: Buffer): string[] {
  if (buf.length === 0) return [];
  const out = buf.toString('utf8').split('\0');
  if (buf[buf.length - 1] === 0) out.pop();
  return out;
}

/** The usage figures a process record carries, in the kernel's own units. */
export interface RecordUsage {
  /** CPU time the kernel compares with RLIMIT_CPU, in microseconds. */
  readonly cpuMicros?: number;
  /** Address-space size in bytes. */
  readonly virtualBytes?: number;
  /** Address-space size in pages. */
  readonly virtualPages?: number;
  readonly residentPages?: number;
  readonly dataPages?: number;
  readonly stackPages?: number;
}

/** Where one resource's usage figure comes from. */
export type UsageSource =
  | { readonly kind: 'record'; readonly figure: keyof RecordUsage }
  /** Open descriptors of the process. */
  | { readonly kind: 'fds' }
  /** Processes whose real uid is the target's, as the kernel counts them per user (chgproccnt). */
  | { readonly kind: 'processes' };

/** A record figure in the limit's unit: bytes for sizes (pages times `pageSize`), seconds for CPU. */
export function recordFigure(
  usage: RecordUsage,
  figure: keyof RecordUsage,
  pageSize: () => number,
): number | undefined {
  const value = usage[figure];
  if (value === undefined) return undefined;
  switch (figure) {
    case 'cpuMicros':
      return value / 1e6;
    case 'virtualBytes':
      return value;
    default:
      return value * pageSize();
  }
}

/** A number a record stores as a 64-bit integer, refused when a double cannot hold it exactly. */
export function safeNumber(value: bigint, record: string, field: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < 0n) {
    throw malformedRecord('sysctl', record, `${field} ${value} is out of range`);
  }
  return Number(value);
}

/** The PIDs of a process list, ascending and once each; negative ones (kernel threads) are left out. */
export function sortedPids(pids: Iterable<number>): number[] {
  return [...new Set([...pids].filter((pid) => pid >= 0))].sort((a, b) => a - b);
}

/** Records of `size` bytes laid end to end, as kern.proc answers lists; a ragged answer is refused. */
export function splitRecords(buf: Buffer, size: number, record: string): Buffer[] {
  if (buf.length % size !== 0) {
    throw malformedRecord('sysctl', record, `${buf.length} bytes is not a whole number of ${size}-byte records`);
  }
  const out: Buffer[] = [];
  for (let at = 0; at < buf.length; at += size) out.push(buf.subarray(at, at + size));
  return out;
}

/** The C int a sysctl node answers (hw.pagesize, kern.argmax). */
export function decodeInt(buf: Buffer, node: string): number {
  if (buf.length !== 4) throw malformedRecord('sysctl', node, `${buf.length} bytes`);
  const value = buf.readInt32LE(0);
  if (value <= 0) throw malformedRecord('sysctl', node, `${value}`);
  return value;
}

/** How one backend reads what a usage source needs, each asked only when used. */
export interface UsageReaders {
  /** The target's usage figures. */
  usage(): RecordUsage;
  /** The target's uids. */
  uids(): Uids;
  pageSize(): number;
  fds(): number;
  /** Every process the kernel lists (its records, of which the uids are read). */
  processes(): Iterable<{ readonly uids: Uids }>;
}

/**
 * The usage of one resource of `t`, in the limit's unit; undefined when the
 * kernel keeps no figure for it. A count over the process list was taken by
 * PID: it counts only if the held process still holds its PID afterwards.
 */
export function usageFrom(t: Target, source: UsageSource | undefined, read: UsageReaders): number | undefined {
  if (source === undefined) return undefined;
  switch (source.kind) {
    case 'record':
      return recordFigure(read.usage(), source.figure, () => read.pageSize());
    case 'fds':
      return read.fds();
    case 'processes': {
      const uid = read.uids().real;
      let n = 0;
      for (const p of read.processes()) if (p.uids.real === uid) n++;
      confirmHeld(t, 'sysctl');
      return n;
    }
  }
}
