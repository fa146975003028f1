// `--set RESOURCE=LIMIT PID`: prlimit --pid. Every resource is checked before
// the first change; each change fills the halves the spec leaves out from the
// current limits, checks soft <= hard, sets both at once, and prints the old
// and new values (read back from the kernel).
import { constants, procGetrlimit, procRlimit } from '../index.js';
import { UsageError, type SetRequest } from './args.js';
import type { Style } from './color.js';
import { type LimitValue, toLimitValue } from './collect.js';
import { type Column, tableText } from './columns.js';
import { Failure, type Outcome, describeError } from './failure.js';
import { stringify } from './json.js';
import { type LimitPart, softWithinHard } from './limit-spec.js';
import { available, notAvailable } from './platform.js';
import { resourceNames } from './resources.js';
import { formatLimit } from './values.js';

interface Change {
  readonly resource: string;
  readonly old: readonly [LimitValue, LimitValue];
  readonly now: readonly [LimitValue, LimitValue];
}

const COLUMNS: readonly Column[] = [
  { header: 'RESOURCE', align: 'left' },
  { header: 'OLD SOFT', align: 'right' },
  { header: 'OLD HARD', align: 'right' },
  { header: 'NEW SOFT', align: 'right' },
  { header: 'NEW HARD', align: 'right' },
];

/** Applies the changes in order; stops at the first failure, printing what was done. */
export function runSet(pid: number, sets: readonly SetRequest[], json: boolean, style: Style): Outcome {
  if (!available('procRlimit')) return { output: '', failures: [`pid ${pid}: setting limits is ${notAvailable()}`] };
  const known = resourceNames(Object.keys(constants));
  const resources = sets.map((set) => checkResource(set, known));
  const changes: Change[] = [];
  const failures: string[] = [];
  for (const [i, set] of sets.entries()) {
    try {
      changes.push(apply(pid, resources[i]!, set));
    } catch (err) {
      failures.push(
        err instanceof Failure ? err.message : `pid ${pid}: cannot set ${resources[i]}: ${describeError(err)}`,
      );
      break;
    }
  }
  return { output: json ? changesJson(pid, changes) : changesText(changes, style), failures };
}

function checkResource(set: SetRequest, known: readonly string[]): string {
  const name = set.resource.toLowerCase().replace(/^rlimit_/, '');
  if (!known.includes(name)) {
    throw new UsageError(`unknown resource '${set.resource}' in --set '${set.text}'; one of: ${known.join(' ')}`);
  }
  return name;
}

function apply(pid: number, resource: string, set: SetRequest): Change {
  const [curSoft, curHard] = procGetrlimit(pid, resource, { bigint: true }).map(toLimitValue) as [
    LimitValue,
    LimitValue,
  ];
  const soft = fill(set.spec.soft, curSoft);
  const hard = fill(set.spec.hard, curHard);
  if (!softWithinHard(soft, hard)) {
    throw new Failure(
      pid,
      `cannot set ${resource}: soft limit ${formatLimit(soft)} would exceed hard limit ${formatLimit(hard)}`,
    );
  }
  const old = procRlimit(pid, resource, [toKernel(soft), toKernel(hard)], { bigint: true });
  const now = procGetrlimit(pid, resource, { bigint: true });
  return {
    resource,
    old: [toLimitValue(old[0]), toLimitValue(old[1])],
    now: [toLimitValue(now[0]), toLimitValue(now[1])],
  };
}

function fill(part: LimitPart, current: LimitValue): LimitValue {
  return part === 'keep' ? current : part;
}

function toKernel(value: LimitValue): bigint {
  return value === 'unlimited' ? constants.RLIM_INFINITY_BIGINT : value;
}

function changesText(changes: readonly Change[], style: Style): string {
  if (changes.length === 0) return '';
  const rows = changes.map((c) => [c.resource.toUpperCase(), ...[...c.old, ...c.now].map(formatLimit)]);
  return tableText(COLUMNS, rows, { styleHeader: style.bold });
}

function changesJson(pid: number, changes: readonly Change[]): string {
  return stringify(
    changes.map((c) => ({
      pid,
      resource: c.resource,
      old: { soft: c.old[0], hard: c.old[1] },
      new: { soft: c.now[0], hard: c.now[1] },
    })),
  );
}
