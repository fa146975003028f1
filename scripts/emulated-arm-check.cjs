// Runs under the emulated node (qemu-arm-static or qemu-aarch64-static), started
// by scripts/emulated-arm.mjs: calls every public function of the built package
// on a native target process (argv[2]) and on this process, sets limits on the
// target, and prints what it got as one JSON line. The driver then reads /proc
// natively and compares; this process waits for a line on stdin before it exits
// so that its own /proc entries can be read while it lives.
/* global require */
'use strict';

const lib = require('../dist/index.js');

const target = Number(process.argv[2]);
if (!Number.isInteger(target) || target <= 0) throw new Error('usage: emulated-arm-check.cjs TARGET_PID');

// A handler the self checks can look for in SigCgt.
process.on('SIGUSR2', () => {});
// A real-time signal ignored through libc, as a C program would (node has no
// name for it): the self checks look for signal 40 among the ignored.
const SIG_IGN = 1;
require('koffi').load('libc.so.6').func('intptr_t signal(int sig, intptr_t handler)')(40, SIG_IGN);

// JSON has no bigint, Infinity or Set: bigints become "123n", Infinity "Infinity",
// a SignalSet the sorted array of its signal numbers.
function plain(v) {
  if (typeof v === 'bigint') return `${v}n`;
  if (v === Infinity) return 'Infinity';
  if (
    v instanceof Set ||
    (v && typeof v === 'object' && typeof v.has === 'function' && typeof v[Symbol.iterator] === 'function')
  )
    return [...v].sort((a, b) => a - b);
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object') {
    const o = {};
    for (const [k, x] of Object.entries(v)) o[k] = plain(x);
    return o;
  }
  return v;
}

function attempt(fn) {
  try {
    return { ok: plain(fn()) };
  } catch (e) {
    return { error: e && e.code !== undefined ? e.code : String(e && e.name), message: String(e && e.message) };
  }
}

const RESOURCES = Object.keys(lib.constants)
  .filter((k) => k.startsWith('RLIMIT_'))
  .map((k) => k.slice('RLIMIT_'.length).toLowerCase());

// Every reading function, on one PID (or Process handle).
function readAll(proc) {
  const r = {
    umask: attempt(() => lib.procGetUmask(proc)),
    groups: attempt(() => lib.procGetgroups(proc)),
    pgid: attempt(() => lib.procGetpgid(proc)),
    sid: attempt(() => lib.procGetsid(proc)),
    sigmasks: attempt(() => lib.procGetSigmasks(proc)),
    name: attempt(() => lib.procGetName(proc)),
    uids: attempt(() => lib.procGetUids(proc)),
    cmdline: attempt(() => lib.procGetCmdline(proc)),
    numFds: attempt(() => lib.procNumFds(proc)),
    allRlimits: attempt(() => lib.procGetAllRlimits(proc, { bigint: true })),
    asDict: attempt(() => lib.procAsDict(proc)),
    rlimits: {},
    rlimitsNumber: {},
    usage: {},
  };
  for (const res of RESOURCES) {
    r.rlimits[res] = attempt(() => lib.procGetrlimit(proc, res, { bigint: true }));
    r.rlimitsNumber[res] = attempt(() => lib.procGetrlimit(proc, res));
    r.usage[res] = attempt(() => lib.procGetrlimitUsage(proc, res));
  }
  r.oneshot = attempt(() =>
    lib.oneshotProc(proc, () => [lib.procGetName(proc), lib.procGetpgid(proc), lib.procGetUmask(proc)]),
  );
  return r;
}

function viaProcess(pid) {
  const p = new lib.Process(pid);
  try {
    return {
      isRunning: attempt(() => p.isRunning()),
      getUmask: attempt(() => p.getUmask()),
      getgroups: attempt(() => p.getgroups()),
      getpgid: attempt(() => p.getpgid()),
      getsid: attempt(() => p.getsid()),
      getSigmasks: attempt(() => p.getSigmasks()),
      numFds: attempt(() => p.numFds()),
      name: attempt(() => p.name()),
      uids: attempt(() => p.uids()),
      cmdline: attempt(() => p.cmdline()),
      nofile: attempt(() => p.getrlimit('nofile', { bigint: true })),
      usageCpu: attempt(() => p.getrlimitUsage('cpu')),
      allRlimits: attempt(() => p.getAllRlimits({ bigint: true })),
    };
  } finally {
    p.close();
  }
}

// Limits set on the target: exact values, read back through the library; the
// driver reads /proc/TARGET/limits afterwards. locks goes above 2**32 as
// bigints, which a 32-bit build can only pass through prlimit64's 64-bit words.
const SETS = {
  nofile: [100, 200],
  core: [1234567, 2 ** 40],
  locks: [2n ** 32n, 2n ** 32n + 1n],
  // qemu drops prlimit64 writes to these three (linux-user/syscall.c); the
  // driver expects the change and tolerates exactly that artifact.
  as: [2 ** 36, 2 ** 37],
  data: [2 ** 36, 2 ** 37],
  stack: [2 ** 24, 2 ** 25],
};

function setAll(pid) {
  const out = {};
  for (const [res, [soft, hard]] of Object.entries(SETS)) {
    const big = typeof soft === 'bigint';
    const before = attempt(() => lib.procGetrlimit(pid, res, { bigint: true }));
    const returned = attempt(() =>
      big ? lib.procRlimit(pid, res, [soft, hard], { bigint: true }) : lib.procRlimit(pid, res, [soft, hard]),
    );
    const after = attempt(() => lib.procGetrlimit(pid, res, { bigint: true }));
    out[res] = { requested: plain([soft, hard]), before, returned, after };
  }
  return out;
}

const report = {
  arch: process.arch,
  node: process.version,
  pid: process.pid,
  platform: attempt(() => lib.platform),
  availability: attempt(() => lib.availability),
  pids: attempt(() => {
    const all = lib.pids();
    return { count: all.length, hasTarget: all.includes(target), hasSelf: all.includes(process.pid) };
  }),
  target: readAll(target),
  targetProcess: viaProcess(target),
  self: readAll(process.pid),
  selfProcess: viaProcess(process.pid),
  sets: setAll(target),
};
process.stdout.write(JSON.stringify(report) + '\n');
process.stdin.once('data', () => process.exit(0));
process.stdin.once('end', () => process.exit(0));
