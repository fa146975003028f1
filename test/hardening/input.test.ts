// Generated bad input against every public function and option (fast-check):
// each call must give what input-model.ts says the contract requires, and no
// call may open a path or pass a PID to a system call that was not built from
// the validated PID. Every file the library touches and every PID it hands to
// kill(2) or libc is recorded and checked per call.
import { strict as assert } from 'node:assert';
// The module object itself (not an import namespace), so its functions can be spied on.
import fs = require('node:fs');
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import * as lib from '../../src/index.js';
import { linuxLibc } from '../../src/backends/linux/libc.js';
import { LIMIT_NAMES } from '../../src/backends/linux/parse-limits.js';
import { type Child, limitsLine, maskSignals, spawnShell, statFields } from '../helpers/children.js';
import type { ProcessFunction } from '../helpers/public-functions.js';
import {
  GONE,
  INF,
  MAX_PID,
  OK,
  TYPE,
  type ModelProc,
  type Verdict,
  isVerdict,
  modelAsDictOptions,
  modelBigint,
  modelLimits,
  modelProc,
  modelResource,
} from './input-model.js';
import { encode } from './support.js';

const RUNS = Number(process.env.HARDENING_RUNS ?? 2500);
const PID_MAX = Number(fs.readFileSync('/proc/sys/kernel/pid_max', 'latin1'));

// ---- What the library touches -------------------------------------------------

const trace = { paths: [] as string[], pids: [] as number[] };
const restore: (() => void)[] = [];

function spy(target: object, name: string, record: (args: unknown[]) => void): void {
  const holder = target as Record<string, unknown>;
  const original = holder[name] as (...args: unknown[]) => unknown;
  holder[name] = function (this: unknown, ...args: unknown[]) {
    record(args);
    return original.apply(this, args);
  };
  restore.push(() => (holder[name] = original));
}

function instrument(): void {
  for (const name of ['openSync', 'accessSync', 'existsSync', 'readFileSync', 'statSync', 'readdirSync']) {
    spy(fs, name, (args) => trace.paths.push(String(args[0])));
  }
  spy(process, 'kill', (args) => trace.pids.push(Number(args[0])));
  const libc = linuxLibc();
  for (const name of ['getpgid', 'getsid']) spy(libc, name, (args) => trace.pids.push(Number(args[0])));
  for (const name of ['get', 'set']) spy(libc.rlimit, name, (args) => trace.pids.push(Number(args[0])));
}

// A path is allowed only if it is this library's own status (self) or the
// validated PID's procfs directory or one of the files it reads (status,
// stat, limits, cmdline, and the fd directory).
function pathAllowed(path: string, pid: number, pinned: boolean): boolean {
  if (path === '/proc' || /^\/proc\/self\/(status|stat|limits)$/.test(path)) return true;
  // A new handle checks which path reaches the directory it just opened: our own descriptor.
  if (/^\/proc\/self\/fd\/\d+$/.test(path)) return true;
  const byNumber = /^\/proc\/(\d+)(?:\/(status|stat|limits|cmdline|fd))?$/.exec(path);
  if (byNumber !== null) return Number(byNumber[1]) === pid;
  return pinned && /^\/proc\/self\/fd\/\d+\/(status|stat|limits|cmdline|fd)$/.test(path);
}

function startTrace(): void {
  trace.paths.length = 0;
  trace.pids.length = 0;
}

// ---- The one live target and its true state ----------------------------------

let child: Child;
let handle: lib.Process;
const handles = new Map<object, number>();

interface Truth {
  umask: number;
  groups: number[];
  pgid: number;
  sid: number;
  sigmasks: Record<string, number[]>;
  name: string;
  uids: { real: number; effective: number; saved: number };
  cmdline: string[];
  numFds: number;
}

function truth(pid: number): Truth {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'latin1');
  const field = (name: string): string => new RegExp(`^${name}:\\t(.*)$`, 'm').exec(status)?.[1] ?? '';
  const tail = statFields(pid);
  return {
    umask: parseInt(field('Umask'), 8),
    groups: field('Groups').trim().split(' ').filter(Boolean).map(Number),
    pgid: Number(tail[2]),
    sid: Number(tail[3]),
    sigmasks: {
      pending: maskSignals(field('SigPnd')),
      blocked: maskSignals(field('SigBlk')),
      ignored: maskSignals(field('SigIgn')),
      caught: maskSignals(field('SigCgt')),
      processPending: maskSignals(field('ShdPnd')),
    },
    name: field('Name'),
    uids: (([real, effective, saved]) => ({ real: real!, effective: effective!, saved: saved! }))(
      field('Uid').split('\t').map(Number),
    ),
    cmdline: fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').slice(0, -1),
    numFds: fs.readdirSync(`/proc/${pid}/fd`).length,
  };
}

