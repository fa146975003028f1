// `psutil-extra PID...`: a report per process, as text or one JSON array. The
// processes that could not be read become failures; the others still print.
import type { Style } from './color.js';
import { type ProcessReport, collectReport } from './collect.js';
import { Failure, type Outcome, describeError } from './failure.js';
import { reportToJson, stringify } from './json.js';
import { localNames } from './names.js';
import { renderReport } from './report-text.js';
import { usageContext } from './usage.js';

/** `locks` is the text of /proc/locks (see main.ts). */
export function runReport(pids: readonly number[], json: boolean, style: Style, locks: string | undefined): Outcome {
  const names = localNames();
  const ctx = usageContext(locks);
  const reports: ProcessReport[] = [];
  const failures: Failure[] = [];
  for (const pid of pids) {
    try {
      reports.push(collectReport(pid, names, ctx));
    } catch (err) {
      failures.push(new Failure(pid, describeError(err)));
    }
  }
  const output = json
    ? stringify(reports.map(reportToJson))
    : reports.map((report) => renderReport(report, names, style)).join('\n');
  return { output, failures };
}
