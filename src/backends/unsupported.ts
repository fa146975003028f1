// The backend of a platform this library has no kernel access for (Windows and
// anything unknown): it imports cleanly and every operation says ENOTSUP.
import { AVAILABILITY } from '../availability.js';
import type { Backend } from './backend.js';
import { refuse as refuseOn } from './refuse.js';

// Messages name the platform as users know it: Windows rather than win32.
const PLATFORM = process.platform === 'win32' ? 'Windows' : process.platform;
const refuse = (fn: string): never => refuseOn(fn, PLATFORM);

export const unsupportedBackend: Backend = {
  platform: PLATFORM,
  availability: AVAILABILITY.other,
  rlimits: {},
  rlimInfinity: (1n << 64n) - 1n,
  maxPid: 0x7fffffff,
  getUmask: () => refuse('procGetUmask'),
  getGroups: () => refuse('procGetgroups'),
  getRlimit: () => refuse('procGetrlimit'),
  setRlimit: () => refuse('procRlimit'),
  getPgid: () => refuse('procGetpgid'),
  getSid: () => refuse('procGetsid'),
  getSigmasks: () => refuse('procGetSigmasks'),
  hold: () => refuse('Process'),
  diagnose: () => 'unknown',
};
