// Runs compiled test files with node's test runner: every *.test.js under the
// folders given (build/test when none is), or the files given.
//   node scripts/run-tests.mjs [node --test options] [folder or file ...]
// Options start with '-' and pass to node; give values as --option=value.
// Node 20's runner takes no glob, so the files are listed here.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function collect(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...collect(path));
    else if (name.endsWith('.test.js')) out.push(path);
  }
  return out;
}

const args = process.argv.slice(2);
const options = args.filter((arg) => arg.startsWith('-'));
const paths = args.filter((arg) => !arg.startsWith('-'));
const files = [];
for (const path of paths.length > 0 ? paths : ['build/test']) {
  if (!existsSync(path)) {
    console.error(`run-tests: ${path} does not exist (npm run build compiles the tests into build/test)`);
    process.exit(2);
  }
  files.push(...(statSync(path).isDirectory() ? collect(path) : [path]));
}
if (files.length === 0) {
  console.error(`run-tests: no *.test.js under ${paths.join(', ')}`);
  process.exit(2);
}
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...options, ...files], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
