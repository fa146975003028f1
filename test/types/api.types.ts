// Type tests for the public API: checked by `tsc` during `npm test`'s build,
// never run. A wrong overload or a widened return type fails the build.
/* eslint-disable @typescript-eslint/no-unused-vars -- the values below exist only to have their types checked */
import {
  type BigLimits,
  type Limits,
  type Sigmasks,
  Process,
  constants,
  procAsDict,
  procGetrlimit,
  procRlimit,
  procGetgroups,
  oneshotProc,
  type RlimitUsage,
  type SignalSet,
  type Uids,
  type pids,
  procGetAllRlimits,
  type procGetCmdline,
  type procGetName,
  type procGetUids,
  type procGetrlimitUsage,
  type procNumFds,
  type AccessDenied,
  type NoSuchProcess,
  type ZombieProcess,
  type ResourceName,
} from '../../src/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(): T | undefined {
  return undefined;
}

export function checks(pid: number, child: import('node:child_process').ChildProcess): void {
  expectType<Equal<ReturnType<typeof procGetgroups>, number[]>>();
  const a = procGetrlimit(pid, 'nofile');
  expectType<Equal<typeof a, Limits>>();
  const b = procGetrlimit(pid, constants.RLIMIT_NOFILE!, { bigint: true });
  expectType<Equal<typeof b, BigLimits>>();
  const c = procRlimit(child, 'nofile', [1024, Infinity]);
  expectType<Equal<typeof c, Limits>>();
  const d = procRlimit(process, 'nofile', [1n, -1n], { bigint: true });
  expectType<Equal<typeof d, BigLimits>>();
  const e = procAsDict(pid, { attrs: ['umask', 'sigmasks'], adValue: 'n/a' as const });
  expectType<Equal<typeof e, { umask: number | 'n/a'; sigmasks: Sigmasks | 'n/a' }>>();
  const f = procAsDict(pid);
  expectType<Equal<typeof f.groups, number[] | null>>();
  const g = oneshotProc(pid, async () => 5);
  expectType<Equal<typeof g, Promise<number>>>();
  const p = new Process(pid);
  const h = p.rlimit('core', [0, 0], { bigint: true });
  expectType<Equal<typeof h, BigLimits>>();
  expectType<Equal<ReturnType<typeof procGetrlimitUsage>, number | undefined>>();
  expectType<Equal<ReturnType<typeof procNumFds>, number>>();
  expectType<Equal<ReturnType<typeof pids>, number[]>>();
  expectType<Equal<ReturnType<typeof procGetName>, string>>();
  expectType<Equal<ReturnType<typeof procGetUids>, Uids>>();
  expectType<Equal<ReturnType<typeof procGetCmdline>, string[]>>();
  const all = procGetAllRlimits(pid);
  expectType<Equal<typeof all, Record<string, RlimitUsage>>>();
  const allBig = procGetAllRlimits(pid, { bigint: true });
  expectType<Equal<typeof allBig, Record<string, RlimitUsage<bigint>>>>();
  expectType<Equal<RlimitUsage['usage'], number | null | undefined>>();
  expectType<Equal<Sigmasks['blocked'], SignalSet>>();
  const masks: ReadonlySet<number> = procAsDict(pid).sigmasks!.caught;
  const named = procAsDict(pid, { attrs: ['name', 'numFds'] });
  expectType<Equal<typeof named, { name: string | null; numFds: number | null }>>();
  expectType<Equal<ReturnType<Process['numFds']>, number>>();
  expectType<Equal<ReturnType<Process['name']>, string>>();
  // @ts-expect-error a SignalSet cannot be changed
  // eslint-disable-next-line @typescript-eslint/no-unsafe-call -- the call must not type-check
  procAsDict(pid).sigmasks!.caught.add(1);
  // @ts-expect-error a string is not a PID
  procGetgroups('1');
  // @ts-expect-error three limits
  procRlimit(pid, 'nofile', [1, 2, 3]);
  // @ts-expect-error unknown attr
  procAsDict(pid, { attrs: ['nope'] });

  // Resource names: every spelling of a known name, numbers, and values typed only as string.
  procGetrlimit(pid, 'nofile');
  procGetrlimit(pid, 'NOFILE');
  procGetrlimit(pid, 'RLIMIT_NOFILE');
  procGetrlimit(pid, 'rlimit_nofile');
  procGetrlimit(pid, 7);
  procGetrlimit(pid, 'vmem' as ResourceName);
  procGetrlimit(pid, String(process.argv[2]));
  // @ts-expect-error a misspelt resource name
  procGetrlimit(pid, 'nofiel');
  // @ts-expect-error a misspelt resource name, bigint form
  procGetrlimit(pid, 'RLIMIT_NOFLIE', { bigint: true });
  // @ts-expect-error a misspelt resource name
  procRlimit(pid, 'nofiel', [1, 2]);
  // @ts-expect-error a misspelt resource name
  procGetrlimitUsageFn(pid, 'nofiel');
  // @ts-expect-error a misspelt resource name
  p.getrlimit('nofiel');
  // @ts-expect-error a misspelt resource name
  p.rlimit('cor', [0, 0]);
  // @ts-expect-error a misspelt resource name
  p.getrlimitUsage('nofiel');
  // @ts-expect-error not a resource at all
  procGetrlimit(pid, true);
  // Constants: each key spelled out, present or not on this platform.
  const as: number | undefined = constants.RLIMIT_AS;
  const inf: number = constants.RLIM_INFINITY;
  // @ts-expect-error a misspelt constant
  void constants.RLIMIT_NOFLIE;
  // new Process and oneshotProc take what every function takes.
  const fromChild = new Process(child);
  const self = new Process();
  const viaChild: number = oneshotProc(child, () => 1);
  // @ts-expect-error a string is not a PID
  new Process('1');
  // Errors: literal codes.
  expectType<Equal<NoSuchProcess['code'], 'ESRCH'>>();
  expectType<Equal<ZombieProcess['code'], 'ESRCH'>>();
  expectType<Equal<AccessDenied['code'], 'EPERM' | 'EACCES'>>();
}

declare const procGetrlimitUsageFn: typeof procGetrlimitUsage;
