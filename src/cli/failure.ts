// What went wrong, as the one line the command prints on stderr: the PID, then
// the reason in words (no stack trace, no error class names). Whoever writes
// the line passes it through visible() (main.ts): a reason may quote a path
// or a name that came from the system.
import { AccessDenied, NoSuchProcess, ZombieProcess } from '../index.js';

/** An operation on one process that failed: exit status 1. */
export class Failure extends Error {
  override name = 'Failure';
  constructor(
    readonly pid: number,
    reason: string,
  ) {
    super(`pid ${pid}: ${reason}`);
  }
}

/** What a command printed and the failures it met (exit status 1 when there are any). */
export interface Outcome {
  readonly output: string;
  /** Lines for stderr, without the program's name. */
  readonly failures: readonly string[];
  /** The PIDs asked for that could not be shown (--watch stops asking for them). */
  readonly failedPids?: readonly number[];
}

/** The reason for a library error, in words. */
export function describeError(err: unknown): string {
  if (err instanceof ZombieProcess) return 'zombie process';
  if (err instanceof NoSuchProcess) return 'no such process';
  if (err instanceof AccessDenied) return `access denied (${err.code})`;
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0] ?? message;
}
