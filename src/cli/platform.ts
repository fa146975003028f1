// What this platform offers the command: the library's `availability`, and
// the platform's name as users know it, for "not available on macOS".
import { availability, platform } from '../index.js';

/** A function whose support depends on the platform (the keys of `availability`). */
export type LibraryFunction = keyof typeof availability;

// The library names its platforms by id; these are the names its own
// messages use (src/availability.ts's PLATFORM_NAMES is not public).
const NAMES: Readonly<Record<string, string>> = {
  linux: 'Linux',
  darwin: 'macOS',
  freebsd: 'FreeBSD',
  openbsd: 'OpenBSD',
  netbsd: 'NetBSD',
  dragonfly: 'DragonFly BSD',
  sunos: 'Solaris/illumos',
};

/** This platform's name: 'macOS', 'FreeBSD', 'Windows'. */
export function platformName(): string {
  return NAMES[platform] ?? (process.platform === 'win32' ? 'Windows' : process.platform);
}

/** Whether every one of the functions is available here. */
export function available(...fns: readonly LibraryFunction[]): boolean {
  return fns.every((fn) => availability[fn]);
}

/** 'not available on macOS'. */
export function notAvailable(): string {
  return `not available on ${platformName()}`;
}
