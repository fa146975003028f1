// The C side of the benchmark: bench/c/baseline.c compiled with the system's C
// compiler into a temporary directory, then run as a co-process that answers
// one measurement per request line, so C and TypeScript slices interleave.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** Wall time, or the process's CPU time (user + system, all threads). */
export type Clock = 'wall' | 'cpu';

export interface CBaseline {
  /** Median ns per call of the C version of `name` on `pid`, measured for about `ms` on `clock`. */
  measure(name: string, pid: number, ms: number, clock: Clock): Promise<number>;
  close(): void;
}

/** Compiles and starts the baseline, or returns the reason it cannot. */
export function startCBaseline(source: string): CBaseline | string {
  const cc = process.env.CC ?? 'gcc';
  const dir = mkdtempSync(join(tmpdir(), 'psutil-extra-bench-'));
  const binary = join(dir, 'baseline');
  const built = spawnSync(cc, ['-O2', '-Wall', '-o', binary, source], { encoding: 'utf8' });
  if (built.error !== undefined || built.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    const why = built.error?.message ?? built.stderr.trim();
    return `no C baseline: ${cc} could not build ${source} (${why})`;
  }
  const child: ChildProcess = spawn(binary, [], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  return {
    async measure(name, pid, ms, clock) {
      child.stdin!.write(`${name} ${pid} ${ms} ${clock}\n`);
      const next = await lines.next();
      if (next.done === true) throw new Error('the C baseline exited');
      const [answered, value, ...rest] = next.value.split(' ');
      if (answered !== name || value === undefined || value === 'error') {
        throw new Error(`C baseline, ${name}: ${[value, ...rest].join(' ')}`);
      }
      return Number(value);
    },
    close() {
      child.stdin!.end();
      child.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
