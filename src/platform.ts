// Detects the OS once and loads its backend on first use. Node reports NetBSD
// and DragonFly inconsistently across builds, and illumos and Solaris both as
// 'sunos', so os.type() settles the BSDs.
import { type } from 'node:os';
import type { PlatformId } from './availability.js';
import type { Backend } from './backends/backend.js';

export function detectPlatform(platform: string = process.platform, osType: string = type()): PlatformId {
  if (osType === 'DragonFly') return 'dragonfly';
  if (osType === 'NetBSD') return 'netbsd';
  switch (platform) {
    case 'linux':
    case 'darwin':
    case 'freebsd':
    case 'openbsd':
    case 'netbsd':
    case 'sunos':
      return platform;
    default:
      return 'other';
  }
}

// Each loader requires only its own backend's modules: importing the package
// on any platform touches no native code.
const LOADERS: Readonly<Record<PlatformId, () => Backend>> = {
  linux: () => (require('./backends/linux/index.js') as typeof import('./backends/linux/index.js')).linuxBackend,
  darwin: () => (require('./backends/darwin/index.js') as typeof import('./backends/darwin/index.js')).darwinBackend,
  freebsd: () =>
    (require('./backends/freebsd/index.js') as typeof import('./backends/freebsd/index.js')).freebsdBackend,
  openbsd: () =>
    (require('./backends/openbsd/index.js') as typeof import('./backends/openbsd/index.js')).openbsdBackend,
  netbsd: () => (require('./backends/netbsd/index.js') as typeof import('./backends/netbsd/index.js')).netbsdBackend,
  dragonfly: () =>
    (require('./backends/dragonfly/index.js') as typeof import('./backends/dragonfly/index.js')).dragonflyBackend,
  sunos: () => (require('./backends/sunos/index.js') as typeof import('./backends/sunos/index.js')).sunosBackend,
  other: unsupported,
};

function unsupported(): Backend {
  return (require('./backends/unsupported.js') as typeof import('./backends/unsupported.js')).unsupportedBackend;
}

/** The backend of a platform, whichever this machine is: for the availability table. */
export function backendOf(id: PlatformId): Backend {
  return LOADERS[id]();
}

let backend: Backend | undefined;

/** This platform's backend, chosen on first use and kept. */
export function getBackend(): Backend {
  backend ??= LOADERS[detectPlatform()]();
  return backend;
}
