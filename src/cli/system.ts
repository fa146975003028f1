// The command's own reads of the system, all in this one module: /etc/passwd
// and /etc/group (names.ts) and the package's version. Everything about a
// process comes from the library. A file that cannot be read answers
// undefined instead of throwing: a name that cannot be looked up prints as
// its number.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A file as UTF-8 text (invalid bytes become U+FFFD), or undefined when it cannot be read. */
export function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * The package's version, from the nearest package.json above this file named
 * psutil-extra (two levels up from dist/cli/, three from the test build's src/cli/).
 */
export function packageVersion(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const text = readText(join(dir, 'package.json'));
    const pkg = text === undefined ? undefined : (JSON.parse(text) as { name?: unknown; version?: unknown });
    if (pkg?.name === 'psutil-extra' && typeof pkg.version === 'string') return pkg.version;
    if (dirname(dir) === dir) return 'unknown';
  }
}
