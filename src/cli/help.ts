// The --help text. Static: printing it loads nothing else.
import { COLUMN_KEYS, MIN_WATCH_SECONDS } from './args.js';
import { RESOURCE_INFO } from './resources.js';

export function helpText(): string {
  const resources = wrap(Object.keys(RESOURCE_INFO).join(' '), 72, '  ');
  const columns = wrap(COLUMN_KEYS.join(' '), 78, ' '.repeat(26));
  return `Usage: psutil-extra [--json] [-o COLUMNS] [--user USER] [--pid PIDS]
                    [--sort [-]COLUMN] [--no-header] [--watch SECONDS]
       psutil-extra [--json] [--watch SECONDS] PID...
       psutil-extra [--json] --set RESOURCE=LIMIT [--set RESOURCE=LIMIT]... PID

Shows a process's credentials, limits and signals, and how close it is to them.

With no PID: one row per process: PID, PGID, SID, UMASK, FILES (open files /
soft limit), GROUPS, USER (real uid) and COMMAND. Processes that exit during
the walk are left out; so are processes that may not be read, counted on
stderr (exit status 1). A cell that cannot be read prints '-'.

With PIDs: for each, its name and user, process group, session, umask,
supplementary groups, signal masks by name, and its limits in prlimit's table
with an IN USE column; '!' marks a resource at or above 90% of its soft limit.
An empty IN USE cell: the kernel shows no figure for that resource; '-': it
does, but not to you (another user's open files). Signals are named as bash's
kill -l names them: SIGRTMIN is glibc's 34, and 32 and 33, which glibc keeps
for itself, print as SIG32 and SIG33. A PID that does not exist or may not be
read prints one line on stderr and no report (exit status 1).

Options:
  -j, --json              print the same data as JSON (one object per process,
                          full reports; with --set, the old and new limits)
  -o, --columns LIST      the list's columns, by name, comma-separated;
                          repeatable. One of:
${columns}
  --user USER             list only processes whose real user is USER (a name
                          in /etc/passwd or a uid); repeatable, or a list
  -p, --pid PIDS          list only these processes (comma-separated)
  --sort [-]COLUMN        order the list by a column, '-' for descending
  --no-header             leave out the list's header line
  --watch SECONDS         show the list or the reports again every SECONDS
                          (at least ${MIN_WATCH_SECONDS}) until interrupted; on a terminal
                          redrawn in place, otherwise (and with --json) one
                          JSON document per line
  -s, --set RESOURCE=LIMIT
                          set a limit of the one PID given, like prlimit --pid;
                          repeatable, applied in order
  -h, --help              print this help and exit
  -V, --version           print the version and exit

LIMIT is soft:hard, soft: (hard unchanged), :hard (soft unchanged) or a single
value for both; 'unlimited' or -1 means no limit. RESOURCE is one of:
${resources}

On a terminal, lines are cut to its width as ps cuts them, and a long list of
groups shows its length and its first items: [65536] 1,2,3,... Elsewhere
nothing is cut. Names, command lines and messages are shown with every
control character (C0, DEL, C1), invalid UTF-8 and bidirectional control
replaced by '?'; JSON keeps them exactly, escaped. Colour is used only when
standard output is a terminal and NO_COLOR is unset or empty.

What a platform cannot read is left out or said to be not available there.

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
