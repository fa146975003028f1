// What this platform offers the command: the library's `availability`, and
// the platform's name as users know it, for "not available on macOS".
import { availability, platformName as name } from '../index.js';

/** A function whose support depends on the platform (the keys of `availability`). */
export type LibraryFunction = keyof typeof availability;

/** This platform's name, as the library's own messages give it: 'macOS', 'FreeBSD', 'Windows'. */
export function platformName(): string {
  return name;
}

/** Whether every one of the functions is available here. */
export function available(...fns: readonly LibraryFunction[]): boolean {
  return fns.every((fn) => availability[fn]);
}

/** 'not available on macOS'. */
export function notAvailable(): string {
  return `not available on ${platformName()}`;
}
