// Signal numbers → names, as `kill -l` prints them on Linux (signal(7); the
// numbers of include/uapi/asm-generic/signal.h, shared by x86, arm and riscv).
//
// Real-time signals follow glibc, whose SIGRTMIN is 34: the C library keeps the
// kernel's first two real-time signals, 32 and 33, for its threads (NPTL's
// SIGCANCEL and SIGSETXID), so no program can name them. They print as SIG32
// and SIG33; 34–49 as SIGRTMIN+n and 50–64 as SIGRTMAX-n, exactly as bash's
// `kill -l` does, so every printed name can be given back to `kill -s`.

const STANDARD = [
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

/** glibc's SIGRTMIN and the kernel's _NSIG. */
export const SIGRTMIN = 34;
export const SIGRTMAX = 64;

/** The name of signal n (1–64); numbers outside that range print as SIGn. */
export function signalName(n: number): string {
  const standard = n >= 1 ? STANDARD[n - 1] : undefined;
  if (standard !== undefined) return standard;
  const mid = SIGRTMIN + Math.floor((SIGRTMAX - SIGRTMIN) / 2);
  if (n === SIGRTMIN) return 'SIGRTMIN';
  if (n > SIGRTMIN && n <= mid) return `SIGRTMIN+${n - SIGRTMIN}`;
  if (n > mid && n < SIGRTMAX) return `SIGRTMAX-${SIGRTMAX - n}`;
  if (n === SIGRTMAX) return 'SIGRTMAX';
  return `SIG${n}`;
}

/** A set of signals as names in numeric order. */
export function signalNames(signals: Iterable<number>): string[] {
  return [...signals].sort((a, b) => a - b).map(signalName);
}
