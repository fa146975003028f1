// `psutil-extra PID...`: a report per process, as text or one JSON array.
// Each PID is shown whole or not at all: one that does not exist, or whose
// facts may not be read, or that the library fails to read, is one failure
// line and exit status 1; the others still print.
import { type NprocShare, type ProcessFacts, REPORT_WANTS, anyAvailable, collectFacts } from './collect.js';
import { type Outcome, describeError } from './failure.js';
import { reportToJson, stringify } from './json.js';
import { localNames } from './names.js';
import { notAvailable } from './platform.js';
import { type View, renderReport } from './report-text.js';

/** How the reports are written: text for a view, or JSON (pretty, or compact for --watch). */
export type Format =
  { readonly kind: 'text'; readonly view: View } | { readonly kind: 'json'; readonly compact: boolean };

export function runReport(pids: readonly number[], format: Format): Outcome {
  const names = localNames();
  const share: NprocShare = new Map();
  const reports: ProcessFacts[] = [];
  const failures: string[] = [];
  const failedPids: number[] = [];
  const fail = (pid: number, reason: string): void => {
    failures.push(`pid ${pid}: ${reason}`);
    failedPids.push(pid);
  };
  for (const pid of pids) {
    if (!anyAvailable(REPORT_WANTS)) {
      fail(pid, `reading a process is ${notAvailable()}`);
      continue;
    }
    try {
      reports.push(collectFacts(pid, REPORT_WANTS, share));
    } catch (err) {
      fail(pid, describeError(err));
    }
  }
  const output =
    format.kind === 'json'
      ? stringify(
          reports.map((r) => reportToJson(r, names)),
          format.compact,
        )
      : reports.map((report) => renderReport(report, names, format.view)).join('\n');
  return { output, failures, failedPids };
}
