// Byte images of another OS's structs, built field by field at the offsets its
// header fixes (little-endian, as on amd64 and arm64). Tests pass the offsets
// as literals from docs/platform-facts.md, never from the layouts under test.
export type Write =
  | [offset: number, kind: 'i8' | 'i16' | 'i32' | 'u32', value: number]
  | [offset: number, kind: 'i64' | 'u64', value: bigint]
  | [offset: number, kind: 'u32[]', value: readonly number[]];

export function image(size: number, writes: readonly Write[]): Buffer {
  const buf = Buffer.alloc(size);
  for (const [offset, kind, value] of writes) {
    switch (kind) {
      case 'i8':
        buf.writeInt8(value, offset);
        break;
      case 'i16':
        buf.writeInt16LE(value, offset);
        break;
      case 'i32':
        buf.writeInt32LE(value, offset);
        break;
      case 'u32':
        buf.writeUInt32LE(value, offset);
        break;
      case 'i64':
        buf.writeBigInt64LE(value, offset);
        break;
      case 'u64':
        buf.writeBigUInt64LE(value, offset);
        break;
      case 'u32[]':
        value.forEach((v, i) => buf.writeUInt32LE(v, offset + 4 * i));
        break;
    }
  }
  return buf;
}

/** The 32-bit words of a signal set holding `signals` (signal N is bit N-1). */
export function sigWords(signals: readonly number[], words = 4): number[] {
  const out = new Array<number>(words).fill(0);
  for (const sig of signals) out[(sig - 1) >> 5] = (out[(sig - 1) >> 5]! | (1 << ((sig - 1) & 31))) >>> 0;
  return out;
}
