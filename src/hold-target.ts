// Which pinned target each open Process reads through. The facade looks a
// handle up here by identity instead of reading a property of its argument: a
// look-alike object or a Proxy can neither forge a pinned directory nor run a
// getter on the way, and a handle always reads the process it was made for.
import type { Target } from './backends/backend.js';

const targets = new WeakMap<object, () => Target>();

/** Records how `owner` (a Process) produces its pinned target. */
export function registerTarget(owner: object, target: () => Target): void {
  targets.set(owner, target);
}

/** The target producer of a Process, or undefined for any other value. */
export function heldTarget(proc: unknown): (() => Target) | undefined {
  return typeof proc === 'object' && proc !== null ? targets.get(proc) : undefined;
}
