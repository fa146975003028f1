// Pure parsers for the text files the command reads for itself: the usage
// fields of /proc/PID/status and /proc/PID/stat, /proc/locks (proc(5)), and
// /etc/passwd and /etc/group (passwd(5), group(5)).

/** The /proc/PID/status fields the command uses; each undefined when absent. */
export interface StatusFields {
  name?: string;
  realUid?: number;
  effectiveUid?: number;
  threads?: number;
  /** VmSize, VmData, VmStk, VmLck, VmRSS in bytes (the kernel prints kB). */
  vmSize?: bigint;
  vmData?: bigint;
  vmStk?: bigint;
  vmLck?: bigint;
  vmRss?: bigint;
  /** The first half of SigQ: signals queued for the process's real uid. */
  sigQueued?: bigint;
}

const VM_FIELDS = { VmSize: 'vmSize', VmData: 'vmData', VmStk: 'vmStk', VmLck: 'vmLck', VmRSS: 'vmRss' } as const;

/** Parses the lines of /proc/PID/status the command needs. */
export function parseStatusFields(text: string): StatusFields {
  const out: StatusFields = {};
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const key = line.slice(0, colon);
    const value = line.slice(colon + 1).trim();
    if (key === 'Name') {
      // The kernel escapes newlines and backslashes in comm (proc_task_name).
      out.name = value;
    } else if (key === 'Uid') {
      const [real, effective] = value.split(/\s+/);
      out.realUid = toInt(real);
      out.effectiveUid = toInt(effective);
    } else if (key === 'Threads') {
      out.threads = toInt(value);
    } else if (key === 'SigQ') {
      const queued = value.split('/')[0];
      if (queued !== undefined && /^[0-9]+$/.test(queued)) out.sigQueued = BigInt(queued);
    } else if (Object.hasOwn(VM_FIELDS, key)) {
      const match = /^([0-9]+) kB$/.exec(value);
      if (match) out[VM_FIELDS[key as keyof typeof VM_FIELDS]] = BigInt(match[1]!) * 1024n;
    }
  }
  return out;
}

/**
 * Only the real uid and thread count of a status, found in the bytes: the NPROC
 * sum reads every process's status, so it builds no strings.
 */
export function parseRealUidThreads(status: Buffer): { realUid: number; threads: number } | undefined {
  const realUid = numberAfter(status, UID);
  const threads = numberAfter(status, THREADS);
  return realUid === undefined || threads === undefined ? undefined : { realUid, threads };
}

const UID = Buffer.from('\nUid:\t');
const THREADS = Buffer.from('\nThreads:\t');

// The decimal number right after `key`, or undefined when the key is absent.
function numberAfter(buf: Buffer, key: Buffer): number | undefined {
  const at = buf.indexOf(key);
  if (at < 0) return undefined;
  let i = at + key.length;
  let value = 0;
  for (; i < buf.length && buf[i]! >= 48 && buf[i]! <= 57; i++) value = value * 10 + (buf[i]! - 48);
  return i === at + key.length ? undefined : value;
}

/**
 * utime + stime from /proc/PID/stat in clock ticks (fields 14 and 15). The
 * fields are counted after the last ')' because comm may contain spaces and
 * parentheses.
 */
export function parseCpuTicks(text: string): bigint | undefined {
  const close = text.lastIndexOf(')');
  if (close < 0) return undefined;
  // After ") " come field 3 (state) onwards, so utime (14) is index 11.
  const fields = text.slice(close + 2).split(' ');
  const utime = fields[11];
  const stime = fields[12];
  if (utime === undefined || stime === undefined || !/^[0-9]+$/.test(utime) || !/^[0-9]+$/.test(stime)) {
    return undefined;
  }
  return BigInt(utime) + BigInt(stime);
}

/**
 * The locks /proc/locks shows as held by pid. Lines of waiting requests
 * ("N: -> FLOCK ...") are not locks held; OFD locks belong to no process (-1).
 */
export function countLocks(text: string, pid: number): number {
  let count = 0;
  for (const line of text.split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields[1] === '->') continue;
    if (fields[4] === String(pid)) count++;
  }
  return count;
}

/** id → name from /etc/passwd or /etc/group (name is field 1, the id field 3); the first entry wins. */
export function parseIdNames(text: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const fields = line.split(':');
    const name = fields[0];
    const id = toInt(fields[2]);
    if (name && id !== undefined && !out.has(id)) out.set(id, name);
  }
  return out;
}

function toInt(text: string | undefined): number | undefined {
  return text !== undefined && /^[0-9]+$/.test(text) ? Number(text) : undefined;
}
