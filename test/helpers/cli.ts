// Runs the built command (dist/cli/bin.js) as a user would, and re-exports the
// kernel's own view of a process for comparison.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import * as assert from 'node:assert/strict';
import { readablePackageRoot } from './readable-copy.js';

export const BIN = join(__dirname, '..', '..', '..', 'dist', 'cli', 'bin.js');

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node dist/cli/bin.js ...args`; NO_COLOR is removed from the environment unless env sets it. */
export function runCli(args: readonly (string | number)[], env: NodeJS.ProcessEnv = {}): CliResult {
  const out = runCliBytes(args, { env });
  return { status: out.status, stdout: out.stdout.toString('utf8'), stderr: out.stderr.toString('utf8') };
}

export interface CliBytes {
  readonly status: number | null;
  readonly stdout: Buffer;
  readonly stderr: Buffer;
}

export interface RunOptions {
  readonly env?: NodeJS.ProcessEnv;
  /** A command the node process runs under: ['setpriv', '--reuid', '65534', ...]. */
  readonly prefix?: readonly string[];
  readonly timeout?: number;
}

/** Runs the command and returns exactly the bytes it wrote. */
export function runCliBytes(args: readonly (string | number)[], options: RunOptions = {}): CliBytes {
  const base = { ...process.env };
  delete base['NO_COLOR'];
  // Under a prefix the command may run as another user: it loads a copy that user can read.
  const bin = options.prefix === undefined ? BIN : join(readablePackageRoot(), 'dist', 'cli', 'bin.js');
  const argv = [process.execPath, bin, ...args.map(String)];
  const [file, ...rest] = [...(options.prefix ?? []), ...argv];
  const out = spawnSync(file!, rest, {
    env: { ...base, ...options.env },
    timeout: options.timeout ?? 30_000,
    // --json of every process runs to megabytes on a busy machine.
    maxBuffer: 256 * 1024 * 1024,
  });
  if (out.error) throw out.error;
  return { status: out.status, stdout: out.stdout, stderr: out.stderr };
}

/** The setpriv prefix that runs the command as uid and gid 65534 without groups. */
export const AS_NOBODY: readonly string[] = ['setpriv', '--reuid', '65534', '--regid', '65534', '--clear-groups'];

/** A word for sh -c: single-quoted. */
export function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

export interface TerminalRun {
  readonly status: number | null;
  /** What the terminal received: stdout and stderr together, lines ending in \r\n. */
  readonly output: Buffer;
}

/**
 * Runs the command on a pseudo-terminal of `columns` × `rows` through
 * script(1), so that stdout is a real TTY of that size.
 */
export function runOnTerminal(
  args: readonly (string | number)[],
  size: { columns: number; rows: number },
  env: NodeJS.ProcessEnv = {},
): TerminalRun {
  const base = { ...process.env };
  delete base['NO_COLOR'];
  const line = [process.execPath, BIN, ...args.map(String)].map(shellQuote).join(' ');
  const out = spawnSync('script', ['-qfec', `stty cols ${size.columns} rows ${size.rows}; exec ${line}`, '/dev/null'], {
    env: { ...base, ...env },
    timeout: 30_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  if (out.error) throw out.error;
  return { status: out.status, output: out.stdout };
}

// SGR sequences: the colour the command writes on a terminal (ESC [ ... m).
// eslint-disable-next-line no-control-regex
const SGR = /\x1b\[[0-9;]*m/g;

/**
 * Fails unless `bytes` are valid UTF-8 holding nothing a terminal acts on but
 * line ends: no C0 control except \n (and \r when `cr`, as a tty writes
 * lines), no DEL, no C1 code point, no U+FFFD; with `colour`, the SGR colour
 * sequences the command itself writes are allowed.
 */
export function assertInert(bytes: Buffer, what: string, allow: { colour?: boolean; cr?: boolean } = {}): void {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    assert.fail(`${what}: not valid UTF-8`);
  }
  if (allow.colour) text = text.replace(SGR, '');
  for (const [i, ch] of [...text].entries()) {
    const cp = ch.codePointAt(0)!;
    const ok = cp === 0x0a || (allow.cr === true && cp === 0x0d);
    const bad = (cp < 0x20 && !ok) || (cp >= 0x7f && cp <= 0x9f) || cp === 0xfffd;
    if (bad) {
      const around = JSON.stringify([...text].slice(Math.max(0, i - 20), i + 20).join(''));
      assert.fail(`${what}: U+${cp.toString(16).padStart(4, '0')} at ${i}: ${around}`);
    }
  }
}

/** Text with the command's colour sequences and a tty's \r removed: what a reader sees. */
export function plainText(bytes: Buffer): string {
  return bytes.toString('utf8').replace(SGR, '').replace(/\r\n/g, '\n');
}

export { KERNEL_LIMIT_NAMES, procMask, statIds } from './children.js';
