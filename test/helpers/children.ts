// Real child processes with known state, for live tests. Each child is killed
// and reaped when the test's cleanup runs.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface Child {
  readonly proc: ChildProcess;
  readonly pid: number;
  /** Kills (SIGKILL) and waits for the child to be reaped. */
  stop(): Promise<void>;
}

/** Reads a field of /proc/PID/status as text, or undefined if the process is gone. */
export function statusField(pid: number, field: string): string | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'latin1');
    const line = text.split('\n').find((l) => l.startsWith(`${field}:`));
    return line?.slice(field.length + 1).trim();
  } catch {
    return undefined;
  }
}

/** Polls until fn returns true (or a value), failing after timeoutMs. */
export async function waitFor<T>(fn: () => T | undefined | false, what: string, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = fn();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * Runs `sh -c script` and waits until the shell has exec'd into a process whose
 * comm is `comm` (so the state the script set up is in place).
 */
export async function spawnShell(script: string, comm = 'sleep', env?: NodeJS.ProcessEnv): Promise<Child> {
  return spawnCommand(['sh', '-c', script], comm, env);
}

/** Spawns argv and waits until its comm is `comm`. */
export async function spawnCommand(argv: readonly string[], comm: string, env?: NodeJS.ProcessEnv): Promise<Child> {
  const [file, ...args] = argv;
  if (file === undefined) throw new Error('empty argv');
  const proc = spawn(file, args, { stdio: ['ignore', 'ignore', 'inherit'], env: env ?? process.env });
  const pid = proc.pid;
  if (pid === undefined) throw new Error(`could not spawn ${file}`);
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const child: Child = {
    proc,
    pid,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
      await exited;
    },
  };
  try {
    await waitFor(() => statusField(pid, 'Name') === comm, `pid ${pid} to exec ${comm}`);
  } catch (err) {
    await child.stop();
    throw err;
  }
  return child;
}

/** Spawns a process that has exited and been reaped, and returns its (now free) PID. */
export function deadPid(): number {
  const result = spawnSync('true');
  if (result.pid === undefined || result.pid === 0) throw new Error('could not spawn true');
  return result.pid;
}

/** The limits line of /proc/PID/limits for a kernel name such as 'Max open files'. */
export function limitsLine(pid: number, name: string): [string, string] {
  const text = readFileSync(`/proc/${pid}/limits`, 'latin1');
  const line = text.split('\n').find((l) => l.startsWith(name));
  if (line === undefined) throw new Error(`no ${name} line for ${pid}`);
  const fields = line.slice(25).trim().split(/\s+/);
  return [fields[0] ?? '', fields[1] ?? ''];
}

/** The kernel names of /proc/PID/limits (fs/proc/base.c lnames) by resource. */
export const KERNEL_LIMIT_NAMES: Readonly<Record<string, string>> = {
  cpu: 'Max cpu time',
  fsize: 'Max file size',
  data: 'Max data size',
  stack: 'Max stack size',
  core: 'Max core file size',
  rss: 'Max resident set',
  nproc: 'Max processes',
  nofile: 'Max open files',
  memlock: 'Max locked memory',
  as: 'Max address space',
  locks: 'Max file locks',
  sigpending: 'Max pending signals',
  msgqueue: 'Max msgqueue size',
  nice: 'Max nice priority',
  rtprio: 'Max realtime priority',
  rttime: 'Max realtime timeout',
};

/** Fields of /proc/PID/stat from field 3 (state) on, counted from the last ')': index i is field i + 3. */
export function statFields(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** pgid and sid (fields 5 and 6) of /proc/PID/stat. */
export function statIds(pid: number): { pgid: number; sid: number } {
  const fields = statFields(pid);
  return { pgid: Number(fields[2]), sid: Number(fields[3]) };
}

/** A signal mask as /proc prints it in hex, decoded with BigInt: bit N-1 is signal N. */
export function maskSignals(hex: string): number[] {
  const mask = BigInt(`0x${hex}`);
  const out: number[] = [];
  for (let n = 1; n <= 64; n++) if ((mask >> BigInt(n - 1)) & 1n) out.push(n);
  return out;
}

/** A signal mask line of /proc/PID/status ("SigBlk" ...) as signal numbers. */
export function procMask(pid: number, field: string): number[] {
  const value = statusField(pid, field);
  if (value === undefined) throw new Error(`no ${field} for ${pid}`);
  return maskSignals(value);
}
