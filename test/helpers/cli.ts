// Runs the built command (dist/cli/bin.js) as a user would, and re-exports the
// kernel's own view of a process for comparison.
import { spawnSync } from 'node:child_process';
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

export { KERNEL_LIMIT_NAMES, procMask, statIds } from './children.js';
