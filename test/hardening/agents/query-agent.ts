// Runs a list of library calls through the built package (dist/) and prints
// their outcomes as one JSON line. Started by the tests under unshare, setpriv
// or strace, so that the calls run with another identity, procfs or namespace.
// Argument: {"procfs"?: path, "umask"?: n, "dropTo"?: uid, "queries": [{"fn": name, "args": [...]}]}
// where "$self" in args stands for this process's PID, and "Process.method"
// calls the method on a new Process(args[0]) with the remaining args. With
// "dropTo", the agent loads the package and binds libc as root, then becomes
// that uid and gid with no groups (for checkouts other users cannot read).
import { DIST, type Outcome, outcome } from '../support.js';

type Lib = typeof import('../../../src/index.js');

interface Spec {
  procfs?: string;
  umask?: number;
  dropTo?: number;
  queries: { fn: string; args: unknown[] }[];
}

const spec = JSON.parse(process.argv[2] ?? '{}') as Spec;
const lib = require(DIST) as Lib;
if (spec.umask !== undefined) process.umask(spec.umask);
if (spec.dropTo !== undefined) {
  lib.procGetpgid(process.pid);
  const { setgroups, setgid, setuid } = process;
  if (setgroups === undefined || setgid === undefined || setuid === undefined) throw new Error('no setuid here');
  setgroups([]);
  setgid(spec.dropTo);
  setuid(spec.dropTo);
}
if (spec.procfs !== undefined) lib.setProcfsPath(spec.procfs);

function call(fn: string, args: unknown[]): unknown {
  const [head, ...rest] = args.map((a) => (a === '$self' ? process.pid : a));
  if (fn.startsWith('Process.')) {
    const handle = new lib.Process(head as number);
    try {
      const method = (handle as unknown as Record<string, (...a: unknown[]) => unknown>)[fn.slice(8)];
      if (method === undefined) throw new Error(`no method ${fn}`);
      return method.apply(handle, rest);
    } finally {
      handle.close();
    }
  }
  const f = (lib as unknown as Record<string, (...a: unknown[]) => unknown>)[fn];
  if (typeof f !== 'function') throw new Error(`no function ${fn}`);
  return f(head, ...rest);
}

const outcomes: Outcome[] = spec.queries.map((q) => outcome(() => call(q.fn, q.args)));
const koffiLoaded = Object.keys(require.cache).some((path) => /[/\\]node_modules[/\\]koffi[/\\]/.test(path));
process.stdout.write(`${JSON.stringify({ self: process.pid, uid: process.getuid?.(), koffiLoaded, outcomes })}\n`);
