// Loads the built package in a child Node whose process.platform and os.type()
// claim another OS (helpers/simulate-platform.ts), for every platform the
// library knows. Checks that the import succeeds, that `availability` is the
// table below, and that each call either reaches that OS's backend and fails
// cleanly here (its C library or procfs is absent: ENOTSUP saying which) or is
// refused with ENOTSUP naming the function and the platform. The child must
// exit normally: a crash or a signal (SIGSEGV from a foreign struct) fails.
// Covers src/platform.ts's choice of backend (platform.test.ts covers its
// detection), and through it the package entry and every backend's index.ts.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { FUNCTIONS, type FunctionName } from '../../src/availability.js';
import { BUILD } from '../helpers/paths.js';

const HELPERS = join(BUILD, 'test', 'helpers');

// Which functions each platform offers, typed in row by row rather than read
// from src/availability.ts, so that changing one without the other fails here.
const EXPECTED_AVAILABILITY: Readonly<Record<FunctionName, readonly string[]>> = {
  procGetUmask: ['linux', 'freebsd'],
  procGetgroups: ['linux', 'darwin', 'freebsd', 'openbsd', 'netbsd', 'dragonfly', 'sunos'],
  procRlimit: ['linux', 'freebsd', 'netbsd'],
  procGetrlimit: ['linux', 'freebsd', 'netbsd', 'dragonfly'],
  procGetpgid: ['linux', 'darwin', 'freebsd', 'openbsd', 'netbsd', 'dragonfly', 'sunos'],
  procGetsid: ['linux', 'darwin', 'freebsd', 'openbsd', 'netbsd', 'dragonfly', 'sunos'],
  procGetSigmasks: ['linux', 'darwin', 'freebsd', 'openbsd', 'netbsd'],
  procGetName: ['linux', 'darwin', 'freebsd', 'openbsd', 'netbsd', 'dragonfly', 'sunos'],
  procGetUids: ['linux', 'darwin', 'freebsd', 'openbsd', 'netbsd', 'dragonfly', 'sunos'],
  procGetCmdline: ['linux', 'darwin', 'freebsd', 'openbsd', 'netbsd', 'dragonfly'],
  procGetrlimitUsage: ['linux', 'darwin', 'freebsd', 'openbsd', 'netbsd', 'dragonfly', 'sunos'],
  procGetAllRlimits: ['linux', 'freebsd', 'netbsd', 'dragonfly'],
  procNumFds: ['linux', 'darwin', 'freebsd', 'openbsd', 'netbsd', 'dragonfly', 'sunos'],
  pids: ['linux', 'darwin', 'freebsd', 'openbsd', 'netbsd', 'dragonfly', 'sunos'],
  processIdentity: ['linux', 'darwin', 'freebsd', 'openbsd', 'netbsd', 'dragonfly', 'sunos'],
};

interface Outcome {
  ok: boolean;
  name?: string;
  code?: unknown;
  message?: string;
}
interface Report {
  platform: string;
  esmPlatform: string;
  availability: Record<string, boolean>;
  esmAvailability: Record<string, boolean>;
  sameClasses: boolean;
  hasConstants: boolean;
  outcomes: Record<string, Outcome>;
}

