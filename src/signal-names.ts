// Signal numbers → names, as `kill -l` prints them. On Linux: signal(7) and
// the numbers of include/uapi/asm-generic/signal.h (shared by x86, arm and
// riscv); real-time signals follow glibc, whose SIGRTMIN is 34: the C library
// keeps the kernel's first two real-time signals, 32 and 33, for its threads
// (NPTL's SIGCANCEL and SIGSETXID), so no program can name them. They print
// as SIG32 and SIG33; 34–49 as SIGRTMIN+n and 50–64 as SIGRTMAX-n, exactly as
// bash's `kill -l` does, so every printed name can be given back to `kill -s`.
// Elsewhere: the names Node knows for this platform (os.constants.signals),
// and SIGn for a number it does not name.
import { constants } from 'node:os';

const LINUX_STANDARD = [
  'SIGHUP',
  'SIGINT',
  'SIGQUIT',
  'SIGILL',
  'SIGTRAP',
  'SIGABRT',
  'SIGBUS',
  'SIGFPE',
  'SIGKILL',
  'SIGUSR1',
  'SIGSEGV',
  'SIGUSR2',
  'SIGPIPE',
  'SIGALRM',
  'SIGTERM',
  'SIGSTKFLT',
  'SIGCHLD',
  'SIGCONT',
  'SIGSTOP',
  'SIGTSTP',
  'SIGTTIN',
  'SIGTTOU',
  'SIGURG',
  'SIGXCPU',
  'SIGXFSZ',
  'SIGVTALRM',
  'SIGPROF',
  'SIGWINCH',
  'SIGIO',
  'SIGPWR',
  'SIGSYS',
] as const;

/** glibc's SIGRTMIN and the kernel's _NSIG on Linux. */
export const SIGRTMIN = 34;
export const SIGRTMAX = 64;

function linuxName(n: number): string {
  const standard = n >= 1 ? LINUX_STANDARD[n - 1] : undefined;
  if (standard !== undefined) return standard;
  const mid = SIGRTMIN + Math.floor((SIGRTMAX - SIGRTMIN) / 2);
  if (n === SIGRTMIN) return 'SIGRTMIN';
  if (n > SIGRTMIN && n <= mid) return `SIGRTMIN+${n - SIGRTMIN}`;
  if (n > mid && n < SIGRTMAX) return `SIGRTMAX-${SIGRTMAX - n}`;
  if (n === SIGRTMAX) return 'SIGRTMAX';
  return `SIG${n}`;
}

let byNumber: Map<number, string> | undefined;

// Node's table maps names to numbers; aliases (SIGIOT = SIGABRT, SIGPOLL =
// SIGIO) keep the first name listed.
function nodeName(n: number): string {
  if (byNumber === undefined) {
    byNumber = new Map();
    for (const [name, value] of Object.entries(constants.signals)) if (!byNumber.has(value)) byNumber.set(value, name);
  }
  return byNumber.get(n) ?? `SIG${n}`;
}

/** The name of signal n on this platform; a number it does not name prints as SIGn. */
export function signalName(n: number): string {
  return process.platform === 'linux' ? linuxName(n) : nodeName(n);
}
