// The --help text. Static: printing it loads nothing else.
import { RESOURCE_INFO } from './resources.js';

export function helpText(): string {
  const resources = wrap(Object.keys(RESOURCE_INFO).join(' '), 72, '  ');
  return `Usage: psutil-extra [--json]
       psutil-extra [--json] PID...
       psutil-extra [--json] --set RESOURCE=LIMIT [--set RESOURCE=LIMIT]... PID

Shows a process's credentials, limits and signals, and how close it is to them.

With no PID: one row per process: PID, PGID, SID, UMASK, FILES (open files /
soft limit), GROUPS, USER (real uid) and COMMAND. Processes that exit during
the walk are left out; a field that cannot be read prints '-'.

With PIDs: for each, its name and user, process group, session, umask,
supplementary groups, signal masks by name, and its limits in prlimit's table
with an IN USE column; '!' marks a resource at or above 90% of its soft limit.
An empty IN USE cell means usage is not known or cannot be read. Signals are
named as bash's kill -l names them: SIGRTMIN is glibc's 34, and 32 and 33,
which glibc keeps for itself, print as SIG32 and SIG33.

Options:
  -j, --json              print the same data as JSON (one object per process;
                          with --set, the old and new limits)
  -s, --set RESOURCE=LIMIT
                          set a limit of the one PID given, like prlimit --pid;
                          repeatable, applied in order
  -h, --help              print this help and exit
  -V, --version           print the version and exit

LIMIT is soft:hard, soft: (hard unchanged), :hard (soft unchanged) or a single
value for both; 'unlimited' or -1 means no limit. RESOURCE is one of:
${resources}

Colour is used only when standard output is a terminal and NO_COLOR is unset
or empty.

Exit status: 0 success; 1 the operation failed (no such process, access
denied, the kernel refused); 2 usage error.
`;
}

function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(indent + line);
  return lines.join('\n');
}
