// This platform's RLIMIT_* numbers (only those it has) and RLIM_INFINITY.
import type { ResourceBaseName } from './limits.js';
import { getBackend } from './platform.js';

/**
 * This platform's RLIMIT_* numbers, each key spelled out so that a misspelt
 * one is a type error. A platform has only some of them: a key it lacks is
 * absent, hence optional.
 */
export type RlimitConstants = { readonly [K in ResourceBaseName as `RLIMIT_${K}`]?: number };

export interface Constants extends RlimitConstants {
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
