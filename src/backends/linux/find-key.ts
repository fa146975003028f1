// Finding a line key ("\nSigPnd:\t") in procfs bytes. Buffer#indexOf costs
// about a nanosecond per byte passed over plus the native call; this
// Boyer-Moore-Horspool search skips up to a key's length per step, so finding
// a line in the middle of /proc/PID/status costs a fraction of that (issue 4).

/** A key with its skip table, built once at load. */
export interface Key {
  readonly bytes: Buffer;
  /** How far the window may move when its last byte is c: key length minus c's last position. */
  readonly skip: Uint8Array;
  /** Where the key was last found, or -1: the next search looks there first (see findLine). */
  last: number;
}

export function key(text: string): Key {
  const bytes = Buffer.from(text, 'latin1');
  if (bytes.length === 0 || bytes.length > 255) throw new RangeError('a key is 1 to 255 bytes');
  const skip = new Uint8Array(256).fill(bytes.length);
  for (let i = 0; i < bytes.length - 1; i++) skip[bytes[i]!] = bytes.length - 1 - i;
  return { bytes, skip, last: -1 };
}

/** The offset of the first occurrence of k in buf at or after `from`, or -1. */
export function findKey(buf: Uint8Array, k: Key, from = 0): number {
  const { bytes, skip } = k;
  const last = bytes.length - 1;
  const end = buf.length;
  for (let i = from + last; i < end; i += skip[buf[i]!]!) {
    let j = last;
    while (j >= 0 && buf[i - last + j] === bytes[j]) j--;
    if (j < 0) return i - last;
  }
  return -1;
}

/** True when k's bytes are at buf[at]. */
export function keyAt(buf: Uint8Array, k: Key, at: number): boolean {
  const { bytes } = k;
  if (at < 0 || at + bytes.length > buf.length) return false;
  let j = 0;
  while (j < bytes.length && buf[at + j] === bytes[j]) j++;
  return j === bytes.length;
}

// How far before its last place a line is first looked for: the lines above
// it differ between processes by a few digits each.
const NEAR = 128;

/**
 * The offset of a procfs line key ("\nName:\t") in buf, or -1: first where
 * the key was last found, then from a little before that, then from the
 * start. The kernel prints each key once (values are numbers, and the one
 * free-text value, Name:, has its newlines escaped: proc_task_name() in
 * fs/proc/array.c), so wherever the key is found it is the line. Successive
 * reads of one process's file put it at the same offset, and other processes'
 * near it.
 */
export function findLine(buf: Uint8Array, k: Key): number {
  const last = k.last;
  if (last >= 0) {
    if (keyAt(buf, k, last)) return last;
    const near = findKey(buf, k, last > NEAR ? last - NEAR : 0);
    if (near >= 0) return (k.last = near);
  }
  const at = findKey(buf, k);
  if (at >= 0) k.last = at;
  return at;
}
