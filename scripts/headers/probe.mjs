// The probe file and its reading, shared by every OS's header check. A probe
// defines one global per number: `unsigned long long probe_N = 1 + (expression)`.
// Compiled with -S, each becomes an assembly constant (.quad), read back here;
// nothing runs on the target. The stored value is one more than the number so
// that no global is zero (a zero goes to .bss or .zerofill, not .quad).

/**
 * A probe source for one spec: every struct's sizeof, every field's offsetof
 * and sizeof, and every constant, each under a name of its own. A constant the
 * headers may lack is guarded with #ifdef, so its absence is a result rather
 * than a compile error.
 */
export function probeSource(spec) {
  const names = [];
  const lines = ['#include <stddef.h>', ...spec.headers.map((h) => `#include <${h}>`)];
  const define = (key, expr, guard) => {
    const name = `probe_${names.length}`;
    names.push([name, key]);
    if (guard) lines.push(`#ifdef ${guard}`);
    lines.push(`unsigned long long ${name} = 1ULL + (unsigned long long)(${expr});`);
    if (guard) lines.push('#endif');
  };
  for (const s of spec.structs) {
    define(`${s.layout} size`, `sizeof(${s.type})`);
    for (const [field, member] of Object.entries(s.members)) {
      define(`${s.layout} ${field} offset`, `offsetof(${s.type}, ${member})`);
      define(`${s.layout} ${field} size`, `sizeof(((${s.type} *)0)->${member})`);
    }
  }
  for (const c of spec.constants)
    define(`constant ${c.key}`, c.expr, !c.enumerator && /^[A-Za-z_]\w*$/.test(c.expr) ? c.expr : undefined);
  return { text: lines.join('\n') + '\n', names };
}

/**
 * Values from the assembly: the label `probe_N:` (`_probe_N:` on Mach-O), then
 * after any directives the first 8-byte datum (`.quad` on x86-64, `.xword` on
 * AArch64 ELF). clang prints it as a signed decimal; the value returned is the
 * 64-bit pattern read as unsigned (so -1 is 2^64 - 1). Read line by line.
 */
export function readAssembly(text, names) {
  const found = new Map();
  let label = null;
  for (const line of text.split('\n')) {
    const l = line.trim();
    const head = l.match(/^_?(probe_\d+):/);
    if (head) label = head[1];
    else if (label !== null) {
      const datum = l.match(/^\.(?:quad|xword|8byte)\s+(-?\d+)/);
      if (datum) {
        found.set(label, BigInt.asUintN(64, BigInt(datum[1]) - 1n));
        label = null;
      } else if (!l.startsWith('.') && l !== '' && !l.startsWith('#') && !l.startsWith('//')) label = null;
    }
  }
  const values = new Map();
  for (const [name, key] of names) if (found.has(name)) values.set(key, found.get(name));
  return values;
}
