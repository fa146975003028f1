// The psutil-extra command: main(argv) → exit status, testable in-process. It
// parses the arguments first and loads the library and the renderers only for
// the command that needs them, so --help and usage errors stay cheap.
import { type Command, UsageError, parseArgs } from './args.js';
import type { Style } from './color.js';
import type { Outcome } from './report.js';

/** Where the command writes and what it knows of its terminal. */
export interface Io {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether stdout is a terminal (colour is used only then). */
  readonly isTTY: boolean;
}

const PROG = 'psutil-extra';

/** Runs the command; resolves to its exit status: 0 success, 1 failure, 2 usage error. */
export function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  return Promise.resolve(runSafely(argv, io));
}

// Every error becomes an exit status and one line on stderr, never a stack trace.
function runSafely(argv: readonly string[], io: Io): number {
  try {
    return run(parseArgs(argv), io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`${PROG}: ${err.message}\nTry '${PROG} --help' for more information.\n`);
      return 2;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.stderr.write(`${PROG}: ${message.split('\n')[0]}\n`);
    return 1;
  }
}

function run(command: Command, io: Io): number {
  switch (command.kind) {
    case 'help':
      io.stdout.write((require('./help.js') as typeof import('./help.js')).helpText());
      return 0;
    case 'version':
      io.stdout.write(`${PROG} ${(require('./system.js') as typeof import('./system.js')).packageVersion()}\n`);
      return 0;
    case 'list':
      io.stdout.write((require('./list.js') as typeof import('./list.js')).renderList(command.json, style(io)));
      return 0;
    case 'report': {
      const { runReport } = require('./report.js') as typeof import('./report.js');
      return finish(runReport(command.pids, command.json, style(io)), io);
    }
    case 'set': {
      const { runSet } = require('./set.js') as typeof import('./set.js');
      return finish(runSet(command.pid, command.sets, command.json, style(io)), io);
    }
  }
}

function finish(outcome: Outcome, io: Io): number {
  if (outcome.output !== '') io.stdout.write(outcome.output);
  for (const failure of outcome.failures) io.stderr.write(`${PROG}: ${failure.message}\n`);
  return outcome.failures.length === 0 ? 0 : 1;
}

function style(io: Io): Style {
  return (require('./color.js') as typeof import('./color.js')).chooseStyle(io.isTTY, io.env);
}

function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, isTTY: process.stdout.isTTY === true };
}
