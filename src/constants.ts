// This platform's RLIMIT_* numbers (only those it has) and RLIM_INFINITY.
import { getBackend } from './platform.js';

export interface Constants {
  readonly [name: `RLIMIT_${string}`]: number;
  /** Unlimited, as the number-form limit functions return it. */
  readonly RLIM_INFINITY: number;
  /** Unlimited as the kernel's rlim_t, as `{ bigint: true }` returns it. */
  readonly RLIM_INFINITY_BIGINT: bigint;
}

function build(): Constants {
  const backend = getBackend();
  return Object.freeze({
    ...backend.rlimits,
    RLIM_INFINITY: Infinity,
    RLIM_INFINITY_BIGINT: backend.rlimInfinity,
  });
}

export const constants: Constants = build();