function simulate(platform: string, osType: string, mode: 'koffi-first' | 'plain'): Report {
  const child = spawnSync(
    process.execPath,
    ['--require', `${HELPERS}/simulate-platform.js`, `${HELPERS}/simulate-child.js`],
    {
      env: { ...process.env, PSUTIL_EXTRA_SIMULATE: `${platform}:${osType}:${mode}` },
      encoding: 'utf8',
      timeout: 30_000,
    },
  );
  assert.equal(child.signal, null, `child killed by ${child.signal}: ${child.stderr}`);
  assert.equal(child.status, 0, `child failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as Report;
}

// What reaching a backend here looks like: that OS's C library, koffi or procfs is missing.
const REACHED = /C library|koffi|procfs|psinfo/;

const CASES: readonly [id: string, platform: string, osType: string, name: string][] = [
  ['darwin', 'darwin', 'Darwin', 'macOS'],
  ['freebsd', 'freebsd', 'FreeBSD', 'FreeBSD'],
  ['openbsd', 'openbsd', 'OpenBSD', 'OpenBSD'],
  ['netbsd', 'netbsd', 'NetBSD', 'NetBSD'],
  ['dragonfly', 'freebsd', 'DragonFly', 'DragonFly BSD'],
  ['sunos', 'sunos', 'SunOS', 'Solaris/illumos'],
];

// The premise is a host without those OSes' C libraries and procfs: Linux.
// On a real BSD or macOS host (CI) the live tests cover the real backend.
const LINUX_HOST = process.platform === 'linux';

describe('every platform, simulated on this machine', { skip: !LINUX_HOST && 'simulation runs on Linux hosts' }, () => {
  for (const mode of ['koffi-first', 'plain'] as const) {
    for (const [id, platform, osType, name] of CASES) {
      it(`${name} (${mode === 'plain' ? 'koffi unloadable' : 'koffi loaded, OS library absent'})`, () => {
        const report = simulate(platform, osType, mode);
        assert.equal(report.platform, id);
        assert.equal(report.esmPlatform, id);
        assert.ok(report.sameClasses && report.hasConstants);
        for (const fn of FUNCTIONS) {
          const expected = EXPECTED_AVAILABILITY[fn].includes(id);
          assert.equal(report.availability[fn], expected, `${name} availability.${fn}`);
          assert.equal(report.esmAvailability[fn], expected);
          const outcome = report.outcomes[fn]!;
          assert.equal(outcome.ok, false, `${name} ${fn} cannot succeed on Linux`);
          assert.equal(outcome.code, 'ENOTSUP', `${name} ${fn}: ${outcome.message}`);
          if (expected) {
            assert.match(outcome.message ?? '', REACHED, `${name} ${fn} reached its backend`);
            assert.doesNotMatch(outcome.message ?? '', /is not available on/);
          } else {
            assert.match(
              outcome.message ?? '',
              new RegExp(`${fn}\\(\\) is not available on ${name.replace('/', '\\/')}`),
            );
          }
        }
        if (id === 'sunos' || mode === 'plain') return;
        // koffi itself loaded: the failure names the OS's own C library.
        assert.match(report.outcomes.procGetgroups!.message ?? '', new RegExp(`${name} C library`));
      });
    }
  }

  it('Windows: the module imports, nothing is available, every call is ENOTSUP naming function and platform', () => {
    const report = simulate('win32', 'Windows_NT', 'plain');
    assert.equal(report.platform, 'other');
    for (const fn of FUNCTIONS) {
      assert.equal(report.availability[fn], false);
      const outcome = report.outcomes[fn]!;
      assert.equal(outcome.code, 'ENOTSUP');
      const label = fn === 'processIdentity' ? 'Process' : fn;
      assert.match(outcome.message ?? '', new RegExp(`${label}\\(\\) is not available on Windows`));
    }
  });

  it('an unknown platform (AIX) is refused the same way', () => {
    const report = simulate('aix', 'AIX', 'plain');
    assert.equal(report.platform, 'other');
    assert.ok(FUNCTIONS.every((fn) => report.outcomes[fn]!.code === 'ENOTSUP'));
  });

  it('Linux through the same harness: the real backend answers', () => {
    const report = simulate('linux', 'Linux', 'plain');
    assert.equal(report.platform, 'linux');
    for (const fn of FUNCTIONS) {
      assert.equal(report.availability[fn], EXPECTED_AVAILABILITY[fn].includes('linux'));
      if (fn === 'procRlimit') continue; // raising this process's hard limit needs CAP_SYS_RESOURCE here
      assert.equal(report.outcomes[fn]!.ok, true, `${fn}: ${report.outcomes[fn]!.message}`);
    }
  });
});
