// The one sysctl(3) helper macOS and the BSDs share. Reads probe the size with
// a NULL buffer when the answer's length is not fixed, and retry on ENOMEM (the
// answer grew between the probe and the read, e.g. FreeBSD's KERN_PROC_GROUPS,
// sized by the credential's group count). Failures become OsError with the
// errno read through the OS's accessor.
import { fromErrno } from '../../failures.js';
import { SIZEOF_INT, SIZEOF_SIZE_T } from '../../ffi/structs/layout.js';
import type { BsdLibc } from './libc.js';
import { decodeInt } from './usage.js';

/** ENOMEM: the buffer was too small. 12 in xnu's bsd/sys/errno.h and in every BSD's sys/sys/errno.h since 4.4BSD. */
const ENOMEM = 12;
/** Size probes to make before giving up on an answer that keeps growing. */
const RETRIES = 8;
/** Bytes added to a probed size, so an answer that grew a little still fits. */
const GROWTH_ROOM = 64;

function mibBuffer(mib: readonly number[]): Buffer {
  const buf = Buffer.alloc(mib.length * SIZEOF_INT);
  mib.forEach((value, i) => buf.writeInt32LE(value, i * SIZEOF_INT));
  return buf;
}

/**
 * Reads a node. With `size`, one call into a buffer of that many bytes (a
 * fixed-size struct); without it, the kernel is asked for the size first.
 * Returns the bytes the kernel wrote, which may be none (a dead PID on most BSDs).
 */
export function sysctlRead(libc: BsdLibc, mib: readonly number[], size?: number): Buffer {
  const name = mibBuffer(mib);
  const oldlen = Buffer.alloc(SIZEOF_SIZE_T);
  let want = size;
  for (let attempt = 0; attempt < RETRIES; attempt++) {
    if (want === undefined) {
      oldlen.writeBigUInt64LE(0n);
      if (libc.sysctl(name, mib.length, null, oldlen, null, 0) !== 0) throw fromErrno(libc.errno(), 'sysctl');
      // Room for a little growth; an empty answer still needs a valid buffer.
      want = Number(oldlen.readBigUInt64LE()) + GROWTH_ROOM;
    }
    const out = Buffer.alloc(want);
    oldlen.writeBigUInt64LE(BigInt(want));
    if (libc.sysctl(name, mib.length, out, oldlen, null, 0) === 0) {
      return out.subarray(0, Number(oldlen.readBigUInt64LE()));
    }
    const errno = libc.errno();
    if (errno !== ENOMEM) throw fromErrno(errno, 'sysctl');
    // A fixed size that is too small is the caller's layout error, not growth.
    if (size !== undefined) throw fromErrno(errno, 'sysctl');
    want = undefined;
  }
  throw fromErrno(ENOMEM, 'sysctl');
}

/** The size a node answers a NULL-buffer probe with: what its answer needs, or a bound on it. */
export function sysctlSize(libc: BsdLibc, mib: readonly number[]): number {
  const oldlen = Buffer.alloc(SIZEOF_SIZE_T);
  if (libc.sysctl(mibBuffer(mib), mib.length, null, oldlen, null, 0) !== 0) throw fromErrno(libc.errno(), 'sysctl');
  return Number(oldlen.readBigUInt64LE());
}

/** Writes `value` to a node, reading the previous value into `old` when given. */
export function sysctlWrite(libc: BsdLibc, mib: readonly number[], value: Buffer, old?: Buffer): void {
  const name = mibBuffer(mib);
  let oldlen: Buffer | null = null;
  if (old !== undefined) {
    oldlen = Buffer.alloc(SIZEOF_SIZE_T);
    oldlen.writeBigUInt64LE(BigInt(old.length));
  }
  if (libc.sysctl(name, mib.length, old ?? null, oldlen, value, value.length) !== 0) {
    throw fromErrno(libc.errno(), 'sysctl');
  }
}

/** The largest C int: the element count asked for when only the size is probed. */
const INT_MAX = 0x7fffffff;
/** Elements of room added to a probed list, beyond the slop the kernel adds itself. */
const GROWTH_ELEMENTS = 8;

/**
 * Reads a list whose MIB ends with {elem_size, elem_count} (OpenBSD's
 * kern.proc and kern.file, NetBSD's kern.proc2 and kern.file2): the kernel
 * copies at most elem_count records, so the count always matches the buffer
 * it is given. The probe's count is INT_MAX, which the kernels take as "no
 * limit" when sizing. A buffer that comes back full may have been cut short
 * (NetBSD's sysctl_kern_file2 stops counting at elem_count and reports no
 * ENOMEM), so it is asked again with more room; the room added after the
 * probe keeps a complete answer from filling it.
 */
export function sysctlReadElements(libc: BsdLibc, mib: (count: number) => readonly number[], elemSize: number): Buffer {
  const oldlen = Buffer.alloc(SIZEOF_SIZE_T);
  for (let attempt = 0; attempt < RETRIES; attempt++) {
    const probe = mibBuffer(mib(INT_MAX));
    oldlen.writeBigUInt64LE(0n);
    if (libc.sysctl(probe, probe.length / SIZEOF_INT, null, oldlen, null, 0) !== 0) {
      throw fromErrno(libc.errno(), 'sysctl');
    }
    const count = Math.ceil(Number(oldlen.readBigUInt64LE()) / elemSize) + GROWTH_ELEMENTS;
    const name = mibBuffer(mib(count));
    const out = Buffer.alloc(count * elemSize);
    oldlen.writeBigUInt64LE(BigInt(out.length));
    if (libc.sysctl(name, name.length / SIZEOF_INT, out, oldlen, null, 0) === 0) {
      const got = Number(oldlen.readBigUInt64LE());
      if (got < out.length) return out.subarray(0, got);
      continue;
    }
    const errno = libc.errno();
    if (errno !== ENOMEM) throw fromErrno(errno, 'sysctl');
  }
  throw fromErrno(ENOMEM, 'sysctl');
}

const pageSizes = new WeakMap<BsdLibc, number>();

/** hw.pagesize (an int), asked once per binding: it does not change while the system runs. */
export function pageSize(libc: BsdLibc, mib: readonly number[]): number {
  let size = pageSizes.get(libc);
  if (size === undefined) {
    size = decodeInt(sysctlRead(libc, mib, SIZEOF_INT), 'hw.pagesize');
    pageSizes.set(libc, size);
  }
  return size;
}
