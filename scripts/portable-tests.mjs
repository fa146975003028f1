// The part of the suite that holds on every supported OS and runtime: the
// decoders and layouts of every backend but Linux's, platform detection,
// availability, SignalSet, and the live tests of test/live/portable.test.ts.
// .ci/platform-tests runs it on real kernels; scripts/test-runtimes.mjs runs it
// under Bun and Deno. Prints the built files, one per line, when run directly.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function testsUnder(dir) {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.test.js'))
    .map((e) => relative(ROOT, join(e.parentPath ?? e.path, e.name)))
    .filter((f) => !f.split('/').includes('linux'));
}

/**
 * The built test files, relative to the repository. `simulated` includes the
 * tests that fake process.platform in a child started with Node's --require
 * (Deno has no such preload, so its children would simply be Linux).
 */
export function portableTestFiles({ simulated = true } = {}) {
  return [
    ...testsUnder('build/test/unit/backends'),
    ...testsUnder('build/test/unit/ffi'),
    'build/test/unit/platform.test.js',
    ...(simulated ? ['build/test/unit/platform.simulated.test.js'] : []),
    'build/test/unit/availability.test.js',
    'build/test/unit/signal-set.test.js',
    'build/test/unit/failures.test.js',
    'build/test/live/portable.test.js',
  ].sort();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(portableTestFiles().join('\n'));
