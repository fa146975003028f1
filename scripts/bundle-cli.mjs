// Bundles the command into one file (dist/cli/bin.js): Node then reads and
// compiles one module instead of some sixty, which is most of the command's
// start-up cost beyond Node's own. Lazy requires stay lazy inside the bundle;
// koffi stays external (it carries its native binary).
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/bin.ts'],
  outfile: 'dist/cli/bin.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['koffi'],
  logLevel: 'warning',
});
