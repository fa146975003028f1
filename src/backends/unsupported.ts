// The backend of a platform this library has no kernel access for (Windows and
// anything unknown): it imports cleanly and every operation says ENOTSUP.
import { AVAILABILITY } from '../availability.js';
import { OsError } from '../os-error.js';
import type { Backend } from './backend.js';

function refuse(fn: string): never {
  throw new OsError('ENOTSUP', fn, { detail: `${fn}() is not available on ${process.platform}` });
}

export const unsupportedBackend: Backend = {
  platform: process.platform,
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
