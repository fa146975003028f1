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
  /** Whether stdout is a terminal: colour, lines fitted to its width, --watch redrawing in place. */
  readonly isTTY: boolean;
  /** The terminal's size, when stdout is one. */
  readonly columns?: number;
  readonly rows?: number;
  /** Ends --watch, which otherwise runs until the command is killed. */
  readonly signal?: AbortSignal;
}

const PROG = 'psutil-extra';

/** Runs the command; resolves to its exit status: 0 success, 1 failure, 2 usage error. */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  // Every error becomes an exit status and one line on stderr, never a stack
  // trace. Messages may quote arguments, paths and names: made visible first.
  try {
    return await run(parseArgs(argv), io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`${PROG}: ${safe(err.message)}\nTry '${PROG} --help' for more information.\n`);
      return 2;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.stderr.write(`${PROG}: ${safe(message.split('\n')[0] ?? '')}\n`);
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
      const { runList } = require('./list.js') as typeof import('./list.js');
      const { list } = command;
      // Warnings (a column this platform lacks) are said once, and leave the status alone.
      let warned = false;
      return repeat(command.watch, command.json, io, list.pids, (pids) => {
        const format = jsonFormat(command.json, command.watch, io) ?? {
          kind: 'text' as const,
          style: style(io),
          width: width(io),
        };
        const outcome = runList(pids === undefined ? list : { ...list, pids }, format);
        if (!warned) for (const warning of outcome.warnings) io.stderr.write(`${PROG}: ${safe(warning)}\n`);
        warned = true;
        return outcome;
      });
    }
    case 'report': {
      const { runReport } = require('./report.js') as typeof import('./report.js');
      const { notAvailable } = require('./platform.js') as typeof import('./platform.js');
      return repeat(command.watch, command.json, io, command.pids, (pids) =>
        runReport(
          pids ?? [],
          jsonFormat(command.json, command.watch, io) ?? {
            kind: 'text',
            view: { style: style(io), width: width(io), notAvailable: notAvailable() },
          },
        ),
      );
    }
    case 'set': {
      const { runSet } = require('./set.js') as typeof import('./set.js');
      return finish(runSet(command.pid, command.sets, command.json, style(io)), io);
    }
  }
}

// JSON when asked for, and for --watch whenever stdout is not a terminal:
// one document per line then, each a whole JSON value.
function jsonFormat(json: boolean, watch: number | undefined, io: Io): { kind: 'json'; compact: boolean } | undefined {
  if (watch !== undefined && (json || !io.isTTY)) return { kind: 'json', compact: true };
  return json ? { kind: 'json', compact: false } : undefined;
}

function finish(outcome: Outcome, io: Io): number {
  if (outcome.output !== '') io.stdout.write(outcome.output);
  for (const failure of outcome.failures) io.stderr.write(`${PROG}: ${safe(failure)}\n`);
  return outcome.failures.length === 0 ? 0 : 1;
}

// On a terminal, --watch starts each screen from the top left of a cleared screen.
const HOME_AND_CLEAR = '\x1b[H\x1b[2J';

/**
 * Runs `once` once, or with --watch every `seconds` until the signal ends it.
 * `pids` are the PIDs asked for (undefined: every process); under --watch
 * one that fails is reported and no longer asked for, and the command ends,
 * status 1, when none is left. A failure line is written once, or with each
 * screen when screens are redrawn in place.
 */
async function repeat(
  seconds: number | undefined,
  json: boolean,
  io: Io,
  pids: readonly number[] | undefined,
  once: (pids: readonly number[] | undefined) => Outcome,
): Promise<number> {
  if (seconds === undefined) return finish(once(pids), io);
  const redraw = io.isTTY && !json;
  const said = new Set<string>();
  let status = 0;
  let left = pids;
  const start = Date.now();
  for (let tick = 1; ; tick++) {
    const outcome = once(left);
    io.stdout.write(redraw ? HOME_AND_CLEAR + screenful(outcome.output, io.rows) : outcome.output);
    for (const failure of outcome.failures) {
      // A redrawn screen clears what stderr said with it, so each screen says it again.
      if (!redraw && said.has(failure)) continue;
      said.add(failure);
      io.stderr.write(`${PROG}: ${safe(failure)}\n`);
    }
    if (outcome.failures.length > 0) status = 1;
    if (left !== undefined && outcome.failedPids !== undefined && outcome.failedPids.length > 0) {
      const failed = new Set(outcome.failedPids);
      left = left.filter((pid) => !failed.has(pid));
      if (left.length === 0) return 1;
    }
    // Screens keep to the interval's grid from the start, however long each takes.
    const wait = start + tick * seconds * 1000 - Date.now();
    if (!(await sleep(Math.max(0, wait), io.signal))) return status;
  }
}

// The first rows - 1 lines: a screen taller than the terminal would scroll
// the top away and the next home-and-clear would not start where this one did.
function screenful(text: string, rows: number | undefined): string {
  if (rows === undefined || rows < 2) return text;
  const lines = text.split('\n');
  return lines.length <= rows - 1 ? text : `${lines.slice(0, rows - 1).join('\n')}\n`;
}

/** Resolves true after ms, or false as soon as the signal is aborted. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', done);
      resolve(true);
    }, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

function safe(text: string): string {
  return (require('./text.js') as typeof import('./text.js')).visible(text);
}

function style(io: Io): Style {
  return (require('./color.js') as typeof import('./color.js')).chooseStyle(io.isTTY, io.env);
}

// Lines are fitted only on a terminal, and only when it says how wide it is.
function width(io: Io): number | undefined {
  return io.isTTY && io.columns !== undefined && io.columns > 0 ? io.columns : undefined;
}

function processIo(): Io {
  const out = process.stdout;
  return {
    stdout: out,
    stderr: process.stderr,
    env: process.env,
    isTTY: out.isTTY === true,
    // Read at each screen: a terminal resized under --watch is fitted anew.
    get columns() {
      return out.isTTY ? out.columns : undefined;
    },
    get rows() {
      return out.isTTY ? out.rows : undefined;
    },
  };
}
