// Small helpers of the benchmark runner: options, medians, a plain-text table.

export interface BenchOptions {
  rounds: number;
  clock: 'wall' | 'cpu';
  ms: number;
  only: string[] | undefined;
  scale: number | undefined;
}

/**
 * Parses `--rounds N --ms N --clock wall|cpu --only a,b --scale [N]`. The
 * defaults, many short rounds, keep each C slice close in time to its
 * TypeScript slice: on a shared machine, speed drifts over a few hundred
 * milliseconds, and long slices let that drift into single ratios.
 */
export function parseOptions(argv: readonly string[]): BenchOptions {
  const opts: BenchOptions = { rounds: 31, ms: 40, clock: 'wall', only: undefined, scale: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = argv[i + 1];
    const hasValue = next !== undefined && /^\d+$/.test(next);
    if (arg === '--rounds' && hasValue) opts.rounds = Number(argv[++i]);
    else if (arg === '--ms' && hasValue) opts.ms = Number(argv[++i]);
    else if (arg === '--only' && next !== undefined) opts.only = argv[++i]!.split(',');
    else if (arg === '--clock' && (next === 'wall' || next === 'cpu')) opts.clock = argv[++i] as 'wall' | 'cpu';
    else if (arg === '--scale') opts.scale = hasValue ? Number(argv[++i]) : 10000;
    else throw new Error(`unknown or incomplete option ${arg}; see bench/run.ts`);
  }
  return opts;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Columns padded to their widest cell; the first left-aligned, the others right. */
export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [head, ...rows];
  const widths = head.map((_, col) => Math.max(...all.map((r) => (r[col] ?? '').length)));
  const line = (r: readonly string[]): string =>
    r.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
