// Setting both limits through NetBSD's proc.PID.rlimit.RES.{soft,hard} nodes:
// one CTLTYPE_QUAD value per sysctl call, so the pair is two writes and not
// atomic. The order keeps soft <= hard at every step (dosetrlimit in
// sys/kern/kern_resource.c answers EINVAL for soft > hard): hard first when it
// rises, soft first otherwise. If the second
// write fails the first is undone; if even that fails, the error says the
// first limit stayed changed.
import type { BigLimits } from '../../limits.js';
import { errorCode, failed } from '../../failures.js';
import { type LimitType, PROC_PID_LIMIT_TYPE_HARD, PROC_PID_LIMIT_TYPE_SOFT } from './constants.js';

export interface LimitNodes {
  read(type: LimitType): bigint;
  write(type: LimitType, value: bigint): void;
}

const LIMIT_TYPE_NAME: Readonly<Record<LimitType, string>> = {
  [PROC_PID_LIMIT_TYPE_SOFT]: 'soft',
  [PROC_PID_LIMIT_TYPE_HARD]: 'hard',
};

/** Sets [soft, hard] and returns the previous pair. */
export function setBothLimits(nodes: LimitNodes, limits: BigLimits): BigLimits {
  const old: BigLimits = [nodes.read(PROC_PID_LIMIT_TYPE_SOFT), nodes.read(PROC_PID_LIMIT_TYPE_HARD)];
  const pick = (type: LimitType, from: BigLimits): bigint => from[type === PROC_PID_LIMIT_TYPE_SOFT ? 0 : 1];
  const [first, second]: [LimitType, LimitType] =
    limits[1] >= old[1]
      ? [PROC_PID_LIMIT_TYPE_HARD, PROC_PID_LIMIT_TYPE_SOFT]
      : [PROC_PID_LIMIT_TYPE_SOFT, PROC_PID_LIMIT_TYPE_HARD];
  nodes.write(first, pick(first, limits));
  try {
    nodes.write(second, pick(second, limits));
  } catch (err) {
    try {
      nodes.write(first, pick(first, old));
    } catch {
      throw failed(
        errorCode(err) ?? 'EIO',
        'sysctl',
        `the ${LIMIT_TYPE_NAME[first]} limit was changed, the ${LIMIT_TYPE_NAME[second]} limit was not, and restoring the ${LIMIT_TYPE_NAME[first]} limit failed`,
      );
    }
    throw err;
  }
  return old;
}
