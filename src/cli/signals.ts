// Signal names as the command prints them: the library's own (signalName,
// the names SignalSet#names() gives), so the report and the API agree.
import { signalName } from '../index.js';

export { signalName };

/** A set of signals as names in numeric order. */
export function signalNames(signals: Iterable<number>): string[] {
  return [...signals].sort((a, b) => a - b).map(signalName);
}
