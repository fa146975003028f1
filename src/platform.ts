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

// Each loader requires only its own backend's modules.
const LOADERS: Readonly<Record<PlatformId, () => Backend>> = {
  linux: () => (require('./backends/linux/index.js') as typeof import('./backends/linux/index.js')).linuxBackend,
  darwin: unsupported,
  freebsd: unsupported,
  openbsd: unsupported,
  netbsd: unsupported,
  dragonfly: unsupported,
  sunos: unsupported,
  other: unsupported,
};

function unsupported(): Backend {
  return (require('./backends/unsupported.js') as typeof import('./backends/unsupported.js')).unsupportedBackend;
}

let backend: Backend | undefined;

/** This platform's backend, chosen on first use and kept. */
export function getBackend(): Backend {
  backend ??= LOADERS[detectPlatform()]();
  return backend;
}
