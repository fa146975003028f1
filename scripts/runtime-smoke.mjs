// Calls every public function of the built package (dist/index.mjs) against a
// child process and prints the answers as one JSON object, so that runtimes
// can be compared: scripts/test-runtimes.mjs runs it under Node, Bun and Deno.
//   node scripts/runtime-smoke.mjs [PID]
//   bun scripts/runtime-smoke.mjs [PID]
//   deno run -A scripts/runtime-smoke.mjs [PID]
// Without a PID it starts its own child (sleep) and stops it at the end. It
// sets the child's RLIMIT_NOFILE soft limit and puts it back.
// Values that depend on the runtime reading them (how many tasks its user
// runs, which PIDs exist) are reduced to what every runtime must agree on.
import { spawn, spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import * as psx from '../dist/index.mjs';

const {
  procGetUmask,
  procGetgroups,
  procGetrlimit,
  procRlimit,
  procGetpgid,
  procGetsid,
  procGetSigmasks,
  procGetName,
  procGetUids,
  procGetCmdline,
  procNumFds,
  procGetrlimitUsage,
  procGetAllRlimits,
  pids,
  procAsDict,
  oneshotProc,
  Process,
  NoSuchProcess,
} = psx;

let child;
let pid = Number(process.argv[2]);
if (!Number.isInteger(pid) || pid <= 0) {
  child = spawn('sleep', ['1000'], { stdio: 'ignore' });
  pid = child.pid;
  // Let exec finish, so that name and command line are sleep's.
  for (let i = 0; i < 200 && procGetName(pid) !== 'sleep'; i++) await sleep(5);
}

const masks = (m) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v.toArray()]));
// nproc counts every task of the user, the runtime's own threads included.
const stableUsage = (all) =>
  Object.fromEntries(Object.entries(all).map(([k, v]) => [k, k === 'nproc' ? { ...v, usage: typeof v.usage } : v]));
const inf = (pair) => pair.map((v) => (v === Infinity ? 'Infinity' : v));
const errorOf = (fn) => {
  try {
    fn();
    return 'no error';
  } catch (err) {
    return { name: err.name, code: err.code, isNoSuchProcess: err instanceof NoSuchProcess };
  }
};

const out = {};
try {
  out.procGetUmask = procGetUmask(pid);
  out.procGetgroups = procGetgroups(pid);
  out.procGetrlimit = inf(procGetrlimit(pid, 'nofile'));
  out.procGetrlimitBigint = procGetrlimit(pid, 'core', { bigint: true }).map(String);
  const [soft, hard] = procGetrlimit(pid, 'nofile');
  out.procRlimitRead = inf(procRlimit(pid, 'nofile'));
  out.procRlimitSet = inf(procRlimit(pid, 'nofile', [Math.min(soft, 64), hard]));
  out.procRlimitAfterSet = inf(procGetrlimit(pid, 'nofile'));
  out.procRlimitRestore = inf(procRlimit(pid, 'nofile', [soft, hard]));
  out.procGetpgid = procGetpgid(pid);
  out.procGetsid = procGetsid(pid);
  out.procGetSigmasks = masks(procGetSigmasks(pid));
  out.procGetName = procGetName(pid);
  out.procGetUids = procGetUids(pid);
  out.procGetCmdline = procGetCmdline(pid);
  out.procNumFds = procNumFds(pid);
  out.procGetrlimitUsage = procGetrlimitUsage(pid, 'nofile');
  out.procGetAllRlimits = JSON.parse(
    JSON.stringify(stableUsage(procGetAllRlimits(pid)), (_k, v) => (v === Infinity ? 'Infinity' : v)),
  );
  const all = pids();
  out.pids = {
    hasChild: all.includes(pid),
    hasSelf: all.includes(process.pid),
    ascending: all.every((p, i) => i === 0 || all[i - 1] < p),
  };
  out.procAsDict = JSON.parse(
    JSON.stringify(
      procAsDict(pid, { attrs: ['umask', 'groups', 'sigmasks', 'pgid', 'sid', 'name', 'uids', 'cmdline', 'numFds'] }),
    ),
  );
  out.oneshotProc = oneshotProc(pid, () => [procGetUmask(pid), procGetgroups(pid), procGetName(pid)]);
  const p = new Process(pid);
  try {
    out.Process = {
      pid: p.pid === pid,
      isRunning: p.isRunning(),
      getUmask: p.getUmask(),
      getgroups: p.getgroups(),
      getpgid: p.getpgid(),
      getsid: p.getsid(),
      getSigmasks: masks(p.getSigmasks()),
      name: p.name(),
      uids: p.uids(),
      cmdline: p.cmdline(),
      numFds: p.numFds(),
      getrlimit: inf(p.getrlimit('nofile')),
      rlimit: inf(p.rlimit('nofile')),
      getrlimitUsage: p.getrlimitUsage('nofile'),
      asDict: JSON.parse(JSON.stringify(p.asDict())),
      oneshot: p.oneshot(() => p.getpgid()),
    };
  } finally {
    p.close();
  }
  const dead = spawnSync('true').pid;
  out.deadPid = errorOf(() => procGetpgid(dead));
  out.badArgument = errorOf(() => procGetpgid('1'));
} finally {
  child?.kill();
}
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
