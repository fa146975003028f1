// One target: the probe compiled with `zig cc -target T -S` against the
// target's headers, its numbers read back, and where each was defined.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { probeSource, readAssembly } from './probe.mjs';
import { textValue } from './tree.mjs';
import { zigEnv } from './zig.mjs';

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

// The directories an OS installs under other names (machine/, x86/), as links
// in `links`, and stand-ins for the headers its build generates (the spec
// says why each is harmless).
function layLinks(tree, target, links) {
  rmSync(links, { recursive: true, force: true });
  mkdirSync(links, { recursive: true });
  for (const [name, to] of Object.entries(target.links ?? {})) {
    if (typeof to === 'string') {
      symlinkSync(join(tree.dir, to), join(links, name));
      continue;
    }
    // Several directories installed as one (DragonFly's machine/: the cpu
    // headers, then the platform's over them): a link per file, the later
    // directory's winning.
    mkdirSync(join(links, name));
    for (const from of to)
      for (const entry of readdirSync(join(tree.dir, from))) {
        rmSync(join(links, name, entry), { force: true });
        symlinkSync(join(tree.dir, from, entry), join(links, name, entry));
      }
  }
  for (const [name, text] of Object.entries(target.stubs ?? {})) {
    mkdirSync(dirname(join(links, name)), { recursive: true });
    writeFileSync(join(links, name), text);
  }
}

export function compileTarget(zig, spec, target, tree, dir) {
  const base = join(dir, `${spec.os}-${target.name}`);
  const src = `${base}.c`;
  const probe = probeSource({ ...spec, constants: spec.expanded });
  writeFileSync(src, probe.text);
  const flags = ['-target', target.triple, ...(target.flags ?? [])];
  if (tree) {
    const links = join(dir, `links-${spec.os}-${target.name}`);
    layLinks(tree, target, links);
    flags.push('-nostdinc', '-isystem', join(dirname(zig), 'lib', 'include'), '-isystem', links);
    for (const d of target.dirs) flags.push('-isystem', join(tree.dir, d));
  }
  // One compile writes the assembly and, with -MD, the headers it included.
  execFileSync(zig, ['cc', ...flags, '-S', '-O0', '-MD', '-MF', `${base}.d`, '-o', `${base}.s`, src], {
    env: zigEnv(),
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const deps = readFileSync(`${base}.d`, 'utf8')
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
