// A set of signal numbers as the kernel keeps it: a bit mask, bit N-1 for
// signal N (sigset_t; signal(7)). Reading a mask costs what C pays, a few
// word operations, where a Set<number> costs an allocation and a hash
// insertion per signal: a kernel thread ignores all 64 signals, and most of a
// whole-machine snapshot went into building Sets.
//
// SignalSet answers as a ReadonlySet<number> does (has, size, iteration in
// ascending order, forEach, keys, values, entries), so it can be handed to
// new Set(), spread, or to the ES2025 set methods as their argument. It
// has no method that changes it and its words are readonly: code that adds to
// or deletes from a mask copies it first (new Set(mask)). It prints as its numbers (util.inspect), serialises as an
// array of numbers (toJSON), and names its signals (names()).
import { inspect } from 'node:util';
import { signalName } from './signal-names.js';

const WORD = 32;

function popcount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export class SignalSet implements ReadonlySet<number> {
  // The kernel's words are the set's only state, and its own properties, so
  // that assert.deepStrictEqual() and util.isDeepStrictEqual() compare two
  // masks by their signals (private fields would make every two sets equal).
  /** Signals 1-32: bit N-1 is signal N. */
  readonly low: number;
  /** Signals 33-64. */
  readonly high: number;
  /** Signals 65 and up, 32 to a word; undefined when none is set. */
  readonly more: Uint32Array | undefined;

  private constructor(low: number, high: number, more: Uint32Array | undefined) {
    this.low = low >>> 0;
    this.high = high >>> 0;
    this.more = more;
  }

  /** The empty set. */
  static readonly EMPTY: SignalSet = new SignalSet(0, 0, undefined);

  /** The set whose 32-bit words, least significant first, are `low`, `high` (signals 1-64). */
  static fromWords64(low: number, high: number): SignalSet {
    return low === 0 && high === 0 ? SignalSet.EMPTY : new SignalSet(low, high, undefined);
  }

  /** The set of a mask given as 32-bit words, least significant first (bit 0 of words[0] is signal 1). */
  static fromWords(words: ArrayLike<number>): SignalSet {
    let more: Uint32Array | undefined;
    for (let i = 2; i < words.length; i++) {
      if (words[i]! >>> 0 !== 0) {
        more = Uint32Array.from({ length: words.length - 2 }, (_, j) => words[j + 2]!);
        break;
      }
    }
    if (more === undefined) return SignalSet.fromWords64(words[0] ?? 0, words[1] ?? 0);
    return new SignalSet(words[0] ?? 0, words[1] ?? 0, more);
  }

  /** The set of the given signal numbers (positive integers). */
  static of(...signals: number[]): SignalSet {
    const words: number[] = [];
    for (const n of signals) {
      if (!Number.isInteger(n) || n < 1) throw new RangeError(`not a signal number: ${n}`);
      const word = (n - 1) >>> 5;
      while (words.length <= word) words.push(0);
      words[word] = (words[word]! | (1 << ((n - 1) & 31))) >>> 0;
    }
    return SignalSet.fromWords(words);
  }

  /** Is signal n in the set? A bit test. */
  has(n: number): boolean {
    if (!Number.isInteger(n) || n < 1) return false;
    const bit = n - 1;
    if (bit < WORD) return ((this.low >>> bit) & 1) === 1;
    if (bit < 2 * WORD) return ((this.high >>> (bit - WORD)) & 1) === 1;
    const more = this.more;
    const word = (bit >>> 5) - 2;
    return more !== undefined && word < more.length && ((more[word]! >>> (bit & 31)) & 1) === 1;
  }

  get size(): number {
    let n = popcount(this.low) + popcount(this.high);
    if (this.more !== undefined) for (const word of this.more) n += popcount(word);
    return n;
  }

  /** The signal numbers, ascending, as an array (a new one each call). */
  toArray(): number[] {
    const out: number[] = [];
    pushBits(out, this.low, 1);
    pushBits(out, this.high, WORD + 1);
    const more = this.more;
    if (more !== undefined) for (let i = 0; i < more.length; i++) pushBits(out, more[i]!, (i + 2) * WORD + 1);
    return out;
  }

  // The iterators are those of the array of numbers: ascending, and with
  // the iterator helpers (map, filter, toArray) a Set's iterators have.
  /** The signal numbers, ascending. */
  values(): SetIterator<number> {
    return this.toArray().values();
  }

  keys(): SetIterator<number> {
    return this.values();
  }

  entries(): SetIterator<[number, number]> {
    return this.toArray()
      .map((n): [number, number] => [n, n])
      .values();
  }

  [Symbol.iterator](): SetIterator<number> {
    return this.values();
  }

  forEach(callback: (value: number, key: number, set: ReadonlySet<number>) => void, thisArg?: unknown): void {
    for (const n of this.toArray()) callback.call(thisArg, n, n, this);
  }

  /** The 32-bit words of the mask, least significant first (at least two). */
  words(): number[] {
    return [this.low, this.high, ...(this.more ?? [])];
  }

  /** The signal names, ascending, as `kill -l` prints them on this platform. */
  names(): string[] {
    return this.toArray().map(signalName);
  }

  /** JSON.stringify() gives the numbers, ascending. */
  toJSON(): number[] {
    return this.toArray();
  }

  get [Symbol.toStringTag](): string {
    return 'SignalSet';
  }

  [inspect.custom](depth: number, options: { stylize(text: string, style: string): string }): string {
    const items = this.toArray().map((n) => `${options.stylize(String(n), 'number')} ${signalName(n)}`);
    return `SignalSet(${items.length}) {${items.length === 0 ? '' : ` ${items.join(', ')} `}}`;
  }
}

function pushBits(out: number[], word: number, first: number): void {
  for (let w = word >>> 0, n = first; w !== 0; w >>>= 1, n++) if (w & 1) out.push(n);
}