function trueLimits(pid: number, resource: number): [bigint, bigint] {
  const [soft, hard] = limitsLine(pid, LIMIT_NAMES[resource]!);
  const value = (s: string): bigint => (s === 'unlimited' ? INF : BigInt(s));
  return [value(soft), value(hard)];
}

// The number form: RLIM_INFINITY is Infinity; a finite value that rounds up to 2**64
// (which a setter would refuse) reads as the largest double below it, 2**64 - 2048.
function limitsAs(limits: [bigint, bigint], bigint: boolean): unknown {
  if (bigint) return limits;
  return limits.map((v) => (v === INF ? Infinity : Number(v) >= 2 ** 64 ? 2 ** 64 - 2048 : Number(v)));
}

// ---- Generated values ------------------------------------------------------------

const sentinel = new Error('thrown by the caller');
const anything = fc.anything({
  withBoxedValues: true,
  withBigInt: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withDate: true,
  withTypedArray: true,
  withSparseArray: true,
  withObjectString: true,
});

/**
 * A value fast-check must not touch: it probes generated values for a clone
 * method and prints counterexamples, which hostile objects would break. The
 * property materialises the token (at the top level or one level down).
 */
class Hostile {
  constructor(
    readonly index: number,
    readonly make: () => unknown,
  ) {}
  toString(): string {
    return `hostile#${this.index}`;
  }
}

function real(value: unknown): unknown {
  if (value instanceof Hostile) return value.make();
  if (Array.isArray(value)) return value.some((v) => v instanceof Hostile) ? value.map(real) : value;
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = Object.entries(value);
    if (entries.some(([, v]) => v instanceof Hostile)) return Object.fromEntries(entries.map(([k, v]) => [k, real(v)]));
  }
  return value;
}

const HOSTILE_COUNT = 10;

function hostile(): fc.Arbitrary<unknown> {
  return fc.nat({ max: HOSTILE_COUNT - 1 }).map((i) => new Hostile(i, () => hostileObjects()[i]));
}

/** Wraps a property's predicate so that it sees materialised hostile values. */
function realArgs<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
  return (...args) => fn(...(args.map(real) as A));
}

function hostileObjects(): unknown[] {
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const revokedArray = Proxy.revocable([1, 2], {});
  revokedArray.revoke();
  const trap = (): never => {
    throw sentinel;
  };
  return [
    {
      get pid(): number {
        throw sentinel;
      },
    },
    new Proxy({}, { get: trap, has: trap, getOwnPropertyDescriptor: trap, ownKeys: trap, getPrototypeOf: trap }),
    new Proxy([1, 2], { get: trap, getOwnPropertyDescriptor: trap }),
    revoked.proxy,
    revokedArray.proxy,
    Object.defineProperty([1, 2], 0, { get: trap }),
    {
      get bigint(): boolean {
        throw sentinel;
      },
      get attrs(): string[] {
        throw sentinel;
      },
    },
    {
      attrs: ['umask'],
      get adValue(): unknown {
        throw sentinel;
      },
    },
    { valueOf: () => 1, toString: () => '1' },
    Object.create(null) as object,
  ];
}

function specialNumbers(pid: number): number[] {
  return [
    -0,
    0,
    -1,
    1.5,
    NaN,
    Infinity,
    -Infinity,
    2 ** 31,
    2 ** 31 - 1,
    -(2 ** 31),
    2 ** 32,
    2 ** 32 + pid,
    2 ** 53,
    2 ** 53 + 1,
    -(2 ** 53),
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    Number.MIN_VALUE,
    Number.EPSILON,
    MAX_PID,
    MAX_PID + 1,
    PID_MAX + 1,
    pid + 0.5,
  ];
}

