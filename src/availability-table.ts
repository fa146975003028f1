// The whole availability table, every platform's row derived from its
// backend. Loading a backend module touches no native code, so this runs on
// any machine; the README table (scripts/availability-table.mjs) and the
// platform tests read it. The library itself only ever needs its own row.
import { type Availability, PLATFORMS, type PlatformId, availabilityOf } from './availability.js';
import { backendOf } from './platform.js';

export function availabilityTable(): Readonly<Record<PlatformId, Availability>> {
  const table = {} as Record<PlatformId, Availability>;
  for (const id of PLATFORMS) table[id] = availabilityOf(backendOf(id));
  return Object.freeze(table);
}
