// Struct layouts as explicit offset tables. Each OS's file declares every
// struct it reads once, with its size and the header it comes from; decoders
// read fields through these tables and tests check them against the headers.
// The facts behind each table, and the header revisions read, are in
// docs/platform-facts.md.
// Offsets are for LP64 little-endian targets (amd64, arm64), the only ones
// Node ships for these systems.

/** sizeof(int): the element type of a sysctl(3) MIB. */
export const SIZEOF_INT = 4;
/** sizeof(size_t) on LP64: sysctl(3)'s *oldlenp. */
export const SIZEOF_SIZE_T = 8;
/** sizeof(gid_t): a 32-bit unsigned ID on every supported OS. */
export const SIZEOF_GID_T = 4;
/** sizeof(u_short): what FreeBSD's kern.proc.umask answers. */
export const SIZEOF_U_SHORT = 2;
/** sizeof(rlim_t): 64 bits on every supported OS. */
export const SIZEOF_RLIM_T = 8;
/**
 * A signal set is an array of 32-bit words, signal N being bit (N - 1) % 32 of
 * word (N - 1) / 32 (FreeBSD sys/sys/_sigset.h _SIG_WORD and _SIG_BIT; xnu
 * bsd/sys/signal.h sigmask(); illumos sigset_t __sigbits).
 */
export const SIGSET_WORD_SIZE = 4;
export const SIGSET_WORD_BITS = 32;

/** One field: where it starts and how many bytes it spans. */
export interface FieldSpec {
  readonly offset: number;
  readonly size: number;
}

export interface StructLayout<F extends string> {
  /** The C name, e.g. 'struct kinfo_proc'. */
  readonly name: string;
  /** Where the layout comes from, e.g. 'freebsd sys/sys/user.h'. */
  readonly header: string;
  /** sizeof on LP64. */
  readonly size: number;
  readonly fields: Readonly<Record<F, FieldSpec>>;
}

/** Declares a layout; fails at load time if a field overruns the struct. */
export function struct<F extends string>(
  name: string,
  header: string,
  size: number,
  fields: Record<F, readonly [offset: number, size: number]>,
): StructLayout<F> {
  const out = {} as Record<F, FieldSpec>;
  for (const key of Object.keys(fields) as F[]) {
    const [offset, bytes] = fields[key];
    if (offset + bytes > size) throw new Error(`${name}.${key} overruns the struct (${offset}+${bytes} > ${size})`);
    out[key] = Object.freeze({ offset, size: bytes });
  }
  return Object.freeze({ name, header, size, fields: Object.freeze(out) });
}
