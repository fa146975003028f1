// The one sysctl(3) helper macOS and the BSDs share. Reads probe the size with
// a NULL buffer when the answer's length is not fixed, and retry on ENOMEM (the
// answer grew between the probe and the read, e.g. FreeBSD's KERN_PROC_GROUPS,
// sized by the credential's group count). Failures become OsError with the
// errno read through the OS's accessor.
import { fromErrno } from '../../failures.js';
import { SIZEOF_INT, SIZEOF_SIZE_T } from '../../ffi/structs/layout.js';
import type { BsdLibc } from './libc.js';

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
