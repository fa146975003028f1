// The built package as another user can load it. A checkout under a private
// directory (mktemp -d makes one mode 0700) cannot be read by the uids the
// tests drop to; those tests then load a copy of what the package reads at
// run time (dist/, package.json, koffi and its binary package) placed in a
// directory everyone can read, made once per test process.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, ROOT } from './paths.js';

let root: string | undefined;

/** A package root (holding dist/) that uid 65534 can read: the checkout itself when it can. */
export function readablePackageRoot(): string {
  if (root !== undefined) return root;
  const probe = spawnSync('setpriv', [
    '--reuid=65534',
    '--regid=65534',
    '--clear-groups',
    'test',
    '-r',
    join(DIST, 'cli', 'bin.js'),
  ]);
  if (probe.status === 0) return (root = ROOT);
  const copy = mkdtempSync(join(tmpdir(), 'psutil-extra-readable-'));
  chmodSync(copy, 0o755);
  process.once('exit', () => rmSync(copy, { recursive: true, force: true }));
  cpSync(DIST, join(copy, 'dist'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(copy, 'package.json'));
  cpSync(join(ROOT, 'node_modules', 'koffi'), join(copy, 'node_modules', 'koffi'), { recursive: true });
  const scoped = join(ROOT, 'node_modules', '@koromix');
  if (existsSync(scoped)) {
    for (const name of readdirSync(scoped)) {
      cpSync(join(scoped, name), join(copy, 'node_modules', '@koromix', name), { recursive: true });
    }
  }
  return (root = copy);
}
