// Command-line parsing: argv → what to do. Pure; nothing here reads the system,
// so `--help` and every usage error cost no more than this file.
import { type LimitSpec, parseLimitSpec } from './limit-spec.js';

/** A mistake in how the command was called: exit status 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** One `--set RESOURCE=LIMIT`, its resource as typed (validated against the platform later). */
export interface SetRequest {
  readonly resource: string;
  readonly spec: LimitSpec;
  readonly text: string;
}

export type Command =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'list'; readonly json: boolean }
  | { readonly kind: 'report'; readonly pids: readonly number[]; readonly json: boolean }
  | { readonly kind: 'set'; readonly pid: number; readonly sets: readonly SetRequest[]; readonly json: boolean };

/** Parses argv (without node and the script); throws UsageError. */
export function parseArgs(argv: readonly string[]): Command {
  let json = false;
  let help = false;
  let version = false;
  const pids: number[] = [];
  const sets: SetRequest[] = [];
  let options = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (options && arg === '--') {
      options = false;
    } else if (options && arg.startsWith('-') && arg !== '-') {
      const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
      const name = eq < 0 ? arg : arg.slice(0, eq);
      switch (name) {
        case '-h':
        case '--help':
          help = true;
          break;
        case '-V':
        case '--version':
          version = true;
          break;
        case '-j':
        case '--json':
          json = true;
          break;
        case '-s':
        case '--set': {
          let value: string | undefined;
          if (eq >= 0) value = arg.slice(eq + 1);
          else value = argv[++i];
          if (value === undefined) throw new UsageError(`option '${name}' needs a RESOURCE=LIMIT argument`);
          sets.push(parseSet(value));
          break;
        }
        default:
          throw new UsageError(`unknown option '${name}'`);
      }
      if (eq >= 0 && name !== '--set') throw new UsageError(`option '${name}' takes no value`);
    } else {
      pids.push(parsePid(arg));
    }
  }
  if (help) return { kind: 'help' };
  if (version) return { kind: 'version' };
  if (sets.length > 0) {
    if (pids.length !== 1) throw new UsageError(`--set needs exactly one PID (got ${pids.length})`);
    return { kind: 'set', pid: pids[0]!, sets, json };
  }
  return pids.length === 0 ? { kind: 'list', json } : { kind: 'report', pids, json };
}

// A PID as the kernel hands them out: a positive decimal integer.
function parsePid(arg: string): number {
  if (!/^[0-9]+$/.test(arg)) throw new UsageError(`invalid PID '${arg}': not a positive integer`);
  const pid = Number(arg);
  if (pid === 0 || !Number.isSafeInteger(pid)) throw new UsageError(`invalid PID '${arg}': not a positive integer`);
  return pid;
}

function parseSet(text: string): SetRequest {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new UsageError(`invalid --set '${text}': expected RESOURCE=LIMIT, e.g. nofile=1024:4096`);
  const resource = text.slice(0, eq);
  if (!/^[A-Za-z_]+$/.test(resource)) throw new UsageError(`invalid --set '${text}': bad resource name '${resource}'`);
  try {
    return { resource, spec: parseLimitSpec(text.slice(eq + 1)), text };
  } catch (err) {
    throw new UsageError(`invalid --set '${text}': ${(err as Error).message}`);
  }
}
