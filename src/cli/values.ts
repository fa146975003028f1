// How single values print: umask in octal as /proc shows it, limits exactly,
// usage figures, and the "at or above 90% of the soft limit" test. Pure.
import type { LimitValue } from './collect.js';

/** A umask as the four octal digits of /proc/PID/status ("0022"). */
export function formatUmask(umask: number): string {
  return umask.toString(8).padStart(4, '0');
}

export function formatLimit(value: LimitValue): string {
  return typeof value === 'bigint' ? value.toString() : value;
}

/** A usage figure: counts and bytes as integers; CPU seconds with the two decimals the kernel counts in. */
export function formatUsage(resource: string, value: number): string {
  return resource === 'cpu' ? value.toFixed(2) : String(value);
}

/**
 * The share of the soft limit in use, in whole percent, when usage is at or above
 * 90% of it; undefined otherwise and for unlimited soft limits. A soft limit of
 * 0 with any usage is 100% full. Exact for integer figures of any size.
 */
export function nearLimit(usage: number | null | undefined, soft: LimitValue | null | undefined): number | undefined {
  if (typeof usage !== 'number' || soft === null || soft === undefined || soft === 'unlimited') return undefined;
  if (soft === 0n) return 100;
  if (Number.isSafeInteger(usage)) {
    const used = BigInt(usage);
    if (used * 10n < soft * 9n) return undefined;
    return Number((used * 100n) / soft);
  }
  const limit = Number(soft);
  if (usage * 10 < limit * 9) return undefined;
  return Math.floor((usage * 100) / limit);
}
