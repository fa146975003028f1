// The backend of a platform this library has no kernel access for (Windows and
// anything unknown): it imports cleanly and has no operations, so every
// function answers ENOTSUP naming the platform.
import type { Backend } from './backend.js';

export const unsupportedBackend: Backend = {
  // Messages name the platform as users know it: Windows rather than win32.
  platform: process.platform === 'win32' ? 'Windows' : process.platform,
  rlimits: {},
  rlimInfinity: (1n << 64n) - 1n,
  maxPid: 0x7fffffff,
  diagnose: () => 'unknown',
};
