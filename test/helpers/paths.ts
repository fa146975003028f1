// Where tests find the repository and the build, wherever their own file sits
// (this file runs from build/test/helpers).
import { join, resolve } from 'node:path';

/** The repository root: package.json, README.md, test/fixtures, scripts. */
export const ROOT = resolve(__dirname, '../../..');
/** The compiled tree: build/src, build/test, build/bench. */
export const BUILD = join(ROOT, 'build');
/** The built package, as users get it. */
export const DIST = join(ROOT, 'dist');
