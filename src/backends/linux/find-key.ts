// Finding a line key ("\nSigPnd:\t") in procfs bytes. Buffer#indexOf costs
// about a nanosecond per byte passed over plus the native call; this
// Boyer-Moore-Horspool search skips up to a key's length per step, so finding
// a line in the middle of /proc/PID/status costs a fraction of that (issue 4).

/** A key with its skip table, built once at load. */
export interface Key {
  readonly bytes: Buffer;
  /** How far the window may move when its last byte is c: key length minus c's last position. */
  readonly skip: Uint8Array;
}

export function key(text: string): Key {
  const bytes = Buffer.from(text, 'latin1');
  if (bytes.length === 0 || bytes.length > 255) throw new RangeError('a key is 1 to 255 bytes');
  const skip = new Uint8Array(256).fill(bytes.length);
  for (let i = 0; i < bytes.length - 1; i++) skip[bytes[i]!] = bytes.length - 1 - i;
  return { bytes, skip };
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
