#!/usr/bin/env node
// The struct layouts and constants the backends use, against each OS's real
// headers. An opt-in check, after `npm run build`:
//
//   node scripts/check-headers.mjs [--write] [--os darwin,openbsd,...]
//                                  [--tree OS=PATH[@COMMIT]]...
//
// For each OS, scripts/headers/<os>.mjs names every struct field and constant
// and the C expression it stands for. A probe file (scripts/headers/probe.mjs)
// holds one global per number; `zig cc -target T -S` compiles it for each
// target (x86_64 and aarch64 where the OS has it) and the numbers are read
// back from the assembly: nothing runs on the target.
//
// Headers: macOS's come with zig (Apple's SDK headers). For the others, PATH is
// a source tree of the OS (a checkout, or a git directory with COMMIT, default
// HEAD, from which the header directories are extracted with `git archive`):
// openbsd/src, freebsd/freebsd-src, NetBSD/src, DragonFlyBSD/DragonFlyBSD,
// illumos/illumos-gate. An OS without a tree is skipped. Nothing of a tree is
// kept in the repository.
//
// zig comes from the npm registry (headers/zig.mjs) into
// node_modules/.cache/zig, once. headers/tree.mjs prepares a tree,
// headers/compile.mjs compiles one target, headers/spec.mjs compares. The numbers are compared with the built
// modules; with --write they go to test/fixtures/headers/<os>.json, with the
// header each was found in and the release, and test/unit/ffi/structs/
// headers.test.ts compares them with the sources on every `npm test`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileTarget } from './headers/compile.mjs';
import { BUILT_INDEX, FIXTURES, ROOT, ZIG_CACHE } from './headers/paths.mjs';
import { compare, expandConstants, withMembers } from './headers/spec.mjs';
import { prepareTree } from './headers/tree.mjs';
import { ZIG_PACKAGE, ZIG_VERSION, ensureZig } from './headers/zig.mjs';

const OSES = ['darwin', 'freebsd', 'openbsd', 'netbsd', 'dragonfly', 'sunos'];

function options(argv) {
  const opts = { write: false, oses: OSES, trees: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--write') opts.write = true;
    else if (a === '--os') opts.oses = argv[++i].split(',');
    else if (a === '--tree') {
      const [os, where] = argv[++i].split(/=(.*)/s);
      opts.trees.set(os, where);
    } else throw new Error(`unknown argument ${a}`);
  }
  return opts;
}

async function main() {
  if (!existsSync(BUILT_INDEX)) throw new Error('run npm run build first');
  const opts = options(process.argv.slice(2));
  const zig = ensureZig();
  const zigVersion = execFileSync(zig, ['version'], { encoding: 'utf8' }).trim();
  const dir = join(ZIG_CACHE, 'probe');
  mkdirSync(dir, { recursive: true });
  let failed = false;
  for (const os of opts.oses) {
    const spec = (await import(`./headers/${os}.mjs`)).default;
    spec.expanded = expandConstants(spec);
    spec.structs = spec.structs.map(withMembers);
    let tree = null;
    let source;
    if (spec.tree) {
      const where = opts.trees.get(os) ?? process.env[`PSUTIL_EXTRA_TREE_${os.toUpperCase()}`];
      if (!where) {
        console.log(`${os}: skipped (no --tree ${os}=PATH)`);
        continue;
      }
      tree = prepareTree(spec, where);
      const release = spec.release((f) => readFileSync(join(tree.dir, f), 'latin1'), tree);
      source = { repository: spec.repository, commit: tree.commit, release };
    } else source = spec.source(zig);
    const targets = (spec.targetsFor ? spec.targetsFor(zig) : spec.targets).map((t) => ({ name: t.arch, ...t }));
    const measured = {
      os,
      source,
      compiler: `zig ${zigVersion} (${ZIG_PACKAGE}@${ZIG_VERSION}), cc -S`,
      targets: targets.map((t) => compileTarget(zig, spec, t, tree, dir)),
    };
    const problems = compare(spec, measured);
    const counts = measured.targets.map((t) => {
      const sizes = Object.values(t.structs).map((s) => `${s.type} ${s.size}`);
      return `${t.target}: ${sizes.join(', ')}, ${Object.keys(t.constants).length} constants`;
    });
    console.log(`${os} (${[source.release, source.commit].filter(Boolean).join(', ')}):\n  ${counts.join('\n  ')}`);
    if (opts.write) {
      const file = join(FIXTURES, `${os}.json`);
      mkdirSync(FIXTURES, { recursive: true });
      writeFileSync(file, JSON.stringify(measured, null, 2) + '\n');
      // In the repository's style, so that the lint passes on what was written.
      const prettier = join(ROOT, 'node_modules', '.bin', 'prettier');
      if (existsSync(prettier)) execFileSync(prettier, ['--write', file], { stdio: 'ignore' });
      console.log(`  wrote ${file.slice(ROOT.length + 1)}`);
    }
    if (problems.length > 0) {
      failed = true;
      for (const p of problems) console.log(`  MISMATCH ${p}`);
    } else
      console.log(
        `  matches the headers on ${measured.targets.length} target${measured.targets.length === 1 ? '' : 's'}`,
      );
  }
  if (failed) process.exitCode = 1;
}

await main();
