// Shared plumbing of the hardening tests: the built library's path, the C
// helper, and running a helper node script ("agent") under a command prefix
// (unshare, setpriv, prlimit, strace) that reports one JSON line.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository root (this file runs from build/test/hardening). */
export const ROOT = resolve(__dirname, '../../..');
/** The built package entry point the agents load, as users would. */
export const DIST = join(ROOT, 'dist/index.js');

const SETPRIV_NOBODY = ['setpriv', '--reuid', '65534', '--regid', '65534', '--clear-groups'];

/**
 * How to run an agent as uid 65534 with no groups: setpriv when that user can
 * read this checkout, else an empty prefix plus {dropTo: 65534} for the agent
 * to drop privileges itself once the package is loaded (forced with
 * HARDENING_NOBODY=drop).
 */
export function asNobody(): { prefix: string[]; spec: { dropTo?: number } } {
  if (process.env.HARDENING_NOBODY === 'drop') return { prefix: [], spec: { dropTo: 65534 } };
  const probe = spawnSync(SETPRIV_NOBODY[0]!, [
    ...SETPRIV_NOBODY.slice(1),
    process.execPath,
    agentPath('query-agent'),
    '{"queries":[]}',
  ]);
  return probe.status === 0 ? { prefix: SETPRIV_NOBODY, spec: {} } : { prefix: [], spec: { dropTo: 65534 } };
}

/** The compiled agent script `name` (test/hardening/agents/NAME.ts). */
export function agentPath(name: string): string {
  return join(__dirname, 'agents', `${name}.js`);
}

/** A fresh directory under the system tmpdir that other users can enter. */
export function scratchDir(tag: string): string {
  const dir = mkdtempSync(join(tmpdir(), `psutil-extra-${tag}-`));
  chmodSync(dir, 0o755);
  return dir;
}

let helper: string | undefined;

/** test/hardening/fixtures/proc-helper.c, compiled once per test file (tests that use it need gcc). */
export function procHelper(): string {
  if (helper !== undefined && existsSync(helper)) return helper;
  const dir = scratchDir('helper');
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const out = join(dir, 'proc-helper');
  const src = join(ROOT, 'test/hardening/fixtures/proc-helper.c');
  const cc = spawnSync('gcc', ['-O2', '-Wall', '-pthread', '-o', out, src], { encoding: 'utf8' });
  if (cc.status !== 0) throw new Error(`gcc failed: ${cc.stderr}`);
  chmodSync(out, 0o755);
  helper = out;
  return out;
}

export interface AgentRun<T> {
  readonly result: T;
  readonly stderr: string;
}

/**
 * Runs `prefix... node [nodeArgs] agent arg` and parses the last stdout line
 * as JSON. A non-zero exit or a missing result line is a failure.
 */
export function runAgent<T>(
  prefix: readonly string[],
  agent: string,
  arg: unknown,
  options: { nodeArgs?: readonly string[]; timeoutMs?: number } = {},
): Promise<AgentRun<T>> {
  const argv = [...prefix, process.execPath, ...(options.nodeArgs ?? []), agentPath(agent), JSON.stringify(arg)];
  const [file, ...args] = argv;
  return new Promise((resolvePromise, reject) => {
    const child = spawn(file!, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const last = stdout.trim().split('\n').pop() ?? '';
      if (code !== 0) {
        reject(new Error(`${argv.join(' ')} exited ${code ?? signal}\n${stderr}\n${stdout.slice(-2000)}`));
        return;
      }
      try {
        resolvePromise({ result: JSON.parse(last) as T, stderr });
      } catch {
        reject(new Error(`no JSON result from ${agent}: ${stdout.slice(-2000)}\n${stderr}`));
      }
    });
  });
}

/** What an agent reports for one call: the value (JSON-safe) or the error's shape. */
export type Outcome = { ok: unknown } | { error: { name: string; code: unknown; message: string } };

/** Makes library values JSON-safe: sets become sorted arrays, Infinity and bigints strings. */
export function encode(value: unknown): unknown {
  if (value instanceof Set) return [...(value as Set<number>)].sort((a, b) => a - b);
  // A SignalSet (or anything else that says how it serialises).
  if (typeof (value as { toJSON?: unknown } | null)?.toJSON === 'function') {
    return encode((value as { toJSON(): unknown }).toJSON());
  }
  if (typeof value === 'bigint') return `${value}n`;
  if (value === Infinity) return 'Infinity';
  if (Array.isArray(value)) return value.map(encode);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
  }
  return value;
}

/** Runs fn and reports its outcome as an agent would. */
export function outcome(fn: () => unknown): Outcome {
  try {
    return { ok: encode(fn()) };
  } catch (err) {
    const e = err as { name?: unknown; code?: unknown; message?: unknown };
    return { error: { name: String(e.name), code: e.code, message: String(e.message) } };
  }
}

/** The names of the signals' numbers the tests use. */
export const SIGUSR1 = 10;
export const SIGUSR2 = 12;

/** Kills a child with SIGKILL and waits until it has exited (and been reaped). */
export async function stop(child: ChildProcess): Promise<void> {
  const done = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  child.kill('SIGKILL');
  await done;
}
