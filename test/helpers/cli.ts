// Runs the built command (dist/cli/bin.js) as a user would, and reads the
// kernel's own view of a process for comparison.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const BIN = join(__dirname, '..', '..', '..', 'dist', 'cli', 'bin.js');

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node dist/cli/bin.js ...args`; NO_COLOR is removed from the environment unless env sets it. */
export function runCli(args: readonly (string | number)[], env: NodeJS.ProcessEnv = {}): CliResult {
  const base = { ...process.env };
  delete base['NO_COLOR'];
  const out = spawnSync(process.execPath, [BIN, ...args.map(String)], {
    encoding: 'utf8',
    env: { ...base, ...env },
    timeout: 30_000,
    // --json of every process runs to megabytes on a busy machine.
    maxBuffer: 256 * 1024 * 1024,
  });
  if (out.error) throw out.error;
  return { status: out.status, stdout: out.stdout, stderr: out.stderr };
}

export { KERNEL_LIMIT_NAMES } from './children.js';

/** A signal mask line of /proc/PID/status ("SigBlk" ...) as signal numbers. */
export function procMask(pid: number, field: string): number[] {
  const text = readFileSync(`/proc/${pid}/status`, 'latin1');
  const line = text.split('\n').find((l) => l.startsWith(`${field}:`));
  if (line === undefined) throw new Error(`no ${field} for ${pid}`);
  const mask = BigInt(`0x${line.slice(field.length + 1).trim()}`);
  const out: number[] = [];
  for (let n = 1; n <= 64; n++) if ((mask >> BigInt(n - 1)) & 1n) out.push(n);
  return out;
}

/** Process group and session from /proc/PID/stat (fields 5 and 6, after comm). */
export function statIds(pid: number): { pgid: number; sid: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { pgid: Number(fields[2]), sid: Number(fields[3]) };
}
