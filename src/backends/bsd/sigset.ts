// Signal sets as the kernels store them: signal N is bit (N-1) & 31 of 32-bit
// word (N-1) >> 5, words in array order (FreeBSD sys/sys/_sigset.h _SIG_WORD and
// _SIG_BIT; xnu bsd/sys/signal.h sigmask()). Every word is decoded: the 128-bit
// sets of FreeBSD, NetBSD, DragonFly and illumos carry real-time signals above 32.
import { type FieldSpec, SIGSET_WORD_SIZE, SIZEOF_GID_T } from '../../ffi/structs/layout.js';
import type { Sigmasks } from '../backend.js';
import { SignalSet } from '../../signal-set.js';

/** The signal numbers set in the sigset_t at `field` (4, 8 or 16 bytes). */
export function decodeSigset(buf: Buffer, field: FieldSpec): SignalSet {
  const words: number[] = [];
  for (let word = 0; word < field.size / SIGSET_WORD_SIZE; word++) {
    words.push(buf.readUInt32LE(field.offset + word * SIGSET_WORD_SIZE));
  }
  return SignalSet.fromWords(words);
}

/** The gid_t (uint32) array of `count` entries at `field`, capped at the field's capacity. */
export function decodeGids(buf: Buffer, field: FieldSpec, count: number): number[] {
  const n = Math.max(0, Math.min(count, field.size / SIZEOF_GID_T));
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(buf.readUInt32LE(field.offset + i * SIZEOF_GID_T));
  return out;
}

/**
 * The four sets of a kinfo record. These kernels keep no separate
 * process-wide pending set beside `pending`, so processPending is the same
 * set (a SignalSet cannot be changed, so sharing it is safe).
 */
export function decodeSigmasks(
  buf: Buffer,
  fields: { pending: FieldSpec; blocked: FieldSpec; ignored: FieldSpec; caught: FieldSpec },
): Sigmasks {
  const pending = decodeSigset(buf, fields.pending);
  return {
    pending,
    blocked: decodeSigset(buf, fields.blocked),
    ignored: decodeSigset(buf, fields.ignored),
    caught: decodeSigset(buf, fields.caught),
    processPending: pending,
  };
}
