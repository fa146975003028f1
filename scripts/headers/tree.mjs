// An OS's source tree as headers: extracted from a git directory at a commit,
// or used where it is checked out.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TREES } from './paths.mjs';

/**
 * The header directories of a source tree, as files: a checkout is used where
 * it is; from a git directory the spec's directories at COMMIT are extracted
 * into node_modules/.cache/os-headers/<os>-<commit>. With the commit and its
 * date, which a spec's release(read, tree) may use.
 */
export function prepareTree(spec, where) {
  const [path, rev = 'HEAD'] = where.split(/@(?=[^@]*$)/);
  const isGitDir = existsSync(join(path, 'objects')) && existsSync(join(path, 'HEAD'));
  if (!isGitDir) {
    let commit = 'unknown';
    let date = null;
    try {
      [commit, date] = execFileSync('git', ['-C', path, 'log', '-1', '--format=%H %cs'], { encoding: 'utf8' })
        .trim()
        .split(' ');
    } catch {
      // a tree outside git: no commit to record
    }
    return { dir: path, commit, date };
  }
  const git = (...args) => execFileSync('git', ['--git-dir', path, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const commit = git('rev-parse', `${rev}^{commit}`).trim();
  const date = git('log', '-1', '--format=%cs', commit).trim();
  const dir = join(TREES, `${spec.os}-${commit.slice(0, 12)}`);
  if (!existsSync(join(dir, '.complete'))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    // Pathspec magic (':(exclude)DIR') goes to git archive as it is.
    const present = spec.tree.filter((p) => p.startsWith(':') || git('ls-tree', commit, p).trim() !== '');
    execFileSync(
      'bash',
      [
        '-c',
        'set -o pipefail; git --git-dir "$0" archive "$1" -- "${@:2}" | tar x -C "$DEST"',
        path,
        commit,
        ...present,
      ],
      {
        env: { ...process.env, DEST: dir },
      },
    );
    writeFileSync(join(dir, '.complete'), commit + '\n');
  }
  return { dir, commit, date };
}

// A constant the kernel keeps to itself (#ifdef _KERNEL), which a user-space
// probe cannot see: its `#define NAME literal` as the header's text has it.
export function textValue(tree, c) {
  const text = readFileSync(join(tree.dir, c.kernelOnly), 'latin1');
  const m = text.match(new RegExp(`^\\s*#\\s*define\\s+${c.expr}\\s+\\(?(0x[0-9a-fA-F]+|\\d+)\\)?\\s*(?:/\\*|$)`, 'm'));
  if (!m) throw new Error(`${c.expr}: no integer #define in ${c.kernelOnly}`);
  return BigInt(m[1]).toString();
}
