// How single values print: umask in octal as /proc shows it, limits exactly,
// usage figures, and the "at or above 90% of the soft limit" test. Pure.
import type { LimitValue } from './collect.js';
import type { Usage } from './usage.js';

/** A umask as the four octal digits of /proc/PID/status ("0022"). */
export function formatUmask(umask: number): string {
  return umask.toString(8).padStart(4, '0');
}

export function formatLimit(value: LimitValue): string {
  return typeof value === 'bigint' ? value.toString() : value;
}

/** bigints exactly; CPU seconds with their two decimals of USER_HZ ticks. */
export function formatUsage(value: Usage): string {
  return typeof value === 'bigint' ? value.toString() : value.toFixed(2);
}

/**
 * The share of the soft limit in use, in whole percent, when usage is at or above
 * 90% of it; undefined otherwise and for unlimited soft limits. A soft limit of
 * 0 with any usage is 100% full.
 */
export function nearLimit(usage: Usage | null, soft: LimitValue | null): number | undefined {
  if (usage === null || soft === null || soft === 'unlimited') return undefined;
  if (soft === 0n) return 100;
  if (typeof usage === 'bigint') {
    if (usage * 10n < soft * 9n) return undefined;
    return Number((usage * 100n) / soft);
  }
  const limit = Number(soft);
  if (usage * 10 < limit * 9) return undefined;
  return Math.floor((usage * 100) / limit);
}
