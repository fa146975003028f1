// Where the header check keeps things, and how it loads the built modules it
// checks (build/src, after `npm run build`).
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** zig, unpacked from its npm package, and the probes compiled with it. */
export const ZIG_CACHE = join(ROOT, 'node_modules', '.cache', 'zig');
/** Header directories extracted from the OS source trees, one folder per commit. */
export const TREES = join(ROOT, 'node_modules', '.cache', 'os-headers');
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'headers');
export const BUILT_INDEX = join(ROOT, 'build', 'src', 'index.js');
/** require() relative to build/src: `requireBuilt('./ffi/structs/freebsd.js')`. */
export const requireBuilt = createRequire(BUILT_INDEX);