function pathTricks(pid: number): string[] {
  return [
    'self',
    'self/../1',
    '1/../2',
    `${pid}`,
    `${pid}/../${process.pid}`,
    `../${pid}`,
    '1',
    ' 1',
    '0x1',
    '1e3',
    '',
    '/proc/1',
    'thread-self',
    `${pid}\0`,
  ];
}

function pidValues(pid: number): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: anything, weight: 3 },
    { arbitrary: fc.constantFrom(...specialNumbers(pid)), weight: 3 },
    { arbitrary: fc.constantFrom(...pathTricks(pid)), weight: 2 },
    { arbitrary: fc.constant(pid), weight: 3 },
    { arbitrary: fc.integer({ min: PID_MAX + 1, max: MAX_PID }), weight: 1 },
    { arbitrary: fc.integer(), weight: 1 },
    { arbitrary: fc.double(), weight: 1 },
    {
      arbitrary: fc.constantFrom<unknown>(new Number(pid), Object(BigInt(pid)) as bigint, new String(`${pid}`)),
      weight: 1,
    },
  );
}

function procs(pid: number): fc.Arbitrary<unknown> {
  const values = pidValues(pid);
  const isRunning = fc.constantFrom<unknown>(
    () => true,
    () => false,
    () => {
      throw sentinel;
    },
    true,
    'yes',
    null,
  );
  return fc.oneof(
    { arbitrary: values, weight: 4 },
    { arbitrary: values.map((v) => ({ pid: v })), weight: 3 },
    { arbitrary: fc.record({ pid: values, isRunning }), weight: 2 },
    { arbitrary: hostile(), weight: 1 },
    { arbitrary: fc.constant<unknown>(handle), weight: 1 },
  );
}

const resources = fc.oneof(
  { arbitrary: anything, weight: 2 },
  {
    arbitrary: fc.constantFrom<unknown>(
      'nofile',
      'NOFILE',
      'RLIMIT_NOFILE',
      'rlimit_core',
      'Core',
      'stack',
      'cpu',
      7,
      4,
      -0,
      16,
      -1,
      7.5,
      2 ** 31 + 7,
      2 ** 32 + 7,
      NaN,
      'RLIMIT_',
      '',
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'nofile\0',
      'NOFILE ',
      'RLIMIT_RLIMIT_NOFILE',
      new Number(7),
      new String('nofile'),
      7n,
    ),
    weight: 3,
  },
  { arbitrary: fc.integer({ min: -2, max: 17 }), weight: 2 },
);

const limitValues = fc.oneof(
  { arbitrary: anything, weight: 1 },
  {
    arbitrary: fc.constantFrom<unknown>(
      -0,
      -1,
      Infinity,
      -Infinity,
      NaN,
      1.5,
      2 ** 53 + 1,
      Number.MAX_VALUE,
      2 ** 64,
      INF,
      INF - 1n,
      INF + 1n,
      -1n,
      new Number(5),
      '5',
      null,
    ),
    weight: 2,
  },
  { arbitrary: fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }), weight: 1 },
  { arbitrary: fc.integer({ min: 0, max: 100_000 }), weight: 3 },
);

const newLimitsArb = fc.oneof(
  { arbitrary: anything, weight: 1 },
  { arbitrary: fc.tuple(limitValues, limitValues), weight: 5 },
  { arbitrary: fc.array(limitValues, { maxLength: 3 }), weight: 1 },
  { arbitrary: fc.oneof(fc.constantFrom<unknown>(undefined, null), hostile()), weight: 1 },
);

const rlimitOptions = fc.oneof(
  { arbitrary: anything, weight: 1 },
  { arbitrary: fc.record({ bigint: fc.oneof(fc.boolean(), anything) }), weight: 2 },
  { arbitrary: fc.oneof(fc.constantFrom<unknown>(undefined, {}, { bigint: true }), hostile()), weight: 2 },
);

const attrNames = fc.constantFrom<unknown>('umask', 'groups', 'sigmasks', 'pgid', 'sid', 'pid', 'Umask', '', 7);
const asDictOptions = fc.oneof(
  { arbitrary: anything, weight: 1 },
  {
    arbitrary: fc.record(
      { attrs: fc.oneof(fc.array(attrNames, { maxLength: 6 }), anything), adValue: anything },
      { requiredKeys: [] },
    ),
    weight: 3,
  },
  { arbitrary: fc.oneof(fc.constant<unknown>(undefined), hostile()), weight: 1 },
);

