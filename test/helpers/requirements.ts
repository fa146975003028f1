// What a test needs from the machine beyond node, sh and the POSIX utilities
// (sleep, true, head, mkfifo, mknod): root, or programs such as perl, gcc or
// setpriv. needs() gives false when all of it is there, else the reason, for
// node:test's skip option: test(name, { skip: needs({ commands: ['perl'] }) }, fn).
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface Requirements {
  /** Root is needed; a string says what for ('for unshare --pid'). */
  readonly root?: true | string;
  /** Programs that must be on PATH; a list in the list is satisfied by any one of its programs. */
  readonly commands?: readonly (string | readonly string[])[];
}

/** True when this process runs as root. */
export const IS_ROOT = process.getuid?.() === 0;

const onPath = new Map<string, boolean>();

/** Whether `name` is an executable file in a PATH directory, as `command -v` finds it; looked up once per name. */
export function hasCommand(name: string): boolean {
  let found = onPath.get(name);
  if (found === undefined) {
    found = (process.env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && isExecutableFile(join(dir, name)));
    onPath.set(name, found);
  }
  return found;
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** false when every requirement holds, else why not: 'needs root for unshare; needs perl on PATH'. */
export function needs(requirements: Requirements): false | string {
  const reasons: string[] = [];
  const { root, commands = [] } = requirements;
  if (root !== undefined && !IS_ROOT) reasons.push(root === true ? 'needs root' : `needs root ${root}`);
  const missing = commands
    .map((wanted) => (typeof wanted === 'string' ? [wanted] : wanted))
    .filter((choices) => !choices.some(hasCommand))
    .map((choices) => choices.join(' or '));
  if (missing.length > 0) reasons.push(`needs ${missing.join(', ')} on PATH`);
  return reasons.length === 0 ? false : reasons.join('; ');
}
