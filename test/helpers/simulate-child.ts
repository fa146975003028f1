// Runs under simulate-platform.js: imports the built package both ways and
// calls every public function on this process, printing what happened as JSON.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

type Pkg = typeof import('../../src/index.js');
type FunctionName = import('../../src/availability.js').FunctionName;

interface Outcome {
  ok: boolean;
  name?: string;
  code?: unknown;
  message?: string;
}

function attempt(fn: () => unknown): Outcome {
  try {
    fn();
    return { ok: true };
  } catch (err) {
    const e = err as Error & { code?: unknown };
    return { ok: false, name: e.name, code: e.code, message: e.message };
  }
}

async function main(): Promise<void> {
  const dist = resolve(__dirname, '../../../dist');
  const cjs = require(`${dist}/index.js`) as Pkg;
  const esm = (await import(pathToFileURL(`${dist}/index.mjs`).href)) as Pkg;
  const pid = process.pid;
  // Typed by FunctionName: a function added to the library without a call here does not compile.
  const calls: Record<FunctionName, () => unknown> = {
    procGetUmask: () => cjs.procGetUmask(pid),
    procGetgroups: () => cjs.procGetgroups(pid),
    procRlimit: () => cjs.procRlimit(pid, 'RLIMIT_NOFILE', [Infinity, Infinity]),
    procGetrlimit: () => cjs.procGetrlimit(pid, 'RLIMIT_NOFILE'),
    procGetpgid: () => cjs.procGetpgid(pid),
    procGetsid: () => cjs.procGetsid(pid),
    procGetSigmasks: () => cjs.procGetSigmasks(pid),
    procGetName: () => cjs.procGetName(pid),
    procGetUids: () => cjs.procGetUids(pid),
    procGetCmdline: () => cjs.procGetCmdline(pid),
    procGetrlimitUsage: () => cjs.procGetrlimitUsage(pid, 'RLIMIT_NOFILE'),
    procGetAllRlimits: () => cjs.procGetAllRlimits(pid),
    procNumFds: () => cjs.procNumFds(pid),
    pids: () => cjs.pids(),
    processIdentity: () => new cjs.Process(pid).close(),
  };
  const outcomes: Record<string, Outcome> = {};
  for (const [name, call] of Object.entries(calls)) outcomes[name] = attempt(call);
  process.stdout.write(
    JSON.stringify({
      platform: cjs.platform,
      esmPlatform: esm.platform,
      availability: cjs.availability,
      esmAvailability: esm.availability,
      sameClasses: esm.NoSuchProcess === cjs.NoSuchProcess,
      hasConstants: typeof cjs.constants.RLIM_INFINITY_BIGINT === 'bigint',
      outcomes,
    }),
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