// ---- Checking one call -------------------------------------------------------------

let callsChecked = 0;

/** The PID's verdict once every argument is valid. 'any': a live process we do not control. */
function pidVerdict(pid: number): Verdict | 'any' {
  if (pid <= 0 || pid > MAX_PID || pid > PID_MAX) return GONE;
  return pid === child.pid ? OK : 'any';
}

function expectError(err: unknown, verdict: Verdict): void {
  switch (verdict.kind) {
    case 'TypeError':
      assert.ok(err instanceof TypeError, `expected TypeError, got ${String(err)}`);
      assert.equal((err as { code?: unknown }).code, 'ERR_INVALID_ARG_TYPE');
      return;
    case 'RangeError':
      assert.ok(err instanceof RangeError, `expected RangeError, got ${String(err)}`);
      assert.equal((err as { code?: unknown }).code, 'ERR_OUT_OF_RANGE');
      return;
    case 'NoSuchProcess':
      assert.ok(err instanceof lib.NoSuchProcess && !(err instanceof lib.ZombieProcess), String(err));
      return;
    case 'callerThrew':
      assert.equal(err, sentinel);
      return;
    case 'ok':
      throw err;
  }
}

/**
 * Runs one call. `verdict` is the model's; 'any' allows a value or the
 * documented process errors. `expected` gives the true value when known.
 * Afterwards every path and PID the call used is checked against `pid`.
 */
function checkCall(
  verdict: Verdict | 'any',
  pid: number | undefined,
  call: () => unknown,
  expected?: () => unknown,
): unknown {
  callsChecked++;
  startTrace();
  let result: unknown;
  let error: unknown;
  let threw = false;
  try {
    result = call();
  } catch (err) {
    threw = true;
    error = err;
  }
  const touched = { paths: [...trace.paths], pids: [...trace.pids] };
  if (verdict === 'any') {
    if (threw) {
      assert.ok(error instanceof lib.NoSuchProcess || error instanceof lib.AccessDenied, String(error));
    }
  } else if (verdict.kind === 'ok') {
    if (threw) throw error;
    if (expected !== undefined) assert.deepEqual(encode(result), encode(expected()));
  } else {
    assert.ok(threw, `expected ${verdict.kind}, got ${JSON.stringify(encode(result))}`);
    expectError(error, verdict);
  }
  const noIo = verdict !== 'any' && verdict.kind !== 'ok' && (pid === undefined || pid <= 0 || pid > MAX_PID);
  if (noIo || pid === undefined) {
    assert.deepEqual(touched, { paths: [], pids: [] }, 'no I/O before validation');
  } else {
    for (const path of touched.paths) assert.ok(pathAllowed(path, pid, pid === child.pid), `opened ${path}`);
    for (const used of touched.pids) assert.equal(used, pid, `system call or kill with pid ${used}`);
  }
  return result;
}

function pidOf(proc: ModelProc | Verdict): number | undefined {
  return isVerdict(proc) ? undefined : proc.pid;
}

// ---- The properties ------------------------------------------------------------------

