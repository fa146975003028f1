// The psutil-extra command: main(argv) → exit status, testable in-process. It
// parses the arguments first and loads the library and the renderers only for
// the command that needs them, so --help and usage errors stay cheap.
import { type Command, UsageError, parseArgs } from './args.js';
import type { Style } from './color.js';
import type { Outcome } from './failure.js';

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
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  // Every error becomes an exit status and one line on stderr, never a stack trace.
  try {
    return await run(parseArgs(argv), io);
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

async function run(command: Command, io: Io): Promise<number> {
  switch (command.kind) {
    case 'help':
      io.stdout.write((require('./help.js') as typeof import('./help.js')).helpText());
      return 0;
    case 'version':
      io.stdout.write(`${PROG} ${(require('./system.js') as typeof import('./system.js')).packageVersion()}\n`);
      return 0;
    case 'list': {
      // Only the JSON reports have a LOCKS figure.
      const locks = command.json ? startLocksRead() : Promise.resolve(undefined);
      const { renderList } = require('./list.js') as typeof import('./list.js');
      io.stdout.write(renderList(command.json, style(io), await locks));
      return 0;
    }
    case 'report': {
      const locks = startLocksRead();
      const { runReport } = require('./report.js') as typeof import('./report.js');
      return finish(runReport(command.pids, command.json, style(io), await locks), io);
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

// /proc/locks keeps its reader waiting for milliseconds (see system.ts): the
// read starts before the library loads, so the wait overlaps the loading.
function startLocksRead(): Promise<string | undefined> {
  return (require('./system.js') as typeof import('./system.js')).readLocks();
}

function style(io: Io): Style {
  return (require('./color.js') as typeof import('./color.js')).chooseStyle(io.isTTY, io.env);
}

function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, isTTY: process.stdout.isTTY === true };
}