void describe('hardening: generated bad input', () => {
  before(async () => {
    child = await spawnShell('umask 027; exec sleep 1000');
    handle = new lib.Process(child.pid);
    handles.set(handle, child.pid);
    instrument();
  });

  after(async () => {
    for (const undo of restore.reverse()) undo();
    handle.close();
    lib.setProcfsPath('/proc');
    await child.stop();
  });

  // Every function of the shared list that takes only the process: a new one
  // needs its oracle here. The limit functions have their own properties below.
  type OneArgument = Exclude<
    ProcessFunction,
    'procRlimit' | 'procGetrlimit' | 'procGetrlimitUsage' | 'procGetAllRlimits'
  >;
  const GETTERS: Readonly<Record<OneArgument, (t: Truth) => unknown>> = {
    procGetUmask: (t: Truth) => t.umask,
    procGetgroups: (t: Truth) => t.groups,
    procGetpgid: (t: Truth) => t.pgid,
    procGetsid: (t: Truth) => t.sid,
    procGetSigmasks: (t: Truth) => t.sigmasks,
    procGetName: (t: Truth) => t.name,
    procGetUids: (t: Truth) => t.uids,
    procGetCmdline: (t: Truth) => t.cmdline,
    procNumFds: (t: Truth) => t.numFds,
  };

  for (const [name, pick] of Object.entries(GETTERS)) {
    void it(`${name}(proc)`, () => {
      const fn = lib[name as keyof typeof GETTERS] as (p: unknown) => unknown;
      fc.assert(
        fc.property(
          procs(child.pid),
          realArgs((proc) => {
            const model = modelProc(proc, handles);
            const verdict = isVerdict(model) ? model : pidVerdict(model.pid);
            checkCall(
              verdict,
              pidOf(model),
              () => fn(proc),
              () => pick(truth(child.pid)),
            );
          }),
        ),
        { numRuns: RUNS },
      );
    });
  }

  void it('procGetrlimit(proc, resource, options)', () => {
    fc.assert(
      fc.property(
        procs(child.pid),
        resources,
        rlimitOptions,
        realArgs((proc, resource, options) => {
          const model = modelProc(proc, handles);
          const res = modelResource(resource);
          const bigint = modelBigint(options);
          const verdict = isVerdict(model)
            ? model
            : isVerdict(res)
              ? res
              : isVerdict(bigint)
                ? bigint
                : pidVerdict(model.pid);
          checkCall(
            verdict,
            pidOf(model),
            () => lib.procGetrlimit(proc as number, resource as number, options as { bigint: boolean }),
            () => limitsAs(trueLimits(child.pid, res as number), bigint as boolean),
          );
        }),
      ),
      { numRuns: RUNS },
    );
  });

  void it('procRlimit(proc, resource, newLimits, options) and Process#rlimit', () => {
    let sets = 0;
    fc.assert(
      fc.property(
        fc.oneof(procs(child.pid), fc.constant<unknown>('handle-method')),
        resources,
        newLimitsArb,
        rlimitOptions,
        realArgs((procOrMethod, resource, newLimits, options) => {
          const viaMethod = procOrMethod === 'handle-method';
          const proc = viaMethod ? handle : procOrMethod;
          const model = modelProc(proc, handles);
          const res = modelResource(resource);
          const bigint = modelBigint(options);
          const isGet = newLimits === undefined || newLimits === null;
          const limits = isGet ? undefined : modelLimits(newLimits);
          const argError = [model, res, bigint, limits].find(isVerdict);
          const call = (): unknown =>
            viaMethod
              ? handle.rlimit(resource as number, newLimits as [number, number], options as { bigint: true })
              : lib.procRlimit(
                  proc as number,
                  resource as number,
                  newLimits as [number, number],
                  options as { bigint: boolean },
                );
          if (argError !== undefined) {
            checkCall(argError, pidOf(model), call);
            return;
          }
          const m = model as ModelProc;
          const resNumber = res as number;
          const pidState = pidVerdict(m.pid);
          if (isGet) {
            const expected = (): unknown => limitsAs(trueLimits(child.pid, resNumber), bigint as boolean);
            checkCall(pidState, m.pid, call, pidState === OK ? expected : undefined);
            return;
          }
          if (m.pid <= 0 || m.pid > MAX_PID) {
            checkCall(GONE, m.pid, call);
            return;
          }
          // A write. Never to a process we do not own, and never CPU or RTTIME
          // (a low soft limit would kill the child).
          fc.pre(pidState !== 'any' && resNumber !== 0 && resNumber !== 15);
          const before = trueLimits(child.pid, resNumber);
          if (m.isRunning !== undefined) {
            let running: unknown;
            try {
              running = m.isRunning.call(proc);
            } catch {
              checkCall({ kind: 'callerThrew' }, m.pid, call);
              assert.deepEqual(trueLimits(child.pid, resNumber), before, 'limits unchanged');
              return;
            }
            if (!running) {
              checkCall(GONE, m.pid, call);
              assert.deepEqual(trueLimits(child.pid, resNumber), before, 'limits unchanged');
              return;
            }
          }
          if (pidState !== OK) {
            checkCall(GONE, m.pid, call);
            return;
          }
          const [soft, hard] = limits as [bigint, bigint];
          const rank = (v: bigint): bigint => (v === INF ? INF + 1n : v);
          if (rank(hard) > rank(before[1])) {
            // Raising a hard limit needs CAP_SYS_RESOURCE, which this machine's root lacks.
            assert.throws(call, lib.AccessDenied);
            assert.deepEqual(trueLimits(child.pid, resNumber), before, 'limits unchanged after a refusal');
            return;
          }
          checkCall(OK, m.pid, call, () => limitsAs(before, bigint as boolean));
          assert.deepEqual(trueLimits(child.pid, resNumber), [soft, hard], 'limits as set');
          sets++;
        }),
      ),
      { numRuns: RUNS },
    );
    assert.ok(sets > 0, 'some generated writes were valid and applied');
  });

  void it('procAsDict(proc, options) and Process#asDict', () => {
    fc.assert(
      fc.property(
        procs(child.pid),
        asDictOptions,
        realArgs((proc, options) => {
          const model = modelProc(proc, handles);
          const attrs = modelAsDictOptions(options);
          let verdict: Verdict | 'any' = isVerdict(model) ? model : isVerdict(attrs) ? attrs : pidVerdict(model.pid);
          if (!isVerdict(model) && !isVerdict(attrs) && attrs.length === 0) verdict = OK;
          const expected = (): unknown => {
            const t = truth(child.pid) as unknown as Record<string, unknown>;
            return Object.fromEntries((attrs as string[]).map((a) => [a, t[a]]));
          };
          checkCall(
            verdict,
            pidOf(model),
            () => lib.procAsDict(proc as number, options as lib.AsDictOptions<'umask', null>),
            expected,
          );
        }),
      ),
      { numRuns: RUNS },
    );
  });

  void it('Process#getrlimit(resource, options)', () => {
    fc.assert(
      fc.property(
        resources,
        rlimitOptions,
        realArgs((resource, options) => {
          const res = modelResource(resource);
          const bigint = modelBigint(options);
          const verdict = isVerdict(res) ? res : isVerdict(bigint) ? bigint : OK;
          checkCall(
            verdict,
            verdict === OK ? child.pid : undefined,
            () => handle.getrlimit(resource as number, options as { bigint: true }),
            () => limitsAs(trueLimits(child.pid, res as number), bigint as boolean),
          );
        }),
      ),
      { numRuns: RUNS },
    );
  });

  void it('new Process(pid)', () => {
    fc.assert(
      fc.property(
        fc.oneof(procs(child.pid), fc.constant(undefined)),
        realArgs((proc) => {
          const resolved = proc === undefined ? { pid: process.pid, isRunning: undefined } : modelProc(proc, handles);
          const model: Verdict | 'any' = isVerdict(resolved) ? resolved : pidVerdict(resolved.pid);
          const made = checkCall(model, pidOf(resolved), () => new lib.Process(proc as number));
          if (made instanceof lib.Process) {
            assert.ok(!isVerdict(resolved));
            assert.equal(made.pid, resolved.pid);
            made.close();
          }
        }),
      ),
      { numRuns: RUNS },
    );
  });

  void it('oneshotProc(pid, fn)', () => {
    fc.assert(
      fc.property(
        procs(child.pid),
        fc.constantFrom<unknown>(() => 42, 42, null, undefined, 'fn'),
        realArgs((proc, fn) => {
          const resolved = modelProc(proc, handles);
          const verdict = isVerdict(resolved) ? resolved : typeof fn !== 'function' ? TYPE : OK;
          checkCall(
            verdict,
            undefined,
            () => lib.oneshotProc(proc as number, fn as () => number),
            () => 42,
          );
        }),
      ),
      { numRuns: RUNS },
    );
  });

  void it('setProcfsPath(path)', () => {
    fc.assert(
      fc.property(
        fc.oneof(anything, fc.constantFrom<unknown>(...pathTricks(1), '/', '/proc/', '/tmp/../proc', 'proc', '/a\0b')),
        realArgs((path) => {
          const valid = typeof path === 'string' && path !== '' && !path.includes('\0') && path.startsWith('/');
          try {
            checkCall(valid ? OK : TYPE, undefined, () => lib.setProcfsPath(path as string));
          } finally {
            lib.setProcfsPath('/proc');
          }
        }),
      ),
      { numRuns: RUNS },
    );
  });

  void it('reports how many inputs were tried', (t) => {
    assert.ok(callsChecked >= RUNS * 10, `${callsChecked} calls checked`);
    t.diagnostic(`FIGURES input: ${callsChecked} generated calls checked, 0 wrong answers`);
  });
});
